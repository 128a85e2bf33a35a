import CourseModel

/// The roster as one self-contained printable HTML page: no script, no external resource.
public enum RosterHTML {
  /// A page titled with `today`, a count by status, a chart of the statuses per region, then the table (sorted like the terminal's).
  public static func render(_ rows: [RosterRow], today: CalendarDate, language: Language) -> String {
    let title = escaped(Roster.title(today: today).text(language))
    let french = language == .fr
    var html = """
      <!DOCTYPE html>
      <html lang="\(language.rawValue)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(title)</title>
      <style>
      body { font-family: system-ui, sans-serif; margin: 2em; color: #000; background: #fff; }
      table { border-collapse: collapse; margin: 1em 0; }
      th, td { border: 1px solid #888; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
      th { background: #eee; }
      td.number { text-align: right; }
      @media print { body { margin: 0; font-size: 10pt; } tr { break-inside: avoid; } }
      </style>
      </head>
      <body>
      <h1>\(title)</h1>

      """
    guard !rows.isEmpty else {
      return html + "<p>\(escaped(Roster.noRows.text(language)))</p>\n</body>\n</html>\n"
    }
    html += "<h2>\(french ? "Résumé" : "Summary")</h2>\n"
    html += "<p>\(escaped(Roster.summary(rows).text(language)))</p>\n"
    html += "<table class=\"summary\">\n"
    html += "<tr><th scope=\"col\">\(french ? "Statut" : "Status")</th>"
    html += "<th scope=\"col\">\(french ? "Lignes" : "Rows")</th></tr>\n"
    for (status, count) in Roster.counts(rows) {
      html += "<tr><td>\(escaped(status.label.text(language)))</td><td class=\"number\">\(count)</td></tr>\n"
    }
    html += "</table>\n"
    html += "<h2>\(escaped(RosterChart.title(language)))</h2>\n"
    html += RosterChart.render(rows, language: language)
    html += "<h2>\(french ? "Entraidant·es" : "Peer helpers")</h2>\n"
    html += "<table class=\"roster\">\n<thead><tr>"
    html += RosterTable.header(language).map { "<th scope=\"col\">\(escaped($0))</th>" }.joined()
    html += "</tr></thead>\n<tbody>\n"
    for row in Roster.sorted(rows) {
      let cells = [
        row.region, row.local, row.name, row.helperID, row.title(language), row.status.label.text(language),
        row.certifiedOn?.description ?? "—", row.validThrough?.description ?? "—",
      ].map { "<td>\(escaped($0))</td>" }
      let days = "<td class=\"number\">\(row.daysLeft.map(String.init) ?? "—")</td>"
      html += "<tr class=\"\(row.status.rawValue)\">" + cells.joined() + days + "</tr>\n"
    }
    html += "</tbody>\n</table>\n</body>\n</html>\n"
    return html
  }

  /// Text for HTML content or a quoted attribute: control characters removed, `& < > " '` escaped.
  static func escaped(_ text: String) -> String {
    var result = ""
    for character in text.strippingControlCharacters() {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.append(character)
      }
    }
    return result
  }
}
