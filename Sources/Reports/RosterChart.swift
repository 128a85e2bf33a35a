import CourseModel

/// The roster's statuses per region as an inline SVG bar chart: one stacked bar per region, its length the
/// region's row count (all bars on one scale). Each status has a colour and a pattern (so the chart reads
/// printed in black and white), a count written on its segment when it fits, and a legend.
public enum RosterChart {
  /// The fill and pattern of each status: light colours (black text stays readable) under dark marks.
  static let styles: [CertificationStatus: (colour: String, marks: String)] = [
    .certified: ("#5cb85c", ""),
    .due: ("#ffe08a", "<path d=\"M0,8 L8,0\" stroke=\"#000\" stroke-width=\"1\"/>"),
    .expired: ("#f5b38a", "<circle cx=\"4\" cy=\"4\" r=\"1.3\" fill=\"#000\"/>"),
    .lapsed: (
      "#e89a9a", "<path d=\"M0,8 L8,0 M0,0 L8,8\" stroke=\"#000\" stroke-width=\"1\"/>"
    ),
    .inTraining: ("#a8c8f0", "<path d=\"M0,4 L8,4\" stroke=\"#000\" stroke-width=\"1\"/>"),
    .never: ("#ffffff", ""),
  ]

  static let labelWidth = 170
  static let barWidth = 460
  static let rowHeight = 26
  static let gap = 8

  /// The chart's heading in `language`.
  public static func title(_ language: Language) -> String {
    Message(fr: "Statuts par région", en: "Statuses by region").text(language)
  }

  /// The `<svg>` element, or an empty string without rows.
  public static func render(_ rows: [RosterRow], language: Language) -> String {
    guard !rows.isEmpty else { return "" }
    let e = RosterHTML.escaped
    var regions: [String] = []
    var counts: [String: [CertificationStatus: Int]] = [:]
    for row in Roster.sorted(rows) {
      if counts[row.region] == nil { regions.append(row.region) }
      counts[row.region, default: [:]][row.status, default: 0] += 1
    }
    let largest = regions.map { counts[$0]!.values.reduce(0, +) }.max() ?? 1
    let legendY = regions.count * (rowHeight + gap) + gap
    let legendRows = (Roster.summaryOrder.count + 2) / 3
    let height = legendY + legendRows * 22 + 4
    let width = labelWidth + barWidth + 50
    let heading = e(title(language))
    var svg = """
      <svg class="chart" role="img" aria-labelledby="chart-title" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" font-family="system-ui, sans-serif" font-size="13">
      <title id="chart-title">\(heading)</title>
      <defs>

      """
    for status in Roster.summaryOrder {
      let style = styles[status]!
      svg +=
        "<pattern id=\"status-\(status.rawValue)\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">"
        + "<rect width=\"8\" height=\"8\" fill=\"\(style.colour)\"/>\(style.marks)</pattern>\n"
    }
    svg += "</defs>\n"
    for (index, region) in regions.enumerated() {
      let y = gap + index * (rowHeight + gap)
      let regionCounts = counts[region]!
      let total = regionCounts.values.reduce(0, +)
      svg +=
        "<text x=\"\(labelWidth - 8)\" y=\"\(y + rowHeight / 2 + 5)\" text-anchor=\"end\">\(e(shortened(region)))</text>\n"
      var x = labelWidth
      for status in Roster.summaryOrder {
        let count = regionCounts[status] ?? 0
        guard count > 0 else { continue }
        let segment = max(1, Int((Double(count) / Double(largest) * Double(barWidth)).rounded()))
        let label = e("\(region) — \(status.label.text(language)) : \(count)")
          .replacingOccurrences(of: " : ", with: language == .fr ? " : " : ": ")
        svg +=
          "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(segment)\" height=\"\(rowHeight)\" fill=\"url(#status-\(status.rawValue))\" stroke=\"#000\"><title>\(label)</title></rect>\n"
        if segment >= 22 {
          svg +=
            "<text x=\"\(x + segment / 2)\" y=\"\(y + rowHeight / 2 + 5)\" text-anchor=\"middle\" font-weight=\"bold\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">\(count)</text>\n"
        }
        x += segment
      }
      svg += "<text x=\"\(x + 6)\" y=\"\(y + rowHeight / 2 + 5)\">\(total)</text>\n"
    }
    for (index, status) in Roster.summaryOrder.enumerated() {
      let x = labelWidth + (index % 3) * 160
      let y = legendY + (index / 3) * 22
      svg +=
        "<rect x=\"\(x)\" y=\"\(y)\" width=\"16\" height=\"16\" fill=\"url(#status-\(status.rawValue))\" stroke=\"#000\"/>"
        + "<text x=\"\(x + 22)\" y=\"\(y + 13)\">\(e(status.label.text(language)))</text>\n"
    }
    return svg + "</svg>\n"
  }

  /// A region name cut to 20 characters (the full name is in each segment's tooltip and in the table).
  static func shortened(_ name: String) -> String {
    name.count <= 20 ? name : String(name.prefix(19)) + "…"
  }
}
