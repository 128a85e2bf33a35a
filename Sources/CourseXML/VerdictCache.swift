import CourseModel
import Crypto
import Foundation

/// The verdicts of course files already checked (schema, lint, the course checks), kept between runs so that
/// a command that only reads courses does not check an unchanged file again.
///
/// A verdict is found by a key made of `identity` (the program and the checks it runs, given by the caller),
/// the built-in schemas, the file's name (the `id-filename` rule reads it) and the SHA-256 of its bytes: a
/// file edited by one byte, another build of the program or other schemas find nothing. The file's model is
/// still built from its bytes; only the checks are skipped. A whole courses folder has its verdict too (every
/// file's findings, the rules across files included, and what each course is), found by the names and digests
/// of all its files: an unchanged folder is used without building a model it does not need. Thread-safe. The caller stores `encoded()` where
/// it likes; data that cannot be decoded, or that was written by another identity, gives an empty cache.
public final class VerdictCache: @unchecked Sendable {
  /// What checking a file gave.
  struct Verdict: Codable, Hashable {
    /// Whether the file's model was built (readable, well-formed, valid against the schema).
    var built: Bool
    /// The file's own findings (parse, schema, model, lint), their path left empty.
    var findings: [Finding]
    /// The course checks' findings (the explorer's), their path left empty.
    var checks: [Finding]
  }

  /// What loading a whole courses folder with no error gave, file by file in name order.
  struct FolderVerdict: Codable, Hashable {
    struct File: Codable, Hashable {
      var name: String
      /// The file's own findings (its `LoadResult`'s), their path left empty.
      var own: [Finding]
      /// Every finding of the file, in the report's order, their path left empty.
      var findings: [Finding]
      /// The course the file holds (nil: the certifications), its digest left empty.
      var course: CourseEntry?
    }

    var files: [File]
  }

  /// The stored form.
  private struct Stored: Codable {
    var identity: String
    var verdicts: [String: Verdict]
    var folders: [String: FolderVerdict]
  }

  /// The verdicts of one kind read from the stored data, and those used or made in this run (what
  /// `encoded()` keeps).
  private struct Shelf<Kept: Hashable> {
    let known: [String: Kept]
    var used: [String: Kept] = [:]
    var added = false

    var hasChanged: Bool { added || used.count != known.count }

    mutating func take(_ key: String) -> Kept? {
      guard let kept = known[key] else { return nil }
      used[key] = kept
      return kept
    }

    mutating func put(_ kept: Kept, _ key: String) {
      used[key] = kept
      if known[key] != kept { added = true }
    }
  }

  /// The caller's identity with the built-in schemas.
  public let identity: String
  private let lock = NSLock()
  private var files: Shelf<Verdict>
  private var folders: Shelf<FolderVerdict>

  /// A cache read from `data` (nil or unreadable: empty); `identity` names the program and its course checks.
  public init(data: Data?, identity: String) {
    self.identity = identity + " schemas " + builtInSchemasDigest
    if let data, let stored = try? JSONDecoder().decode(Stored.self, from: data), stored.identity == self.identity {
      files = Shelf(known: stored.verdicts)
      folders = Shelf(known: stored.folders)
    } else {
      files = Shelf(known: [:])
      folders = Shelf(known: [:])
    }
  }

  /// Whether this run made verdicts the stored data lacks, or no longer needs some of it.
  public var hasChanged: Bool { lock.withLock { files.hasChanged || folders.hasChanged } }

  /// The verdicts used or made in this run, to be stored for the next.
  public func encoded() -> Data {
    let stored = lock.withLock { Stored(identity: identity, verdicts: files.used, folders: folders.used) }
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return (try? encoder.encode(stored)) ?? Data()
  }

  /// The name of the stored verdicts of the courses folder at `folder` (an absolute path).
  public static func storageName(forFolder folder: String) -> String {
    "verdicts-" + hexadecimal(SHA256.hash(data: Array(folder.utf8))).prefix(16) + ".json"
  }

  /// The key of a file named `fileName` whose bytes have the SHA-256 `digest` (hex).
  func key(fileName: String, digest: String) -> String {
    var hasher = SHA256()
    for part in [identity, fileName, digest] {
      hasher.update(data: Array(part.utf8))
      hasher.update(data: [0])
    }
    return hexadecimal(hasher.finalize())
  }

  /// The verdict stored under `key`, kept for the next run.
  func verdict(_ key: String) -> Verdict? { lock.withLock { files.take(key) } }

  /// The key of a folder whose `*.xml` entries are `entries` (a digest for each regular file, nil for a
  /// folder named `*.xml`, whose name the rules across files may read).
  func folderKey(_ entries: [(name: String, digest: String?)]) -> String {
    var hasher = SHA256()
    hasher.update(data: Array("folder \(identity)".utf8) + [0])
    for entry in entries.sorted(by: { $0.name < $1.name }) {
      hasher.update(data: Array(entry.name.utf8) + [0] + Array((entry.digest ?? "-").utf8) + [0])
    }
    return hexadecimal(hasher.finalize())
  }

  /// The folder verdict stored under `key`, kept for the next run.
  func folderVerdict(_ key: String) -> FolderVerdict? { lock.withLock { folders.take(key) } }

  /// Keeps a folder verdict made in this run.
  func record(_ verdict: FolderVerdict, folderKey key: String) { lock.withLock { folders.put(verdict, key) } }

  /// Keeps a verdict made in this run.
  func record(_ verdict: Verdict, _ key: String) { lock.withLock { files.put(verdict, key) } }
}

/// The SHA-256 of every built-in schema, by name.
let builtInSchemasDigest: String = {
  var hasher = SHA256()
  for (name, text) in BuiltInSchemas.files.sorted(by: { $0.key < $1.key }) {
    hasher.update(data: Array(name.utf8) + [0] + Array(text.utf8) + [0])
  }
  return hexadecimal(hasher.finalize())
}()

extension VerdictCache.Verdict {
  /// `findings` with `path` removed, or nil when one is about another file (a schema that does not compile).
  static func stripping(_ findings: [Finding], path: String) -> [Finding]? {
    var result: [Finding] = []
    for var finding in findings {
      guard finding.path == path else { return nil }
      finding.path = ""
      result.append(finding)
    }
    return result
  }

  /// `findings` given back their path.
  static func restoring(_ findings: [Finding], path: String) -> [Finding] {
    findings.map { finding in
      var finding = finding
      finding.path = path
      return finding
    }
  }
}
