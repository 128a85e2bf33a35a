import CourseModel
import Foundation

/// Turns libxml2's English schema-validity messages into sentences in both languages that say what to
/// change. Forms not recognized keep libxml2's text behind a translated lead.
enum SchemaMessages {
  /// `Element 'quiz', attribute 'pass': [facet 'pattern'] The value '50' is not accepted by …`
  /// `parent` is the name of the element holding the one in error, when known.
  static func message(_ raw: String, parent: String? = nil) -> Message {
    let text = Messages.cleanSchemaText(raw)
    if let parts = split(text), let pool = poolMessage(parts, parent: parent) { return pool }
    guard let parts = split(text), let translated = translate(parts) else {
      return Message(fr: "non conforme au schéma : \(text)", en: "does not follow the schema: \(text)")
    }
    return translated
  }

  struct Parts {
    var element: String
    var attribute: String?
    var rest: String
  }

  static func split(_ text: String) -> Parts? {
    guard text.hasPrefix("Element '"), let colon = text.range(of: "': ") else { return nil }
    let head = text[text.index(text.startIndex, offsetBy: 9)..<colon.lowerBound]
    let rest = String(text[colon.upperBound...])
    if let comma = head.range(of: "', attribute '") {
      return Parts(element: String(head[..<comma.lowerBound]), attribute: String(head[comma.upperBound...]), rest: rest)
    }
    return Parts(element: String(head), attribute: nil, rest: rest)
  }

  /// The text between the first pair of single quotes after `marker` (or from the start).
  static func quoted(_ text: String, after marker: String = "") -> String? {
    var rest = Substring(text)
    if !marker.isEmpty {
      guard let range = rest.range(of: marker) else { return nil }
      rest = rest[range.upperBound...]
    }
    guard let open = rest.firstIndex(of: "'") else { return nil }
    let afterOpen = rest[rest.index(after: open)...]
    guard let close = afterOpen.firstIndex(of: "'") else { return nil }
    return String(afterOpen[..<close])
  }

  /// `( a, b )` → ["a", "b"].
  static func expected(_ text: String) -> [String]? {
    guard let open = text.range(of: "( "), let close = text.range(of: " )", range: open.upperBound..<text.endIndex)
    else { return nil }
    return text[open.upperBound..<close.lowerBound].components(separatedBy: ", ").filter { !$0.isEmpty }
  }

  /// A pool's own grammar, said plainly: two or more activities, never a pool inside a pool.
  static func poolMessage(_ parts: Parts, parent: String?) -> Message? {
    guard parts.element == "pool", parts.attribute == nil else { return nil }
    if parts.rest.hasPrefix("Missing child element(s).") {
      return Message(
        fr: "un <pool> contient au moins deux activités (<lesson>, <roleplay> ou <quiz>) ; "
          + "ajoutez-en, ou retirez le <pool> et gardez son activité seule",
        en: "a <pool> holds two or more activities (<lesson>, <roleplay> or <quiz>); "
          + "add some, or remove the <pool> and keep its activity on its own")
    }
    if parts.rest.hasPrefix("This element is not expected."), parent == "pool" {
      return Message(
        fr: "un <pool> ne peut pas contenir un autre <pool> ; "
          + "placez ses activités directement dans le <pool> extérieur, ou placez-le après lui",
        en: "a <pool> cannot hold another <pool>; "
          + "put its activities directly in the outer <pool>, or place it after that one")
    }
    return nil
  }

  static func translate(_ parts: Parts) -> Message? {
    let element = "<\(parts.element)>"
    let rest = parts.rest
    if rest.hasSuffix("is required but missing."), let name = quoted(rest, after: "attribute") {
      return Message(
        fr: "\(element) n'a pas l'attribut obligatoire \(name) ; ajoutez \(name)=\"…\"",
        en: "\(element) lacks the required attribute \(name); add \(name)=\"…\"")
    }
    if rest.hasSuffix("is not allowed."), let name = quoted(rest, after: "attribute") {
      return Message(
        fr: "\(element) n'accepte pas l'attribut \(name) ; retirez-le ou corrigez son nom",
        en: "\(element) does not take attribute \(name); remove it or fix its name")
    }
    if rest.hasPrefix("This element is not expected.") {
      guard let names = expected(rest) else {
        return Message(
          fr: "\(element) n'est pas attendu ici ; voyez l'ordre des éléments dans docs/course-format.md",
          en: "\(element) is not expected here; see the order of elements in docs/course-format.md")
      }
      let list = names.map { "<\($0)>" }
      return Message(
        fr: "\(element) n'est pas attendu ici ; attendu : \(list.joined(separator: " ou "))",
        en: "\(element) is not expected here; expected: \(list.joined(separator: " or "))")
    }
    if rest.hasPrefix("Missing child element(s)."), let names = expected(rest) {
      let list = names.map { "<\($0)>" }
      return Message(
        fr: "il manque un élément dans \(element) ; attendu : \(list.joined(separator: " ou "))",
        en: "\(element) is missing a child element; expected: \(list.joined(separator: " or "))")
    }
    if rest.hasPrefix("Character content other than whitespace is not allowed") {
      return Message(
        fr: "\(element) contient du texte directement ; mettez le texte dans ses éléments enfants",
        en: "\(element) holds text directly; put the text in its child elements")
    }
    if rest.hasPrefix("Element content is not allowed") {
      return Message(
        fr: "\(element) ne contient que du texte, pas d'éléments ; retirez les éléments qu'il contient",
        en: "\(element) holds text only, not elements; remove the elements inside it")
    }
    if rest.hasPrefix("[facet 'enumeration']"), let value = quoted(rest, after: "The value"),
      let setStart = rest.range(of: "{"), let setEnd = rest.range(of: "}")
    {
      let choices = rest[setStart.upperBound..<setEnd.lowerBound].replacingOccurrences(of: "'", with: "")
      return Message(
        fr: "\(subject(parts, fr: true)) vaut « \(value) » ; utilisez l'une des valeurs : \(choices)",
        en: "\(subject(parts, fr: false)) is '\(value)'; use one of: \(choices)")
    }
    if rest.hasPrefix("[facet 'pattern']"), let value = quoted(rest, after: "The value"),
      let pattern = quoted(rest, after: "by the pattern")
    {
      return invalid(parts, value: value, kind: patternKind(pattern))
    }
    if rest.contains("is not a valid value of"), let value = quoted(rest), let type = quoted(rest, after: "type") {
      return invalid(parts, value: value, kind: typeKind(type, attribute: parts.attribute))
    }
    if rest.contains("is not a valid value of the local union type"), let value = quoted(rest) {
      return invalid(parts, value: value, kind: parts.attribute == "xml:lang" ? .language : nil)
    }
    return nil
  }

