import Foundation

/// The data `make bench` feeds the product: a federation's helpers and eight years of training records,
/// the same bytes on every run (a fixed seed), written as the files a coordinator would import.
enum BenchData {
  /// The day the generated history ends on (the bench runs with `ENTRAIDE_TODAY` set to it).
  static let today = Day(year: 2026, month: 12, day: 1)

  /// Writes `helpers.csv` (`helpers import`), `records.csv` (`record --from`, DESIGN §7's header) and
  /// `run-course/quiz-250.xml` into `folder`; returns a line saying how many rows each holds.
  static func write(helpers count: Int, to folder: URL) throws -> String {
    var random = SplitMix(seed: 2026)
    var helperLines = ["id,name,local,region,email"]
    var records: [(day: Day, line: String)] = []
    let locals = regions.map { region in
      (0..<24).map { index in
        "\(unions[(index + region.count) % unions.count]) \(100 + (index * 373 + region.count * 97) % 9_900)"
      }
    }
    for index in 1...count {
      let id = String(format: "h%05d", index)
      let first = firstNames[random.below(firstNames.count)]
      let last = lastNames[random.below(lastNames.count)]
      // Montréal and Montérégie hold more locals than Nord-du-Québec: a skewed pick.
      let region = min(random.below(regions.count), random.below(regions.count + 6) % regions.count)
      let local = locals[region][random.below(24)]
      let email = index % 3 == 0 ? "\(id)@example.org" : ""
      helperLines.append("\(id),\(first) \(last),\(local),\(regions[region]),\(email)")
      records += history(of: id, random: &random)
    }
    records.sort { ($0.day, $0.line) < ($1.day, $1.line) }
    let recordLines = ["helper_id,course,date,note"] + records.map(\.line)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try (helperLines.joined(separator: "\n") + "\n").write(
      to: folder.appendingPathComponent("helpers.csv"), atomically: true, encoding: .utf8)
    try (recordLines.joined(separator: "\n") + "\n").write(
      to: folder.appendingPathComponent("records.csv"), atomically: true, encoding: .utf8)
    let runFolder = folder.appendingPathComponent("run-course")
    try FileManager.default.createDirectory(at: runFolder, withIntermediateDirectories: true)
    try quiz(questions: 250).write(
      to: runFolder.appendingPathComponent("quiz-250.xml"), atomically: true, encoding: .utf8)
    return "\(count) helpers, \(records.count) records"
  }

  /// One helper's courses: the initial path of `entraidant` (and, for most, of `sentinelle`), then the
  /// yearly refreshers, mostly inside the renewal window, some late, until the helper stops.
  static func history(of id: String, random: inout SplitMix) -> [(day: Day, line: String)] {
    var result: [(day: Day, line: String)] = []
    func add(_ course: String, _ day: Day, note: String = "") {
      if day < today { result.append((day, "\(id),\(course),\(day),\(note)")) }
    }
    // Half of the network trained in its first two years, the rest spread over the next six.
    let year = random.below(2) == 0 ? 2019 + random.below(2) : 2019 + random.below(8)
    let start = Day(year: year, month: 1 + random.below(12), day: 1 + random.below(28))
    add("ecoute-active", start, note: random.below(10) == 0 ? "Journée régionale" : "")
    let certified = start.adding(days: 7 + random.below(30))
    add("referer", certified)
    let sentinel = random.below(10) < 8
    let sentinelStart = start.adding(days: random.below(60))
    if sentinel { add("prevention-suicide", sentinelStart) }
    // entraidant: validity 1 year, window 90 days; sentinelle: 1 year, window 60 days.
    for (course, first, window, taken) in [
      ("ressourcement-annuel", certified, 90, true), ("prevention-suicide-rappel", sentinelStart, 60, sentinel),
    ] where taken {
      var anchor = first
      for _ in 1...7 {
        guard random.below(100) < 93 else { break }
        let due = anchor.adding(years: 1)
        let day =
          random.below(10) == 0
          ? due.adding(days: 1 + random.below(40)) : due.adding(days: -1 - random.below(window - 1))
        add(course, day)
        if day >= due { anchor = day } else { anchor = due }
      }
    }
    return result
  }

