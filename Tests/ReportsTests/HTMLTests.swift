import CourseModel
import Reports
import Testing

@Test func theHTMLPageIsSelfContainedEscapedAndSummarized() {
  let page = RosterHTML.render([Sample.ana, Sample.marie], today: Sample.today, language: .fr)
  #expect(
    page == """
      <!DOCTYPE html>
      <html lang="fr">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>Registre des entraidant·es au 2026-11-22</title>
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
      <h1>Registre des entraidant·es au 2026-11-22</h1>
      <h2>Résumé</h2>
      <p>Lignes : 2 (entraidant·es : 2). Certifié·es : 1 ; à renouveler : 0 ; expiré·es : 0 ; périmé·es : 0 ; en formation : 1 ; jamais formé·es : 0.</p>
      <table class="summary">
      <tr><th scope="col">Statut</th><th scope="col">Lignes</th></tr>
      <tr><td>certifié·e</td><td class="number">1</td></tr>
      <tr><td>à renouveler</td><td class="number">0</td></tr>
      <tr><td>expiré·e</td><td class="number">0</td></tr>
      <tr><td>périmé·e</td><td class="number">0</td></tr>
      <tr><td>en formation</td><td class="number">1</td></tr>
      <tr><td>jamais</td><td class="number">0</td></tr>
      </table>
      <h2>Statuts par région</h2>
      <svg class="chart" role="img" aria-labelledby="chart-title" width="680" height="124" viewBox="0 0 680 124" font-family="system-ui, sans-serif" font-size="13">
      <title id="chart-title">Statuts par région</title>
      <defs>
      <pattern id="status-certified" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#5cb85c"/></pattern>
      <pattern id="status-due" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#ffe08a"/><path d="M0,8 L8,0" stroke="#000" stroke-width="1"/></pattern>
      <pattern id="status-expired" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#f5b38a"/><circle cx="4" cy="4" r="1.3" fill="#000"/></pattern>
      <pattern id="status-lapsed" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#e89a9a"/><path d="M0,8 L8,0 M0,0 L8,8" stroke="#000" stroke-width="1"/></pattern>
      <pattern id="status-in-training" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#a8c8f0"/><path d="M0,4 L8,4" stroke="#000" stroke-width="1"/></pattern>
      <pattern id="status-never" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#ffffff"/></pattern>
      </defs>
      <text x="162" y="26" text-anchor="end">Estrie</text>
      <rect x="170" y="8" width="460" height="26" fill="url(#status-certified)" stroke="#000"><title>Estrie — certifié·e : 1</title></rect>
      <text x="400" y="26" text-anchor="middle" font-weight="bold" stroke="#fff" stroke-width="3" paint-order="stroke">1</text>
      <text x="636" y="26">1</text>
      <text x="162" y="60" text-anchor="end">Laval</text>
      <rect x="170" y="42" width="460" height="26" fill="url(#status-in-training)" stroke="#000"><title>Laval — en formation : 1</title></rect>
      <text x="400" y="60" text-anchor="middle" font-weight="bold" stroke="#fff" stroke-width="3" paint-order="stroke">1</text>
      <text x="636" y="60">1</text>
      <rect x="170" y="76" width="16" height="16" fill="url(#status-certified)" stroke="#000"/><text x="192" y="89">certifié·e</text>
      <rect x="330" y="76" width="16" height="16" fill="url(#status-due)" stroke="#000"/><text x="352" y="89">à renouveler</text>
      <rect x="490" y="76" width="16" height="16" fill="url(#status-expired)" stroke="#000"/><text x="512" y="89">expiré·e</text>
      <rect x="170" y="98" width="16" height="16" fill="url(#status-lapsed)" stroke="#000"/><text x="192" y="111">périmé·e</text>
      <rect x="330" y="98" width="16" height="16" fill="url(#status-in-training)" stroke="#000"/><text x="352" y="111">en formation</text>
      <rect x="490" y="98" width="16" height="16" fill="url(#status-never)" stroke="#000"/><text x="512" y="111">jamais</text>
      </svg>
      <h2>Entraidant·es</h2>
      <table class="roster">
      <thead><tr><th scope="col">Région</th><th scope="col">Syndicat</th><th scope="col">Nom</th><th scope="col">Identifiant</th><th scope="col">Certification</th><th scope="col">Statut</th><th scope="col">Certifié·e le</th><th scope="col">Valide jusqu’au</th><th scope="col">Jours restants</th></tr></thead>
      <tbody>
      <tr class="certified"><td>Estrie</td><td>CSN 123</td><td>Marie Tremblay</td><td>mtremblay</td><td>Entraidant·e</td><td>certifié·e</td><td>2026-11-01</td><td>2027-10-31</td><td class="number">343</td></tr>
      <tr class="in-training"><td>Laval</td><td>@local</td><td>+Ana &lt;b&gt;&amp;</td><td>aa</td><td>Entraidant·e</td><td>en formation</td><td>—</td><td>—</td><td class="number">—</td></tr>
      </tbody>
      </table>
      </body>
      </html>

      """)
  #expect(!page.contains("<script"))
  #expect(!page.contains("http"))
}

@Test func theHTMLPageMakesHostileNamesInert() {
  var row = Sample.marie
  row.name = "<script>alert(1)</script>"
  row.local = "=HYPERLINK(\"http://x\")"
  row.region = "Estrie\u{1B}[31m\u{1B}]8;;http://x\u{7}"
  let page = RosterHTML.render([row], today: Sample.today, language: .en)
  #expect(!page.contains("<script"))
  #expect(!page.contains("\u{1B}"))
  #expect(!page.contains("\u{7}"))
  #expect(
    page.contains(
      "<td>Estrie</td><td>=HYPERLINK(&quot;http://x&quot;)</td><td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"))
  #expect(page.contains("<text x=\"162\" y=\"26\" text-anchor=\"end\">Estrie</text>"))
}

@Test func theHTMLPageInEnglishSaysWhenNoOneMatches() {
  #expect(
    RosterHTML.render([], today: Sample.today, language: .en).hasSuffix(
      "<h1>Peer-helper roster as of 2026-11-22</h1>\n<p>No peer helper matches these criteria.</p>\n</body>\n</html>\n")
  )
  #expect(RosterHTML.render([], today: Sample.today, language: .en).contains("<html lang=\"en\">"))
}
