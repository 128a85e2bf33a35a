// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Entraide",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "entraide", targets: ["entraide"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
  ],
  targets: [
    // libxml2 through pkg-config; see docs/libxml2.md for the shim's traps.
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    // Processor affinity for CourseXML's worker threads (glibc's _GNU_SOURCE calls, which Swift does not see).
    .target(name: "CThreads"),
    // Pure values: courses, certifications, localized text. No I/O.
    .target(name: "CourseModel"),
    // Reads course and certification files with libxml2, validates them against the XSDs, lints them.
    .target(
      name: "CourseXML",
      dependencies: ["CLibXML2", "CThreads", "CourseModel", .product(name: "Crypto", package: "swift-crypto")]),
    // Pure quiz and role-play sessions, scoring, exploration.
    .target(name: "CourseEngine", dependencies: ["CourseModel"]),
    // The SQLite registry (GRDB) and the certification rules.
    .target(
      name: "Registry",
      dependencies: [
        "CourseModel",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "SwiftCSV", package: "SwiftCSV"),
      ]
    ),
    // The shared registry on a PostgreSQL server (PostgresNIO): the same operations as the SQLite one, scopes
    // enforced by the server's row-level security. See docs/federation.md.
    .target(
      name: "PostgresRegistry",
      dependencies: ["CourseModel", "Registry", .product(name: "PostgresNIO", package: "postgres-nio")]
    ),
    // Pure report renderers (roster: table, CSV, JSON, HTML, iCalendar): rows in, text out.
    .target(name: "Reports", dependencies: ["CourseModel", .product(name: "Crypto", package: "swift-crypto")]),
    // Terminal protocol, rendering and input; the engine never sees it.
    .target(name: "TerminalUI", dependencies: ["CourseModel", "CourseEngine"]),
    .executableTarget(
      name: "entraide",
      dependencies: [
        "CourseModel", "CourseXML", "CourseEngine", "Registry", "PostgresRegistry", "Reports", "TerminalUI",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // Release on Linux: a position-dependent executable. Its 92,000 relative relocations otherwise touch
      // (and copy) about 300 pages at every start, 2 ms of `entraide validate`'s 22. See docs/validate.md.
      linkerSettings: [
        .unsafeFlags(["-Xclang-linker", "-no-pie"], .when(platforms: [.linux], configuration: .release))
      ]
    ),
    // Fuzzing the course loader (`make fuzz`, libFuzzer); a plain build is a replay tool for its findings.
    .executableTarget(
      name: "EntraideFuzz", dependencies: ["CourseXML", "CourseEngine", "CourseModel", "Registry"],
      path: "Fuzz/LoaderFuzz"),
    // Benchmarks (release): exploration of a generated 200-scene role-play; see Benchmarks/run.
    .executableTarget(name: "EntraideBenchmarks", dependencies: ["CourseEngine"], path: "Benchmarks/EngineBench"),
    .testTarget(name: "CourseModelTests", dependencies: ["CourseModel"]),
    .testTarget(
      name: "CourseXMLTests", dependencies: ["CourseXML", "CourseModel"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "CourseEngineTests", dependencies: ["CourseEngine", "CourseModel", "CourseXML"]),
    // A throwaway PostgreSQL cluster (initdb on a free port) shared by the tests of one run.
    .target(name: "PostgresTestCluster", path: "Tests/PostgresTestCluster"),
    .testTarget(
      name: "RegistryTests", dependencies: ["Registry", "PostgresRegistry", "PostgresTestCluster", "CourseModel"]),
    // The xAPI 1.0.3 statement rules, as a test helper for the tests of `export xapi`.
    .target(name: "XAPIValidation", path: "Tests/XAPIValidation"),
    .testTarget(
      name: "ReportsTests",
      dependencies: ["Reports", "CourseModel", "XAPIValidation", .product(name: "SwiftCSV", package: "SwiftCSV")]),
    .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "CourseEngine", "CourseModel"]),
    .testTarget(
      name: "EntraideCLITests", dependencies: ["CourseModel", "PostgresTestCluster", "entraide", "XAPIValidation"],
      // Expected transcripts, read from the source tree by path (Support/Transcripts.swift).
      exclude: ["Fixtures"]),
  ],
  swiftLanguageModes: [.v6]
)
