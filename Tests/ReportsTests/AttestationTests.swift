import CourseModel
import Reports
import Testing

let marieAttestation = Attestation(
  helperName: "Marie Tremblay", helperID: "mtremblay", local: "CSN 123", region: "Estrie",
  certificationID: "entraidant", certificationTitle: Sample.peerHelper, certifiedOn: Sample.day("2026-11-20"),
  validThrough: Sample.day("2027-11-19"),
  courses: [
    .init(
      id: "ecoute-active", title: LocalizedText(["fr": "Écoute active", "en": "Active listening"]),
      passedOn: Sample.day("2026-11-01"), inPerson: false),
    .init(id: "referer", title: LocalizedText(), passedOn: Sample.day("2026-11-20"), inPerson: true),
  ], registry: "/home/coord/.local/share/entraide/registry.sqlite", issuedOn: Sample.today)

@Test func theAttestationInEnglishIsOnePrintablePage() {
  let html = AttestationHTML.render(marieAttestation, language: .en)
  #expect(
    html == """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>Certification attestation — Marie Tremblay — Peer helper</title>
      <style>
      @page { size: letter; margin: 2cm; }
      body { font-family: Georgia, "Times New Roman", serif; max-width: 40em; margin: 2em auto; color: #000; background: #fff; }
      h1 { font-size: 1.6em; text-align: center; border-bottom: 2px solid #000; padding-bottom: 0.3em; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.3em 1em; }
      dt { font-weight: bold; }
      dd { margin: 0; }
      table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; }
      th, td { border: 1px solid #000; padding: 0.2em 0.5em; text-align: left; }
      footer { margin-top: 2em; font-size: 0.9em; }
      @media print { body { margin: 0; max-width: none; } }
      </style>
      </head>
      <body>
      <h1>Certification attestation</h1>
      <p>Entraide attests that <strong>Marie Tremblay</strong> (mtremblay), of the union local CSN 123, region Estrie, holds the certification <strong>Peer helper</strong>.</p>
      <dl>
      <dt>Certification</dt><dd>Peer helper (entraidant)</dd>
      <dt>Certified on</dt><dd>2026-11-20</dd>
      <dt>Valid through</dt><dd>2027-11-19</dd>
      </dl>
      <h2>Courses passed</h2>
      <table>
      <thead><tr><th scope="col">Course</th><th scope="col">Id</th><th scope="col">Passed on</th><th scope="col">How</th></tr></thead>
      <tbody>
      <tr><td>Active listening</td><td>ecoute-active</td><td>2026-11-01</td><td>in Entraide</td></tr>
      <tr><td>referer</td><td>referer</td><td>2026-11-20</td><td>in person</td></tr>
      </tbody>
      </table>
      <footer>
      <p>Registry: /home/coord/.local/share/entraide/registry.sqlite</p>
      <p>Issued on 2026-11-22.</p>
      </footer>
      </body>
      </html>

      """)
}

@Test func theAttestationInFrench() {
  let html = AttestationHTML.render(marieAttestation, language: .fr)
  #expect(html.contains("<html lang=\"fr\">"))
  #expect(html.contains("<title>Attestation de certification — Marie Tremblay — Entraidant·e</title>"))
  #expect(
    html.contains(
      "<p>Entraide atteste que <strong>Marie Tremblay</strong> (mtremblay), du syndicat CSN 123, région Estrie, détient la certification <strong>Entraidant·e</strong>.</p>"
    ))
  #expect(html.contains("<dt>Certifié·e le</dt><dd>2026-11-20</dd>\n<dt>Valide jusqu’au</dt><dd>2027-11-19</dd>"))
  #expect(
    html.contains("<tr><td>Écoute active</td><td>ecoute-active</td><td>2026-11-01</td><td>dans Entraide</td></tr>"))
  #expect(html.contains("<tr><td>referer</td><td>referer</td><td>2026-11-20</td><td>en personne</td></tr>"))
  #expect(
    html.contains("<p>Registre : /home/coord/.local/share/entraide/registry.sqlite</p>\n<p>Délivrée le 2026-11-22.</p>")
  )
}

@Test func theAttestationMakesHostileValuesInertAndFetchesNothing() {
  var hostile = marieAttestation
  hostile.helperName = "<script>alert(1)</script>"
  hostile.local = "=HYPERLINK(\"http://x\")"
  hostile.region = "Estrie\u{1B}[31m\u{1B}]0;x\u{7}"
  hostile.registry = "/tmp/\"><img src=x onerror=alert(1)>"
  let html = AttestationHTML.render(hostile, language: .en)
  #expect(!html.contains("<script"))
  #expect(!html.contains("<img"))
  #expect(!html.contains("\u{1B}"))
  #expect(html.contains("<strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong>"))
  #expect(html.contains("of the union local =HYPERLINK(&quot;http://x&quot;), region Estrie, holds"))
  #expect(html.contains("<p>Registry: /tmp/&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</p>"))
  // Self-contained: nothing to fetch.
  for reference in ["src=\"", "href=", "url(", "@import", "http://", "https://"] {
    #expect(
      !html.replacingOccurrences(of: "=HYPERLINK(&quot;http://x&quot;)", with: "").contains(reference), "\(reference)")
  }
}
