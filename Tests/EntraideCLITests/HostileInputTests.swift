import Foundation
import Testing

// Hostile input, each with its own fixture (big ones generated here, never committed) and the exact
// outcome. See docs/RELIABILITY.md for the table.

/// Runs `entraide` under an address-space cap (`ulimit -v`, KiB): bounded memory, asserted by the program
/// finishing with its own outcome instead of failing to allocate.
private func capped(_ kib: Int, _ arguments: [String], stdin: Data = Data(), environment: [String: String]) throws
  -> RunResult
{
  let quoted = ([Entraide.binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
  // The cap is on address space: glibc's allocator reserves 64 MB more for each thread that meets contention
  // (more of them on a loaded machine), so its arenas are held to two for the cap to measure the program.
  var environment = environment
  environment["MALLOC_ARENA_MAX"] = "2"
  return try Entraide.run(
    ["-c", "ulimit -v \(kib); exec " + quoted.joined(separator: " ")], stdinData: stdin, environment: environment,
    executable: URL(fileURLWithPath: "/bin/bash"))
}

/// A course file in the bench's folder.
private func courseFile(_ bench: CrashBench, _ name: String, _ text: String) throws -> String {
  let path = bench.root.appendingPathComponent(name).path
  try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  return path
}

private let courseHead = """
  <?xml version="1.0" encoding="UTF-8"?>
  <course xmlns="urn:entraide:course:1" id="piege" version="1" duration="PT5M">
  """

@Test func anExternalEntityIsRefusedAndTheFileNeverRead() throws {
  let bench = try CrashBench()
  let secret = bench.root.appendingPathComponent("secret.txt")
  try Data("SECRET-MARKER".utf8).write(to: secret)
  let path = try courseFile(
    bench, "xxe.xml",
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE course [<!ENTITY x SYSTEM "file://\(secret.path)">]>
    <course xmlns="urn:entraide:course:1" id="xxe" version="1" duration="PT5M"><title>&x;</title></course>
    """)
  let result = try bench.run(["validate", path])
  #expect(result.status == 1)
  #expect(
    result.stdout + result.stderr
      == "\(path):2:1: error: course files may not contain a <!DOCTYPE> declaration or entities; remove it\n1 file checked: 1 error, 0 warnings\n"
  )
  let helper = try bench.addHelper("Ann Lee")
  let run = try bench.run(["run", path, "--helper", helper], stdin: "\n")
  #expect(run.status == 2)
  #expect(!(run.stdout + run.stderr).contains("SECRET-MARKER"))
}

@Test func anEntityBombIsRefusedBeforeItGrows() throws {
  let bench = try CrashBench()
  var entities = "<!ENTITY a0 \"lol\">"
  for level in 1...12 { entities += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">" }
  let path = try courseFile(
    bench, "bomb.xml",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE course [\(entities)]>\n<course xmlns=\"urn:entraide:course:1\">&a12;</course>\n"
  )
  let result = try capped(400_000, ["validate", path], environment: bench.environment)
  #expect(result.status == 1)
  #expect(
    result.stdout + result.stderr
      == "\(path):2:1: error: course files may not contain a <!DOCTYPE> declaration or entities; remove it\n1 file checked: 1 error, 0 warnings\n"
  )
}

@Test func aSchemaLocationInACourseIsNeverFollowed() throws {
  let bench = try CrashBench()
  // An "XSD" that would refuse everything, named by the course: validation must use the built-in schema.
  let hostile = try courseFile(bench, "hostile.xsd", "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"/>")
  let path = try courseFile(
    bench, "located.xml",
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <course xmlns="urn:entraide:course:1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
      xsi:schemaLocation="urn:entraide:course:1 file://\(hostile)" id="located" version="1" duration="PT5M">
      <title>Situé</title>
      <lesson id="l"><title>L</title><page><p>Texte.</p></page></lesson>
    </course>
    """)
  let result = try bench.run(["validate", path])
  #expect(result.stdout + result.stderr == "1 file checked: 0 errors, 0 warnings\n")
  #expect(result.status == 0)
}

@Test func bidiAndC1ControlsInCourseTextNeverReachTheTerminal() throws {
  let bench = try CrashBench()
  let path = try courseFile(
    bench, "bidi.xml",
    courseHead + """
        <title>Cours&#x202E;esruoc&#x202C;&#x9B;2J</title>
        <lesson id="l"><title>Le&#x2066;çon&#x2069;</title><page><p>Texte&#x200F; &#x85;propre&#x61C;.</p></page></lesson>
      </course>
      """)
  let helper = try bench.addHelper("Ann Lee")
  let result = try bench.run(["run", path, "--helper", helper, "--lang", "fr", "--plain"], stdin: "\n")
  #expect(result.status == 0, "\(result.stderr)")
  // "Cours : Coursesruoc2J", "Activité 1 sur 1 : Leçon", "Texte propre.": the text without its controls.
  Transcript.expect(result.stdout, equals: "hostile-bidi-fr", root: bench.root)
  #expect(result.stderr == "")
  #expect(!result.stdout.unicodeScalars.contains { $0.isControlOrBidiForTest })
}

@Test func formulaAndMarkupInNamesAreInertInEveryExport() throws {
  let bench = try CrashBench()
  let add = try bench.run([
    "helpers", "add", "--id", "evil", "--name", "=HYPERLINK(\"http://x\",\"y\")", "--local",
    "<script>alert(1)</script>",
    "--region", "+1;@SUM(A1)",
  ])
  #expect(add.status == 0)
  let csv = try bench.run(["roster", "--format", "csv"])
  #expect(
    csv.stdout.contains("evil,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",<script>alert(1)</script>,'+1;@SUM(A1),"))
  let html = try bench.run(["roster", "--format", "html"])
  #expect(html.stdout.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"))
  #expect(!html.stdout.contains("<script>"))
  let json = try bench.run(["roster", "--format", "json"])
  #expect(json.stdout.contains(#""name": "=HYPERLINK(\"http://x\",\"y\")","#))
  let ics = try bench.run(["roster", "--format", "ics"])
  #expect(ics.status == 0)
  #expect(!ics.stdout.contains("\n=") && !ics.stdout.contains("<script>alert(1)</script>\r\nBEGIN"))
}

@Test(arguments: [
  (
    ["roster", "--local", "' OR '1'='1"],
    "No active helper belongs to the local “' OR '1'='1”. Locals in the registry, closest first: L."
  ),
  (["roster", "--region", "%"], "No active helper in the region “%”. Regions in the registry, closest first: R."),
  (
    ["roster", "--certification", "x' --"],
    "No certification has the id “x' --”. Known certifications, closest first: entraidant, sentinelle."
  ),
  (["status", "alee' OR 1=1 --"], "No helper has the id “alee' OR 1=1 --”."),
  (["helpers", "show", "_"], "No helper has the id “_”."),
])
func sqlMetacharactersInAFilterAreAnUnknownValue(_ arguments: [String], _ message: String) throws {
  let bench = try CrashBench()
  _ = try bench.addHelper("Ann Lee")
  let result = try bench.run(arguments)
  #expect(result.status == 2)
  #expect(result.stdout == "")
  #expect(result.stderr.hasPrefix("entraide: error: " + message))
}

@Test func aCourseIdOrHelperWithASlashNamesNothingOutsideItsPlace() throws {
  let bench = try CrashBench()
  let helper = try bench.addHelper("Ann Lee")
  var result = try bench.run(["run", "../format-tour", "--helper", helper])
  #expect(result.status == 2)
  #expect(result.stderr == "entraide: error: The course file '../format-tour' does not exist.\n")
  result = try bench.run(["run", "../../../../../../etc/passwd", "--helper", helper])
  #expect(result.status == 2)
  #expect(!(result.stdout + result.stderr).contains("root:"))
  #expect(
    result.stderr.hasSuffix(
      "error: The course “../../../../../../etc/passwd” fails validation; entraide validate shows why.\n"))
  result = try bench.run(["run", "format-tour", "--helper", "../\(helper)"])
  #expect(result.status == 2)
  #expect(result.stderr.hasPrefix("entraide: error: No helper has the id “../\(helper)”."))
}

@Test func aFiftyMegabyteCourseIsRefusedUnreadInBoundedMemory() throws {
  let bench = try CrashBench()
  let path = bench.root.appendingPathComponent("huge.xml").path
  let line = Data(("<!-- " + String(repeating: "x", count: 1_000) + " -->\n").utf8)
  FileManager.default.createFile(atPath: path, contents: nil)
  let handle = try #require(FileHandle(forWritingAtPath: path))
  try handle.write(contentsOf: Data((courseHead + "\n").utf8))
  for _ in 0..<50 {
    try handle.write(contentsOf: Data(repeating: 0, count: 0) + Data([Data](repeating: line, count: 1_000).joined()))
  }
  try handle.close()
  let result = try capped(300_000, ["validate", path], environment: bench.environment)
  #expect(result.status == 1)
  #expect(
    result.stdout + result.stderr
      == "\(path): error: file '\(path)' is larger than 16 MB; a course is much smaller, check the file\n1 file checked: 1 error, 0 warnings\n"
  )
}

@Test func aCourseOfTenThousandScenesIsValidatedInBoundedMemory() throws {
  let bench = try CrashBench()
  var text =
    courseHead + """
      <title>Long</title>
      <roleplay id="r" start="s0" pass="1">
        <title>R</title>
        <character id="luc" name="Luc"/>
        <skill id="k"><title>K</title></skill>

      """
  for scene in 0..<10_000 {
    let next = scene == 9_999 ? "fin" : "s\(scene + 1)"
    let score = scene == 0 ? "<score skill=\"k\" points=\"1\"/>" : ""
    text +=
      "<scene id=\"s\(scene)\"><line by=\"luc\">Scène \(scene)</line><choice to=\"\(next)\"><say>Oui</say>\(score)</choice></scene>\n"
  }
  text += "<ending id=\"fin\" result=\"pass\"/>\n</roleplay>\n</course>\n"
  let path = try courseFile(bench, "piege.xml", text)
  let result = try capped(1_000_000, ["validate", path], environment: bench.environment)
  #expect(result.stdout + result.stderr == "1 file checked: 0 errors, 0 warnings\n")
  #expect(result.status == 0)
}

@Test func aCSVOf300000RowsWithABadLastRowIsRefusedWholeNamingTheLine() throws {
  let bench = try CrashBench()
  _ = try bench.addHelper("Ann Lee")
  let path = bench.root.appendingPathComponent("big.csv").path
  var text = "name,local,region\n"
  text.reserveCapacity(9_000_000)
  for row in 0..<300_000 { text += "Personne \(row),CSN \(row % 50),Estrie\n" }
  text += "Zoé Roy,,Estrie\n"
  try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  let result = try capped(1_000_000, ["helpers", "import", path], environment: bench.environment)
  #expect(result.status == 2)
  #expect(result.stderr == "entraide: error: Line 300002: The union local cannot be empty. Nothing was imported.\n")
  #expect(try bench.sql("SELECT count(*) FROM helpers;") == "1")
}

@Test func aOneMegabyteAnswerLineAndInvalidUTF8AreIgnoredAndTheSessionGoesOn() throws {
  let bench = try CrashBench()
  let helper = try bench.addHelper("Ann Lee")
  let path = try courseFile(
    bench, "page.xml",
    courseHead + "<title>Page</title><lesson id=\"l\"><title>L</title><page><p>Texte.</p></page></lesson></course>")
  var input = Data(repeating: UInt8(ascii: "7"), count: 1_048_576) + Data([0x0A])
  input += Data([0xFF, 0xFE, 0x41, 0x0A]) + Data([0x0A])
  let result = try capped(
    400_000, ["run", path, "--helper", helper, "--lang", "en", "--plain"], stdin: input, environment: bench.environment)
  #expect(result.status == 0, "\(result.stderr)")
  // "That line is longer than … bytes; it was ignored.", "That line is not valid UTF-8 text; it was ignored.",
  // then the page again and the course done; nothing of the long line echoed.
  Transcript.expect(result.stdout, equals: "hostile-long-line-en", root: bench.root)
  #expect(!result.stdout.contains("7777"))
}

extension Unicode.Scalar {
  /// The characters `isControlOrBidi` names, but the line breaks an output legitimately holds.
  fileprivate var isControlOrBidiForTest: Bool {
    switch value {
    case 0x0A: false
    case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }
}
