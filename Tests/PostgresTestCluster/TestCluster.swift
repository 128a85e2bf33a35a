import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A throwaway PostgreSQL cluster for the tests: `initdb` in a temporary folder, started on 127.0.0.1 on a
/// free port, stopped and removed when the test process ends.
///
/// One cluster serves a whole test run (`shared()`); each test takes a fresh database (`makeDatabase()`).
/// TCP connections need a password (scram-sha-256), so wrong passwords can be tested; `psql` as the
/// superuser goes through the cluster's own socket folder. As root, the server runs as the `postgres` user
/// (it refuses root). Needs Debian's `postgresql` package (`make test-deps` installs it).
public final class TestCluster: @unchecked Sendable {
  /// The role that owns every test database (not a superuser, so row-level security and triggers apply as
  /// they would on a federation's server).
  public static let ownerRole = "entraide_owner"
  public static let ownerPassword = "owner-secret-0"
  static let superPassword = "super-secret-0"

  public let root: URL
  public let port: Int
  let binaries: URL
  let runAsPostgres: Bool

  init(root: URL, port: Int, binaries: URL, runAsPostgres: Bool) {
    self.root = root
    self.port = port
    self.binaries = binaries
    self.runAsPostgres = runAsPostgres
  }

  /// What a command printed and how it ended.
  public struct Output: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
  }

  /// A database of the cluster, owned by `ownerRole`.
  public struct Database: Sendable {
    public var name: String
    public var port: Int

    /// The URL Entraide takes in `--db`, for `role` (the owner by default), password included.
    public func url(role: String = TestCluster.ownerRole, password: String? = TestCluster.ownerPassword) -> String {
      let credentials = password.map { "\(role):\($0)" } ?? role
      return "postgresql://\(credentials)@127.0.0.1:\(port)/\(name)"
    }
  }

  nonisolated(unsafe) private static var sharedCluster: TestCluster?
  nonisolated(unsafe) private static var sharedError: String?
  private static let lock = NSLock()
  nonisolated(unsafe) private static var counter = 0

  /// The cluster of this test process, started on first use.
  public static func shared() throws -> TestCluster {
    lock.lock()
    defer { lock.unlock() }
    if let sharedCluster { return sharedCluster }
    if let sharedError { throw ClusterError(sharedError) }
    do {
      let cluster = try start()
      sharedCluster = cluster
      atexit { TestCluster.stopShared() }
      return cluster
    } catch {
      sharedError = "\(error)"
      throw error
    }
  }

  /// Stops and removes the shared cluster (at the end of the test process).
  static func stopShared() {
    guard let cluster = sharedCluster else { return }
    sharedCluster = nil
    cluster.stop()
  }

  /// A fresh, empty database owned by `ownerRole`.
  public func makeDatabase() throws -> Database {
    let name = Self.lock.withLock {
      Self.counter += 1
      return "entraide_test_\(getpid())_\(Self.counter)"
    }
    try checked(psql("CREATE DATABASE \(name) OWNER \(Self.ownerRole)", database: "postgres"))
    return Database(name: name, port: port)
  }

  /// Creates a login role with `password` (role names are cluster-wide: make them unique per test).
  public func createRole(_ name: String, password: String) throws {
    try checked(psql("CREATE ROLE \(name) LOGIN PASSWORD '\(password)'", database: "postgres"))
  }

  /// Runs `sql` with `psql` (tuples only, unaligned, stop on the first error): as the superuser through the
  /// cluster's socket, or as `role` with `password` over TCP, as any program a coordinator has would.
  public func psql(_ sql: String, database: String, role: String? = nil, password: String? = nil) -> Output {
    var arguments = ["-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-d", database, "-p", String(port)]
    var environment = ["LC_ALL": "C.UTF-8", "PGCONNECT_TIMEOUT": "10"]
    if let role {
      arguments += ["-h", "127.0.0.1", "-U", role]
      environment["PGPASSWORD"] = password ?? ""
    } else {
      arguments += ["-h", root.path, "-U", "postgres"]
    }
    arguments += ["-c", sql]
    return Self.run(binaries.appendingPathComponent("psql").path, arguments, environment: environment)
  }

  /// A cluster of its own, for a test that stops and restarts the server (`stopServer`, `startServer`);
  /// `stop()` removes it.
  public static func startPrivate() throws -> TestCluster { try start() }

  /// Stops the server as an administrator's restart does (`pg_ctl stop -m fast`: connections are cut),
  /// keeping its data.
  public func stopServer() throws {
    let stopped = server(["pg_ctl", "-D", dataFolder, "-m", "fast", "-w", "stop"])
    guard stopped.status == 0 else { throw ClusterError("pg_ctl stop failed: \(stopped.stderr)") }
  }

  /// Starts the server again, on the same port.
  public func startServer() throws {
    let started = server(serverStart(port: port))
    guard started.status == 0 else { throw ClusterError("pg_ctl start failed: \(started.stderr)") }
  }

  func serverStart(port: Int) -> [String] {
    [
      "pg_ctl", "-D", dataFolder, "-l", root.appendingPathComponent("log").path, "-w", "-t", "60",
      "-o", "-p \(port) -k \(root.path) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
      "start",
    ]
  }

  /// Stops the server at once and removes its folder.
  public func stop() {
    _ = server(["pg_ctl", "-D", dataFolder, "-m", "immediate", "-w", "stop"])
    try? FileManager.default.removeItem(at: root)
  }

  var dataFolder: String { root.appendingPathComponent("data").path }

  // MARK: - Starting

  static func start() throws -> TestCluster {
    removeAbandonedClusters()
    guard let binaries = serverBinaries() else {
      throw ClusterError(
        "PostgreSQL's server is not installed (no /usr/lib/postgresql/*/bin/initdb): run `make test-deps`")
    }
    let runAsPostgres = getuid() == 0
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "entraide-pg-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try "\(getpid())\n".write(to: root.appendingPathComponent("owner.pid"), atomically: true, encoding: .utf8)
    let passwordFile = root.appendingPathComponent("password")
    try "\(superPassword)\n".write(to: passwordFile, atomically: true, encoding: .utf8)
    if runAsPostgres {
      guard let user = getpwnam("postgres") else {
        throw ClusterError("running as root, but there is no `postgres` user to run the server as")
      }
      for path in [root.path, passwordFile.path] { chown(path, user.pointee.pw_uid, user.pointee.pw_gid) }
    }
    chmod(root.path, 0o700)
    var cluster = TestCluster(root: root, port: 0, binaries: binaries, runAsPostgres: runAsPostgres)
    let initialized = cluster.server([
      "initdb", "-D", cluster.dataFolder, "-U", "postgres", "--pwfile", passwordFile.path, "--auth-local=trust",
      "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8",
    ])
    guard initialized.status == 0 else {
      try? FileManager.default.removeItem(at: root)
      throw ClusterError("initdb failed: \(initialized.stderr)\(initialized.stdout)")
    }
    var lastFailure = ""
    for _ in 0..<5 {
      let port = try freePort()
      cluster = TestCluster(root: root, port: port, binaries: binaries, runAsPostgres: runAsPostgres)
      let started = cluster.server(cluster.serverStart(port: port))
      if started.status == 0 {
        try cluster.checked(
          cluster.psql(
            "CREATE ROLE \(ownerRole) LOGIN PASSWORD '\(ownerPassword)'", database: "postgres"))
        return cluster
      }
      lastFailure = started.stderr + started.stdout
    }
    cluster.stop()
    throw ClusterError("pg_ctl start failed: \(lastFailure)")
  }

  /// Stops and removes the clusters of earlier test processes that ended without stopping theirs.
  static func removeAbandonedClusters() {
    let temporary = FileManager.default.temporaryDirectory
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: temporary.path) else { return }
    for name in names where name.hasPrefix("entraide-pg-") {
      let folder = temporary.appendingPathComponent(name)
      guard let text = try? String(contentsOf: folder.appendingPathComponent("owner.pid"), encoding: .utf8),
        let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)), kill(pid, 0) != 0, errno == ESRCH,
        let binaries = serverBinaries()
      else { continue }
      let abandoned = TestCluster(root: folder, port: 0, binaries: binaries, runAsPostgres: getuid() == 0)
      abandoned.stop()
    }
  }

  /// The newest installed server's `bin` folder.
  static func serverBinaries() -> URL? {
    let base = "/usr/lib/postgresql"
    let versions = ((try? FileManager.default.contentsOfDirectory(atPath: base)) ?? [])
      .compactMap(Int.init).sorted()
    for version in versions.reversed() {
      let bin = URL(fileURLWithPath: "\(base)/\(version)/bin")
      if FileManager.default.isExecutableFile(atPath: bin.appendingPathComponent("initdb").path) { return bin }
    }
    return nil
  }

  /// A TCP port on 127.0.0.1 that nothing listens on right now.
  static func freePort() throws -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw ClusterError("socket() failed") }
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
        bind(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
      }
    }
    guard bound else { throw ClusterError("cannot find a free port") }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  /// Runs a server program (`initdb`, `pg_ctl`) as the `postgres` user when root, from `/`.
  func server(_ command: [String]) -> Output {
    let program = binaries.appendingPathComponent(command[0]).path
    let rest = Array(command.dropFirst())
    let environment = ["LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"]
    if runAsPostgres {
      return Self.run("/usr/sbin/runuser", ["-u", "postgres", "--", program] + rest, environment: environment)
    }
    return Self.run(program, rest, environment: environment)
  }

  @discardableResult
  func checked(_ output: Output) throws -> Output {
    guard output.status == 0 else { throw ClusterError("psql failed: \(output.stderr)") }
    return output
  }

  /// Runs a program to its end with a small environment, from `/`.
  ///
  /// posix_spawn and waitpid rather than Foundation's Process: `runuser` around `pg_ctl start` ends while
  /// the server it started runs on, and Process was seen waiting forever for it. Output goes to files, not
  /// pipes, so the running server holds nothing the caller waits on.
  public static func run(_ program: String, _ arguments: [String], environment: [String: String]) -> Output {
    let folder = FileManager.default.temporaryDirectory
    let outPath = folder.appendingPathComponent("entraide-pgout-\(UUID().uuidString)").path
    let errPath = folder.appendingPathComponent("entraide-pgerr-\(UUID().uuidString)").path
    defer {
      unlink(outPath)
      unlink(errPath)
    }
    var full = ["PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin"]
    full.merge(environment) { _, new in new }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    // `env -C /`: from a folder the `postgres` user can read.
    let argv = (["/usr/bin/env", "-C", "/", program] + arguments).map { strdup($0) } + [nil]
    let envp = full.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, "/usr/bin/env", &actions, nil, argv, envp)
    guard spawned == 0 else {
      return Output(status: -1, stdout: "", stderr: "cannot run \(program): error \(spawned)")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let exited = (status & 0x7F) == 0
    return Output(
      status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F),
      stdout: String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self),
      stderr: String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self))
  }
}

/// Why the test cluster could not be set up.
public struct ClusterError: Error, CustomStringConvertible {
  public var description: String
  init(_ description: String) { self.description = description }
}
