import CourseModel
import Foundation

/// One row of a training day's attendance sheet, as written (checked by `Registry.recordAttendance`).
public struct AttendanceRow: Sendable, Hashable {
  /// The row's 1-based line in the file.
  public var line: Int
  public var helperID: String
  public var courseID: String
  /// The date as written (`YYYY-MM-DD` expected).
  public var date: String
  public var note: String?

  public init(line: Int, helperID: String, courseID: String, date: String, note: String? = nil) {
    self.line = line
    self.helperID = helperID
    self.courseID = courseID
    self.date = date
    self.note = note
  }
}

/// Reads a training day's attendance sheet for `record --from`.
///
/// Read by `SpreadsheetCSV` (UTF-8 with or without BOM; comma, semicolon or tab). The header names
/// `helper_id`, `course`, `date` and optionally `note`, in any order and case, or in French `identifiant`,
/// `cours`, `date`, `note`. Other columns are ignored; blank lines are skipped. Empty cells are kept: the
/// registry refuses them with the row's line.
public enum AttendanceCSV {
  /// The columns a sheet must name, in the order messages list them.
  public static let requiredColumns = ["helper_id", "course", "date"]

  /// The rows of the sheet with their line numbers, or an error about the file or its header.
  public static func parse(_ data: Data) throws -> [AttendanceRow] {
    let rows = try SpreadsheetCSV.rows(data)
    guard let header = rows.first else { throw RegistryError.badAttendanceHeader(missing: requiredColumns) }
    var columns: [String: Int] = [:]
    for (index, title) in header.fields.enumerated() {
      if let field = field(forHeader: title), columns[field] == nil { columns[field] = index }
    }
    let missing = requiredColumns.filter { columns[$0] == nil }
    guard missing.isEmpty else { throw RegistryError.badAttendanceHeader(missing: missing) }

    var result: [AttendanceRow] = []
    for row in rows.dropFirst() where !SpreadsheetCSV.isBlank(row.fields) {
      func value(_ field: String) -> String {
        guard let index = columns[field], index < row.fields.count else { return "" }
        return SpreadsheetCSV.trimmed(row.fields[index])
      }
      let note = value("note")
      result.append(
        AttendanceRow(
          line: row.line, helperID: value("helper_id"), courseID: value("course"), date: value("date"),
          note: note.isEmpty ? nil : note))
    }
    return result
  }

  /// The field a header names (`cours` → `course`), or nil for a column to ignore.
  static func field(forHeader title: String) -> String? {
    switch SpreadsheetCSV.key(title) {
    case "helper_id", "helper", "identifiant", "id": "helper_id"
    case "course", "cours": "course"
    case "date": "date"
    case "note", "notes": "note"
    default: nil
    }
  }
}
