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

@Test func theHTMLPageInEnglishSaysWhenNoOneMatches() {
  #expect(
    RosterHTML.render([], today: Sample.today, language: .en).hasSuffix(
      "<h1>Peer-helper roster as of 2026-11-22</h1>\n<p>No peer helper matches these criteria.</p>\n</body>\n</html>\n")
  )
  #expect(RosterHTML.render([], today: Sample.today, language: .en).contains("<html lang=\"en\">"))
}
