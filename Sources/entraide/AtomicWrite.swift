import CourseModel
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes `data` to `path` atomically: into a temporary file in the same folder, flushed, then renamed over
/// `path`, so a reader (or a crash) never sees a half-written file and an existing file is replaced whole.
///
/// A new file is owner-only (0600, it holds names); a file replaced keeps its mode. Failures are
/// `UserError`s with exit status 1 naming the path. `durable: false` (a cache) skips the flush to disk.
func writeAtomically(_ data: Data, to path: String, durable: Bool = true) throws {
  var isFolder: ObjCBool = false
  if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
    throw UserError(
      Message(
        fr: "Impossible d’écrire « \(path) » : c’est un dossier.",
        en: "Cannot write “\(path)”: it is a folder."),
      exitCode: 1)
  }
  let url = URL(fileURLWithPath: path)
  let folder = url.deletingLastPathComponent().path
  var template = Array((folder + "/." + url.lastPathComponent + ".XXXXXX").utf8CString)
  let fd = mkstemp(&template)
  guard fd >= 0 else { throw writeError(path, errno) }
  let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  var finished = false
  defer {
    if !finished { unlink(temporary) }
  }
  var existing = stat()
  if stat(path, &existing) == 0 { _ = fchmod(fd, existing.st_mode & 0o7777) }
  let written = data.withUnsafeBytes { buffer -> Int32 in
    var offset = 0
    while offset < buffer.count {
      let count = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
      if count < 0 {
        if errno == EINTR { continue }
        return errno
      }
      offset += count
    }
    return 0
  }
  if written != 0 {
    close(fd)
    throw writeError(path, written)
  }
  if durable, fsync(fd) != 0 {
    let code = errno
    close(fd)
    throw writeError(path, code)
  }
  if close(fd) != 0 { throw writeError(path, errno) }
  guard rename(temporary, path) == 0 else { throw writeError(path, errno) }
  finished = true
}

/// The message for a file that could not be written, with the reason in the user's language.
private func writeError(_ path: String, _ code: Int32) -> UserError {
  let reason = systemErrorReason(code)
  return UserError(
    Message(
      fr: "Impossible d’écrire « \(path) » : \(reason.fr).",
      en: "Cannot write “\(path)”: \(reason.en)."),
    exitCode: 1)
}

/// Why a write failed (`errno`), in both languages; an error with no sentence of its own is given by number
/// (and in English by the system's words, which are English only).
func systemErrorReason(_ code: Int32) -> Message {
  switch code {
  case ENOENT: Message(fr: "le dossier n’existe pas", en: "the folder does not exist")
  case EACCES, EPERM: Message(fr: "permission refusée", en: "permission denied")
  case EROFS: Message(fr: "le disque est en lecture seule", en: "the disk is read-only")
  case ENOSPC: Message(fr: "le disque est plein", en: "the disk is full")
  case EDQUOT: Message(fr: "le quota de disque est atteint", en: "the disk quota is reached")
  case EFBIG: Message(fr: "le fichier dépasse la taille permise", en: "the file is larger than allowed")
  case EIO: Message(fr: "erreur d’entrée-sortie du disque", en: "input/output error on the disk")
  case ENOTDIR: Message(fr: "un élément du chemin n’est pas un dossier", en: "part of the path is not a folder")
  case EISDIR: Message(fr: "c’est un dossier", en: "it is a folder")
  default:
    Message(fr: "erreur système \(code)", en: "system error \(code) (\(String(cString: strerror(code))))")
  }
}