  /// A course with one quiz of `questions` true-or-false questions, every answer "1" (true) right: a
  /// scripted session of as many answers, each saved as it is given.
  static func quiz(questions: Int) -> String {
    var text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <course xmlns="urn:entraide:course:1" id="quiz-250" version="1.0" languages="fr en" duration="PT30M">
        <title xml:lang="fr">Questionnaire de mesure</title>
        <title xml:lang="en">Benchmark quiz</title>
        <summary xml:lang="fr">Des questions vrai ou faux pour mesurer une réponse.</summary>
        <summary xml:lang="en">True-or-false questions to time one answer.</summary>
        <source>https://www.csn.qc.ca/reseau-entraide/</source>
        <quiz id="mesure" pass="80%">
          <title xml:lang="fr">Mesure</title>
          <title xml:lang="en">Measure</title>

      """
    for index in 1...questions {
      text += """
            <truefalse id="q\(index)" answer="true">
              <prompt xml:lang="fr">Affirmation numéro \(index) : l'entraidant·e écoute.</prompt>
              <prompt xml:lang="en">Statement number \(index): the peer helper listens.</prompt>
            </truefalse>

        """
    }
    return text + "  </quiz>\n</course>\n"
  }

  static let regions = [
    "Montréal", "Montérégie", "Capitale-Nationale", "Laval", "Laurentides", "Lanaudière", "Estrie", "Outaouais",
    "Chaudière-Appalaches", "Mauricie", "Saguenay–Lac-Saint-Jean", "Centre-du-Québec", "Bas-Saint-Laurent",
    "Abitibi-Témiscamingue", "Côte-Nord", "Gaspésie–Îles-de-la-Madeleine", "Nord-du-Québec",
  ]
  static let unions = ["CSN", "FTQ", "SCFP", "CSQ", "Unifor", "Métallos", "FIQ", "SFPQ", "APTS", "TUAC"]
  static let firstNames = [
    "Marie", "Jean", "Éric", "Émilie", "Sylvie", "François", "Geneviève", "Stéphane", "Josée", "André", "Nathalie",
    "Benoît", "Chloé", "Hélène", "Rémi", "Noémie", "Zoé", "Léa", "Gaétan", "Ginette", "Réjean", "Mélanie", "Martin",
    "Julie", "Louis", "Isabelle", "Luc", "Sophie", "Pierre", "Manon", "Denis", "Caroline", "Yves", "Lucie",
    "Mathieu", "Annie", "Simon", "Karine", "Alexandre", "Véronique", "Amélie", "Jérôme", "Maxime", "Ève", "Olivier",
  ]
  static let lastNames = [
    "Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "Gagné", "Ouellet",
    "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc", "Paquette", "Girard", "Simard", "Boucher", "Caron",
    "Beaulieu", "Cloutier", "Dubé", "Poirier", "Fournier", "Lapointe", "Leclerc", "Lefebvre", "Poulin", "Thibault",
    "St-Pierre", "Nadeau", "Landry", "Martel", "Bédard", "Grenier", "Lessard", "Bernier", "Richard", "Michaud",
    "Hébert", "Desjardins", "Couture", "Turcotte", "Lachance", "Parent", "Blais", "Gosselin", "Savard", "Proulx",
    "Beaudoin", "Demers", "Perreault", "Boudreau", "Lemieux", "Cyr", "Perron", "Dufour", "Dion", "Mercier",
    "Bolduc", "Bérubé", "Boisvert", "Langlois", "Ménard", "Therrien", "Plante", "Bilodeau", "Émond", "Éthier",
    "d'Amours", "de Montigny", "O'Neill", "Lê", "Nguyen", "Saint-Onge", "Åberg",
  ]
}

/// A calendar day for the generator (proleptic Gregorian, as days since 1970-01-01).
struct Day: Comparable, CustomStringConvertible {
  var number: Int

  init(number: Int) { self.number = number }

  init(year: Int, month: Int, day: Int) {
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    number = era * 146_097 + doe - 719_468
  }

  var civil: (year: Int, month: Int, day: Int) {
    let z = number + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  func adding(days: Int) -> Day { Day(number: number + days) }

  /// The same day of the month a year later (the 29th of February becomes the 1st of March).
  func adding(years: Int) -> Day {
    let (year, month, day) = civil
    return month == 2 && day == 29
      ? Day(year: year + years, month: 3, day: 1) : Day(year: year + years, month: month, day: day)
  }

  var description: String {
    let (year, month, day) = civil
    return String(format: "%04d-%02d-%02d", year, month, day)
  }

  static func < (a: Day, b: Day) -> Bool { a.number < b.number }
}

/// SplitMix64: a small seeded generator, the same numbers on every machine.
struct SplitMix {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in 0..<bound.
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
