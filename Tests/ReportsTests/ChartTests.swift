import CourseModel
import Reports
import Testing

/// Rows in every status over three regions, one with a hostile name.
let chartRows: [RosterRow] = {
  var rows: [RosterRow] = []
  let statuses: [(String, [CertificationStatus])] = [
    ("Estrie", [.certified, .certified, .certified, .due, .expired, .never]),
    ("Laval", [.lapsed, .inTraining, .certified]),
    ("<script>alert(1)</script> Région trop longue pour la colonne", [.never]),
  ]
  for (region, list) in statuses {
    for (index, status) in list.enumerated() {
      rows.append(
        RosterRow(
          helperID: "\(region.prefix(2))\(index)", name: "N \(index)", local: "L", region: region,
          certification: "entraidant", status: status))
    }
  }
  return rows
}()

@Test func theChartHasOneBarPerRegionOnOneScaleWithPatternsCountsAndALegend() {
  #expect(
    RosterChart.render(chartRows, language: .en) == """
      <svg class="chart" role="img" aria-labelledby="chart-title" width="680" height="158" viewBox="0 0 680 158" font-family="system-ui, sans-serif" font-size="13">
      <title id="chart-title">Statuses by region</title>
      <defs>
      <pattern id="status-certified" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#5cb85c"/></pattern>
      <pattern id="status-due" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#ffe08a"/><path d="M0,8 L8,0" stroke="#000" stroke-width="1"/></pattern>
      <pattern id="status-expired" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#f5b38a"/><circle cx="4" cy="4" r="1.3" fill="#000"/></pattern>
      <pattern id="status-lapsed" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#e89a9a"/><path d="M0,8 L8,0 M0,0 L8,8" stroke="#000" stroke-width="1"/></pattern>
      <pattern id="status-in-training" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#a8c8f0"/><path d="M0,4 L8,4" stroke="#000" stroke-width="1"/></pattern>
      <pattern id="status-never" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#ffffff"/></pattern>
      </defs>
      <text x="162" y="26" text-anchor="end">&lt;script&gt;alert(1)&lt;/s…</text>
      <rect x="170" y="8" width="77" height="26" fill="url(#status-never)" stroke="#000"><title>&lt;script&gt;alert(1)&lt;/script&gt; Région trop longue pour la colonne — never: 1</title></rect>
      <text x="208" y="26" text-anchor="middle" font-weight="bold" stroke="#fff" stroke-width="3" paint-order="stroke">1</text>
      <text x="253" y="26">1</text>
      <text x="162" y="60" text-anchor="end">Estrie</text>
      <rect x="170" y="42" width="230" height="26" fill="url(#status-certified)" stroke="#000"><title>Estrie — certified: 3</title></rect>
      <text x="285" y="60" text-anchor="middle" font-weight="bold" stroke="#fff" stroke-width="3" paint-order="stroke">3</text>
      <rect x="400" y="42" width="77" height="26" fill="url(#status-due)" stroke="#000"><title>Estrie — due: 1</title></rect>
      <text x="438" y="60" text-anchor="middle" font-weight="bold" stroke="#fff" stroke-width="3" paint-order="stroke">1</text>
      <rect x="477" y="42" width="77" height="26" fill="url(#status-expired)" stroke="#000"><title>Estrie — expired: 1</title></rect>
      <text x="515" y="60" text-anchor="middle" font-weight="bold" stroke="#fff" stroke-width="3" paint-order="stroke">1</text>
      <rect x="554" y="42" width="77" height="26" fill="url(#status-never)" stroke="#000"><title>Estrie — never: 1</title></rect>
      <text x="592" y="60" text-anchor="middle" font-weight="bold" stroke="#fff" stroke-width="3" paint-order="stroke">1</text>
      <text x="637" y="60">6</text>
      <text x="162" y="94" text-anchor="end">Laval</text>
      <rect x="170" y="76" width="77" height="26" fill="url(#status-certified)" stroke="#000"><title>Laval — certified: 1</title></rect>
      <text x="208" y="94" text-anchor="middle" font-weight="bold" stroke="#fff" stroke-width="3" paint-order="stroke">1</text>
      <rect x="247" y="76" width="77" height="26" fill="url(#status-lapsed)" stroke="#000"><title>Laval — lapsed: 1</title></rect>
      <text x="285" y="94" text-anchor="middle" font-weight="bold" stroke="#fff" stroke-width="3" paint-order="stroke">1</text>
      <rect x="324" y="76" width="77" height="26" fill="url(#status-in-training)" stroke="#000"><title>Laval — in training: 1</title></rect>
      <text x="362" y="94" text-anchor="middle" font-weight="bold" stroke="#fff" stroke-width="3" paint-order="stroke">1</text>
      <text x="407" y="94">3</text>
      <rect x="170" y="110" width="16" height="16" fill="url(#status-certified)" stroke="#000"/><text x="192" y="123">certified</text>
      <rect x="330" y="110" width="16" height="16" fill="url(#status-due)" stroke="#000"/><text x="352" y="123">due</text>
      <rect x="490" y="110" width="16" height="16" fill="url(#status-expired)" stroke="#000"/><text x="512" y="123">expired</text>
      <rect x="170" y="132" width="16" height="16" fill="url(#status-lapsed)" stroke="#000"/><text x="192" y="145">lapsed</text>
      <rect x="330" y="132" width="16" height="16" fill="url(#status-in-training)" stroke="#000"/><text x="352" y="145">in training</text>
      <rect x="490" y="132" width="16" height="16" fill="url(#status-never)" stroke="#000"/><text x="512" y="145">never</text>
      </svg>

      """)
}

@Test func theChartSpeaksTheInterfaceLanguage() {
  let chart = RosterChart.render(chartRows, language: .fr)
  #expect(chart.contains("<title id=\"chart-title\">Statuts par région</title>"))
  #expect(chart.contains("<title>Laval — périmé·e : 1</title>"))
  #expect(chart.contains("<text x=\"352\" y=\"145\">en formation</text>"))
  #expect(RosterChart.render([], language: .fr) == "")
}
