import Foundation
import Testing

@Test func anAttestationIsIssuedOnlyForAValidCertification() throws {
  let (sandbox, courses) = try RosterFixture.get()
  let folder = try Entraide.temporaryDirectory("entraide-attestation")
  let path = folder.appendingPathComponent("attestation.html").path
  // Certified.
  var result = try sandbox.run(
    ["attestation", "ccertifiee", "entraidant", "-o", path] + courses, language: "fr_CA.UTF-8")
  #expect(result.status == 0, "\(result.stderr)")
  #expect(result.stderr == "Attestation écrite dans « \(path) ».\n")
  let html = String(decoding: try #require(sandbox.contents(path)), as: UTF8.self)
  #expect(html.contains("<title>Attestation de certification — Carla Certifiee — Entraidant·e</title>"))
  #expect(html.contains("<dt>Certifié·e le</dt><dd>2026-10-02</dd>\n<dt>Valide jusqu’au</dt><dd>2027-10-01</dd>"))
  #expect(
    html.contains(
      "<tr><td>Cours ecoute-active</td><td>ecoute-active</td><td>2026-10-01</td><td>en personne</td></tr>\n"
        + "<tr><td>Cours referer</td><td>referer</td><td>2026-10-02</td><td>en personne</td></tr>\n"))
  #expect(html.contains("<p>Registre : \(sandbox.database)</p>\n<p>Délivrée le 2026-11-22.</p>"))
  // Due (inside the renewal window): still valid that day.
  result = try sandbox.run(["attestation", "ddue", "entraidant"] + courses)
  #expect(result.status == 0, "\(result.stderr)")
  #expect(result.stdout.contains("<dt>Valid through</dt><dd>2026-11-30</dd>"))
  // An existing file is refused without --force.
  result = try sandbox.run(["attestation", "ccertifiee", "entraidant", "-o", path] + courses)
  #expect(result.status == 1)
  #expect(result.stderr == "entraide: error: The file “\(path)” already exists; add --force to replace it.\n")
  // Expired, lapsed, in training, never: refused with the reason.
  for (helper, status) in [("eexpiree", "expired"), ("lperime", "lapsed"), ("tformation", "in training")] {
    result = try sandbox.run(["attestation", helper, "entraidant"] + courses)
    #expect(result.status == 1)
    #expect(result.stdout == "")
    #expect(result.stderr.hasSuffix("holds no valid “Peer helper” certification on 2026-11-22 (status: \(status)).\n"))
  }
  result = try sandbox.run(["attestation", "njamais", "sentinelle"] + courses, language: "fr_CA.UTF-8")
  #expect(result.status == 1)
  #expect(
    result.stderr
      == "entraide : erreur : Pas d’attestation : Nadia Jamais (njamais) n’a pas de certification « Sentinelle » valide au 2026-11-22 (statut : jamais).\n"
  )
  result = try sandbox.run(["attestation", "ccertifiee", "entraidnat"] + courses)
  #expect(result.status == 2)
  #expect(result.stderr == "entraide: error: No certification has the id “entraidnat”. Did you mean: entraidant?\n")
}
