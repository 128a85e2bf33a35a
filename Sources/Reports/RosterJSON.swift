import CourseModel

/// The roster as JSON: an array of objects with the CSV's keys, in the same order.
///
/// Dates are `YYYY-MM-DD` or null, `days_left` an integer or null; the text is written by hand so the
/// key order and the layout (two-space indent, one key per line) never change.
public enum RosterJSON {
  public static func render(_ rows: [RosterRow]) -> String {
    guard !rows.isEmpty else { return "[]\n" }
    let objects = Roster.sorted(rows).map { row in
      let fields: [(String, String)] = [
        ("helper_id", string(row.helperID)), ("name", string(row.name)), ("local", string(row.local)),
        ("region", string(row.region)), ("certification", string(row.certification)),
        ("status", string(row.status.rawValue)),
        ("certified_on", row.certifiedOn.map { string($0.description) } ?? "null"),
        ("valid_through", row.validThrough.map { string($0.description) } ?? "null"),
        ("days_left", row.daysLeft.map(String.init) ?? "null"),
      ]
      return "  {\n" + fields.map { "    \(string($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n  }"
    }
    return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
  }

  /// JSON text (from `JSONEncoder`) with every control or bidirectional character left raw written as
  /// `\uXXXX`: the data is kept, but nothing in it changes how a terminal shows the rest.
  ///
  /// Such characters can only stand inside strings (outside them JSON allows only ASCII white space), and
  /// the encoder already escapes those below U+0020.
  public static func inert(_ json: String) -> String {
    var result = String.UnicodeScalarView()
    for scalar in json.unicodeScalars {
      if scalar.value >= 0x7F, scalar.isControlOrBidi {
        result.append(contentsOf: escaped(scalar).unicodeScalars)
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// A JSON string literal (RFC 8259): quotes, backslashes, control and bidirectional characters escaped.
  static func string(_ value: String) -> String {
    var result = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case _ where scalar.isControlOrBidi: result += escaped(scalar)
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }

  /// `\u202e`: the JSON escape of a character of the Basic Multilingual Plane.
  private static func escaped(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16)
    return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
  }
}
