import CourseXML
import Foundation

/// Where the verdicts of a courses folder are kept between runs: `$XDG_CACHE_HOME/entraide/` (else
/// `~/.cache/entraide/`), one file per courses folder, `verdicts-<hash of the folder's real path>.json`.
///
/// Only a cache: a file that is missing, unreadable or corrupt is ignored and written again, a write that
/// fails is ignored, and a verdict written by another build of the program is never trusted (the identity
/// holds the version and the executable's inode, size and modification time).
struct VerdictCacheFile {
  let path: String
  let cache: VerdictCache

  /// The cache of `folder`; nil when there is no cache folder or the executable cannot be identified.
  init?(folder: URL) {
    guard let base = Self.cacheFolder, let identity = Self.programIdentity else { return nil }
    let folderPath = GlobalOptions.realPath(folder.path) ?? folder.standardizedFileURL.path
    path = base + "/" + VerdictCache.storageName(forFolder: folderPath)
    cache = VerdictCache(data: FileManager.default.contents(atPath: path), identity: identity)
  }

  /// Unused this long, the verdicts of another folder (a moved or temporary one) are removed.
  static let unusedLifetime: TimeInterval = 30 * 24 * 3600

  /// Writes the verdicts back when this run changed them (best effort), and removes the verdicts of other
  /// folders left unused for `unusedLifetime`.
  func save() {
    guard cache.hasChanged else { return }
    let folder = (path as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(
      atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    try? writeAtomically(cache.encoded(), to: path, durable: false)
    let oldest = Date().addingTimeInterval(-Self.unusedLifetime)
    for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    where name.hasPrefix("verdicts-") && name.hasSuffix(".json") {
      let other = folder + "/" + name
      guard other != path, let modified = try? FileManager.default.attributesOfItem(atPath: other)[.modificationDate],
        let date = modified as? Date, date < oldest
      else { continue }
      try? FileManager.default.removeItem(atPath: other)
    }
  }

  /// `$XDG_CACHE_HOME/entraide` when it is an absolute path, else `$HOME/.cache/entraide`.
  static var cacheFolder: String? {
    if let xdg = GlobalOptions.environmentVariable("XDG_CACHE_HOME"), xdg.hasPrefix("/") {
      return xdg + "/entraide"
    }
    guard let home = GlobalOptions.environmentVariable("HOME"), home.hasPrefix("/") else { return nil }
    return home + "/.cache/entraide"
  }

  /// The program's version and this very executable (a rebuild changes its size or modification time), and
  /// the checks it runs on each course.
  static var programIdentity: String? {
    var status = stat()
    guard stat("/proc/self/exe", &status) == 0 else { return nil }
    return "entraide \(EntraideVersion.current) executable \(status.st_dev):\(status.st_ino):\(status.st_size):"
      + "\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec) checks schema+lint+explorer"
  }
}
