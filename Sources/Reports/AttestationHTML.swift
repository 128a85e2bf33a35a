import CourseModel

/// What a certification attestation states: who, what, from when to when, by which courses, from where.
public struct Attestation: Sendable, Hashable {
  /// One course that made the certification.
  public struct CourseLine: Sendable, Hashable {
    public var id: String
    public var title: LocalizedText
    public var passedOn: CalendarDate
    /// True when it was taken in person (`record`), false when in Entraide.
    public var inPerson: Bool

    public init(id: String, title: LocalizedText, passedOn: CalendarDate, inPerson: Bool) {
      self.id = id
      self.title = title
      self.passedOn = passedOn
      self.inPerson = inPerson
    }
  }

  public var helperName: String
  public var helperID: String
  public var local: String
  public var region: String
  public var certificationID: String
  public var certificationTitle: LocalizedText
  public var certifiedOn: CalendarDate
  public var validThrough: CalendarDate
  public var courses: [CourseLine]
  /// The registry the attestation comes from (its file, or its server and database).
  public var registry: String
  public var issuedOn: CalendarDate

  public init(
    helperName: String, helperID: String, local: String, region: String, certificationID: String,
    certificationTitle: LocalizedText, certifiedOn: CalendarDate, validThrough: CalendarDate, courses: [CourseLine],
    registry: String, issuedOn: CalendarDate
  ) {
    self.helperName = helperName
    self.helperID = helperID
    self.local = local
    self.region = region
    self.certificationID = certificationID
    self.certificationTitle = certificationTitle
    self.certifiedOn = certifiedOn
    self.validThrough = validThrough
    self.courses = courses
    self.registry = registry
    self.issuedOn = issuedOn
  }
}

/// A certification attestation as one printable page of HTML: self-contained (no script, no external
/// resource, no network fetch), every value escaped, in the interface language.
public enum AttestationHTML {
  public static func render(_ attestation: Attestation, language: Language) -> String {
    let french = language == .fr
    let e = RosterHTML.escaped
    let certification =
      attestation.certificationTitle.text(language.rawValue, fallbacks: ["fr", "en"]) ?? attestation.certificationID
    let heading = french ? "Attestation de certification" : "Certification attestation"
    let statement =
      french
      ? "Entraide atteste que <strong>\(e(attestation.helperName))</strong> (\(e(attestation.helperID))), du syndicat \(e(attestation.local)), région \(e(attestation.region)), détient la certification <strong>\(e(certification))</strong>."
      : "Entraide attests that <strong>\(e(attestation.helperName))</strong> (\(e(attestation.helperID))), of the union local \(e(attestation.local)), region \(e(attestation.region)), holds the certification <strong>\(e(certification))</strong>."
    var html = """
      <!DOCTYPE html>
      <html lang="\(language.rawValue)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(heading) — \(e(attestation.helperName)) — \(e(certification))</title>
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
      <h1>\(heading)</h1>
      <p>\(statement)</p>
      <dl>
      <dt>\(french ? "Certification" : "Certification")</dt><dd>\(e(certification)) (\(e(attestation.certificationID)))</dd>
      <dt>\(french ? "Certifié·e le" : "Certified on")</dt><dd>\(attestation.certifiedOn)</dd>
      <dt>\(french ? "Valide jusqu’au" : "Valid through")</dt><dd>\(attestation.validThrough)</dd>
      </dl>
      <h2>\(french ? "Cours réussis" : "Courses passed")</h2>

      """
    if attestation.courses.isEmpty {
      html += "<p>—</p>\n"
    } else {
      html += "<table>\n<thead><tr>"
      html += (french ? ["Cours", "Identifiant", "Réussi le", "Comment"] : ["Course", "Id", "Passed on", "How"])
        .map { "<th scope=\"col\">\($0)</th>" }.joined()
      html += "</tr></thead>\n<tbody>\n"
      for course in attestation.courses {
        let title = course.title.text(language.rawValue, fallbacks: ["fr", "en"]) ?? course.id
        let how = course.inPerson ? (french ? "en personne" : "in person") : (french ? "dans Entraide" : "in Entraide")
        html += "<tr><td>\(e(title))</td><td>\(e(course.id))</td><td>\(course.passedOn)</td><td>\(how)</td></tr>\n"
      }
      html += "</tbody>\n</table>\n"
    }
    html += """
      <footer>
      <p>\(french ? "Registre" : "Registry") : \(e(attestation.registry))</p>
      <p>\(french ? "Délivrée le" : "Issued on") \(attestation.issuedOn).</p>
      </footer>
      </body>
      </html>

      """
    if !french {
      html = html.replacingOccurrences(of: "<p>Registry : ", with: "<p>Registry: ")
    }
    return html
  }
}