  /// « l'attribut pass de <quiz> » / "attribute pass of <quiz>", or the element's text.
  static func subject(_ parts: Parts, fr: Bool) -> String {
    if let attribute = parts.attribute {
      return fr ? "l'attribut \(attribute) de <\(parts.element)>" : "attribute \(attribute) of <\(parts.element)>"
    }
    return fr ? "le texte de <\(parts.element)>" : "the text of <\(parts.element)>"
  }

  enum Kind {
    case identifier, text, percentage, version, dateDuration, duration, boolean, integer, positiveInteger, retries
    case language, languages, address

    var description: (fr: String, en: String) {
      switch self {
      case .identifier:
        ("un identifiant (lettres, chiffres, _ - ., sans espace)", "an identifier (letters, digits, _ - ., no spaces)")
      case .text: ("un texte non vide", "a text that is not blank")
      case .percentage: ("un pourcentage comme 75%", "a percentage such as 75%")
      case .version: ("une version comme 1.0", "a version such as 1.0")
      case .dateDuration: ("une durée en dates comme P1Y, P6M ou P90D", "a date duration such as P1Y, P6M or P90D")
      case .duration: ("une durée comme PT15M ou PT1H30M", "a duration such as PT15M or PT1H30M")
      case .boolean: ("true ou false", "true or false")
      case .integer: ("un nombre entier", "a whole number")
      case .positiveInteger: ("un nombre entier plus grand que 0", "a whole number above 0")
      case .retries: ("un nombre entier de 0 à 255", "a whole number from 0 to 255")
      case .language: ("un code de langue comme fr ou en", "a language code such as fr or en")
      case .languages:
        (
          "des codes de langue séparés par des espaces, comme « fr en »",
          "language codes separated by spaces, such as 'fr en'"
        )
      case .address: ("une adresse (URL)", "an address (URL)")
      }
    }
  }

  static func patternKind(_ pattern: String) -> Kind? {
    switch pattern {
    case #"[A-Za-z0-9][A-Za-z0-9_.\-]*"#: .identifier
    case #"[\s\S]*\S[\s\S]*"#: .text
    case "[0-9]{1,3}%": .percentage
    case #"[0-9]+(\.[0-9]+)*"#: .version
    case "P([0-9]+Y)?([0-9]+M)?([0-9]+D)?": .dateDuration
    default: nil
    }
  }

  static func typeKind(_ type: String, attribute: String?) -> Kind? {
    switch type {
    case "Identifier": .identifier
    case "Text": .text
    case "Percentage": .percentage
    case "Version": .version
    case "DateDuration": .dateDuration
    case "LanguageList": .languages
    case "xs:duration": .duration
    case "xs:boolean": .boolean
    case "xs:int", "xs:integer": .integer
    case "xs:positiveInteger": .positiveInteger
    case "xs:unsignedByte": .retries
    case "xs:language": .language
    case "xs:anyURI": .address
    default: attribute == "xml:lang" ? .language : nil
    }
  }

  static func invalid(_ parts: Parts, value: String, kind: Kind?) -> Message? {
    guard let kind else { return nil }
    let wanted = kind.description
    if kind == .text, parts.attribute == nil {
      return Message(
        fr: "le texte de <\(parts.element)> est vide ; écrivez un texte",
        en: "<\(parts.element)> is empty; write a text")
    }
    return Message(
      fr: "\(subject(parts, fr: true)) vaut « \(value) », ce qui n'est pas \(wanted.fr)",
      en: "\(subject(parts, fr: false)) is '\(value)', which is not \(wanted.en)")
  }
}
