import CourseModel

/// The roster's dates as an iCalendar file (RFC 5545) to import into a calendar.
///
/// Each row with a cycle gives two all-day events: the day its renewal window opens and its last valid
/// day. UIDs are stable (`entraide-<helper>-<certification>-window-<date>@entraide`, `…-expires-…`), so
/// importing a newer roster updates events instead of duplicating them. Lines end with CRLF and are folded
/// at 75 octets without splitting a UTF-8 character.
public enum RosterICS {
  public static func render(_ rows: [RosterRow], today: CalendarDate, language: Language) -> String {
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Entraide//Roster//\(language.rawValue.uppercased())",
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + text(Roster.title(today: today).text(language)),
    ]
    let stamp = compact(today) + "T000000Z"
    for row in Roster.sorted(rows) {
      guard let windowOpens = row.windowOpens, let validThrough = row.validThrough else { continue }
      let who = "\(row.name) (\(row.helperID), \(row.local), \(row.region))"
      let title = row.title(language)
      let window = Message(
        fr: "Renouvellement possible : \(row.name), \(title)",
        en: "Renewal window opens: \(row.name), \(title)")
      let windowDetail = Message(
        fr:
          "La fenêtre de renouvellement de la certification \(title) de \(who) s’ouvre ; valide jusqu’au \(validThrough).",
        en: "The renewal window of the \(title) certification of \(who) opens; valid through \(validThrough).")
      let expires = Message(
        fr: "Dernier jour de validité : \(row.name), \(title)",
        en: "Last valid day: \(row.name), \(title)")
      let expiresDetail = Message(
        fr: "La certification \(title) de \(who) est valide jusqu’à ce jour inclusivement.",
        en: "The \(title) certification of \(who) is valid through this day.")
      lines += event(
        uid: "entraide-\(row.helperID)-\(row.certification)-window-\(windowOpens)@entraide", stamp: stamp,
        day: windowOpens, summary: window.text(language), description: windowDetail.text(language))
      lines += event(
        uid: "entraide-\(row.helperID)-\(row.certification)-expires-\(validThrough)@entraide", stamp: stamp,
        day: validThrough, summary: expires.text(language), description: expiresDetail.text(language))
    }
    lines.append("END:VCALENDAR")
    return lines.map { folded($0) + "\r\n" }.joined()
  }

  private static func event(uid: String, stamp: String, day: CalendarDate, summary: String, description: String)
    -> [String]
  {
    [
      "BEGIN:VEVENT", "UID:" + text(uid), "DTSTAMP:" + stamp, "DTSTART;VALUE=DATE:" + compact(day),
      "DTEND;VALUE=DATE:" + compact(day.adding(days: 1)), "SUMMARY:" + text(summary),
      "DESCRIPTION:" + text(description), "TRANSP:TRANSPARENT", "END:VEVENT",
    ]
  }

  /// `YYYYMMDD`.
  static func compact(_ day: CalendarDate) -> String {
    day.description.replacingOccurrences(of: "-", with: "")
  }

  /// A TEXT value (RFC 5545 §3.3.11): control characters removed, `\ ; ,` and line breaks escaped.
  static func text(_ value: String) -> String {
    var result = ""
    for character in value.strippingControlCharacters(keepNewlines: true) {
      switch character {
      case "\\": result += "\\\\"
      case ";": result += "\\;"
      case ",": result += "\\,"
      case "\n": result += "\\n"
      default: result.append(character)
      }
    }
    return result
  }

  /// The content line folded (RFC 5545 §3.1): at most 75 octets per line, continuation lines starting with
  /// one space, never inside a UTF-8 character.
  static func folded(_ line: String) -> String {
    var result = ""
    var used = 0
    for scalar in line.unicodeScalars {
      let size = String(scalar).utf8.count
      if used + size > 75 {
        result += "\r\n "
        used = 1
      }
      result.unicodeScalars.append(scalar)
      used += size
    }
    return result
  }
}
