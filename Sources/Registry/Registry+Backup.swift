import Foundation
import GRDB

extension Registry {
  /// Copies the whole registry, as one consistent snapshot, to a new file at `path`.
  ///
  /// The copy is written beside `path` under a temporary name, made owner-only, then renamed, so a
  /// failure never leaves a half-written file; an existing file is never overwritten.
  public func backup(to path: String) throws {
    let target = URL(fileURLWithPath: path).standardizedFileURL
    let fileManager = FileManager.default
    var isFolder: ObjCBool = false
    if fileManager.fileExists(atPath: target.path, isDirectory: &isFolder) {
      throw isFolder.boolValue
        ? RegistryError.isAFolder(path: target.path) : RegistryError.backupTargetExists(path: target.path)
    }
    let folder = target.deletingLastPathComponent()
    guard fileManager.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
      throw RegistryError.cannotCreateFolder(path: folder.path)
    }
    guard fileManager.isWritableFile(atPath: folder.path) else {
      throw RegistryError.folderNotWritable(path: folder.path)
    }
    let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
    defer {
      for suffix in ["", "-wal", "-shm", "-journal"] { try? fileManager.removeItem(atPath: temporary.path + suffix) }
    }
    do {
      let descriptor = posixOpen(temporary.path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
      guard descriptor >= 0 else { throw RegistryError.folderNotWritable(path: folder.path) }
      close(descriptor)
      let destination = try DatabaseQueue(path: temporary.path)
      try writer.backup(to: destination)
      try destination.close()
      guard link(temporary.path, target.path) == 0 else {
        throw errno == EEXIST
          ? RegistryError.backupTargetExists(path: target.path) : RegistryError.folderNotWritable(path: folder.path)
      }
    } catch let error as RegistryError {
      throw error
    } catch {
      throw RegistryError.database("\(error)")
    }
  }
}
