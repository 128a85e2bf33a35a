import ArgumentParser
import CourseModel
import Foundation
import Reports

/// `-o FILE` and `--force`, for every command that writes a report or an export.
struct OutputOptions: ParsableArguments {
  @Option(
    name: [.customShort("o"), .customLong("output")],
    help: .local(
      fr: "Écrire dans ce fichier (de façon atomique ; son dossier doit exister).",
      en: "Write to FILE (atomically; its folder must exist).", valueName: "file"))
  var output: String?

  @Flag(help: .local(fr: "Remplacer le fichier s'il existe.", en: "Replace FILE when it exists."))
  var force = false

  /// Writes `data` to `-o FILE` (refusing an existing file without `--force`), or to standard output.
  /// Returns whether a file was written.
  @discardableResult
  func write(_ data: Data) throws -> Bool {
    guard let output else {
      try StandardOutput.write(data)
      return false
    }
    try refuseExisting(output)
    try writeAtomically(data, to: output)
    return true
  }

  /// Refuses `path` when something is there already, unless `--force` (a folder always).
  func refuseExisting(_ path: String) throws {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue, !force else {
      return
    }
    throw UserError(
      Message(
        fr: "Le fichier « \(path) » existe déjà ; ajoutez --force pour le remplacer.",
        en: "The file “\(path)” already exists; add --force to replace it."),
      exitCode: 1)
  }
}

/// `--delimiter` and `--bom`, for every CSV Entraide writes.
struct CSVOptions: ParsableArguments {
  /// A CSV field separator given on the command line.
  enum Delimiter: String, ExpressibleByArgument, CaseIterable {
    case comma = ","
    case semicolon = ";"

    init?(argument: String) {
      switch argument.lowercased() {
      case ",", "comma", "virgule": self = .comma
      case ";", "semicolon", "point-virgule": self = .semicolon
      default: return nil
      }
    }
  }

  @Option(
    help: .local(
      fr: "Séparateur des champs CSV : ',' (par défaut, RFC 4180) ou ';' (tableurs en français).",
      en: "CSV field separator: ',' (default, RFC 4180) or ';' (French spreadsheets).", valueName: "char"))
  var delimiter: Delimiter = .comma

  @Flag(
    help: .local(
      fr: "Commencer le CSV par une marque d'ordre des octets (BOM), pour qu'un tableur le lise en UTF-8.",
      en: "Start the CSV with a byte-order mark, so a spreadsheet reads it as UTF-8.")
  )
  var bom = false

  /// The dialect these options ask for.
  var dialect: CSVDialect {
    CSVDialect(delimiter: delimiter == .semicolon ? ";" : ",", byteOrderMark: bom)
  }
}
