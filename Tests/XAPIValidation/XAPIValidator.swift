import Foundation

/// Checks a statement against the rules of the xAPI 1.0.3 Data part (Statement properties, Agent and Account,
/// Verb, Activity and its definition, Result and Score, Context, Timestamp, Language Maps, IRIs, UUIDs),
/// as an LRS applies them before it stores a statement. Returns the rules broken (empty: valid).
///
/// The rules checked, by section of xAPI-Data.md (1.0.3):
/// - 2.2: actor, verb and object present; no property outside the spec (outside extensions); no null value.
/// - 2.4.1: id a UUID in standard string form, of the RFC 4122 variant.
/// - 2.4.2.1, 2.4.2.3, 2.4.2.4: an Agent has exactly one inverse functional identifier; an account has
///   exactly `homePage` (an IRL) and `name` (a string); `mbox` is a `mailto:` IRI.
/// - 2.4.3: the verb's id is an IRI; `display` is a language map.
/// - 2.4.4.1: an Activity's id is an IRI; `objectType` is `Activity` when given; the definition's name and
///   description are language maps, its type and moreInfo IRIs.
/// - 2.4.5, 2.4.5.1: result properties; score.scaled in [-1, 1]; raw between min and max; min < max;
///   success and completion booleans; duration an ISO 8601 duration.
/// - 2.4.6: context properties; registration a UUID; language an RFC 5646 tag; revision and platform
///   only when the object is an Activity.
/// - 2.4.7, 4.5: timestamp an ISO 8601 date-time (this project also requires its time zone).
/// - 4.2: language map keys are RFC 5646 tags, values strings.
public enum XAPIValidator {
  public static func problems(_ statement: Any) -> [String] {
    var found: [String] = []
    guard let object = statement as? [String: Any] else { return ["the statement is not an object"] }
    noNulls(object, path: "", found: &found)
    allowed(
      object,
      [
        "id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority", "version",
        "attachments",
      ], path: "", found: &found)
    for required in ["actor", "verb", "object"] where object[required] == nil { found.append("\(required) is missing") }
    if let id = object["id"] { if !isUUID(id) { found.append("id is not a UUID") } }
    if let actor = object["actor"] { agent(actor, path: "actor", found: &found) }
    if let verb = object["verb"] as? [String: Any] {
      allowed(verb, ["id", "display"], path: "verb", found: &found)
      if !isIRI(verb["id"]) { found.append("verb.id is not an IRI") }
      if let display = verb["display"] { languageMap(display, path: "verb.display", found: &found) }
    } else if object["verb"] != nil {
      found.append("verb is not an object")
    }
    var isActivity = false
    if let target = object["object"] as? [String: Any] {
      let type = target["objectType"] as? String ?? "Activity"
      if type == "Activity" {
        isActivity = true
        activity(target, found: &found)
      } else if !["Agent", "Group", "StatementRef", "SubStatement"].contains(type) {
        found.append("object.objectType is unknown")
      }
    } else if object["object"] != nil {
      found.append("object is not an object")
    }
    if let result = object["result"] { self.result(result, found: &found) }
    if let context = object["context"] { self.context(context, isActivity: isActivity, found: &found) }
    if let timestamp = object["timestamp"] {
      if !isTimestamp(timestamp) { found.append("timestamp is not an ISO 8601 date-time with its time zone") }
    }
    return found
  }

  static func agent(_ value: Any, path: String, found: inout [String]) {
    guard let agent = value as? [String: Any] else { return found.append("\(path) is not an object") }
    allowed(agent, ["objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"], path: path, found: &found)
    if let type = agent["objectType"], type as? String != "Agent" { found.append("\(path).objectType is not Agent") }
    if let name = agent["name"], !(name is String) { found.append("\(path).name is not a string") }
    let identifiers = ["mbox", "mbox_sha1sum", "openid", "account"].filter { agent[$0] != nil }
    if identifiers.count != 1 { found.append("\(path) has \(identifiers.count) inverse functional identifiers") }
    if let mbox = agent["mbox"], !((mbox as? String)?.hasPrefix("mailto:") ?? false) {
      found.append("\(path).mbox is not a mailto IRI")
    }
    if let account = agent["account"] {
      guard let account = account as? [String: Any] else { return found.append("\(path).account is not an object") }
      allowed(account, ["homePage", "name"], path: "\(path).account", found: &found)
      if !isIRL(account["homePage"]) { found.append("\(path).account.homePage is not an IRL") }
      if !((account["name"] as? String).map { !$0.isEmpty } ?? false) {
        found.append("\(path).account.name is not a string")
      }
    }
  }

  static func activity(_ target: [String: Any], found: inout [String]) {
    allowed(target, ["objectType", "id", "definition"], path: "object", found: &found)
    if !isIRI(target["id"]) { found.append("object.id is not an IRI") }
    guard let definition = target["definition"] else { return }
    guard let fields = definition as? [String: Any] else { return found.append("object.definition is not an object") }
    allowed(
      fields,
      [
        "name", "description", "type", "moreInfo", "extensions", "interactionType", "correctResponsesPattern",
        "choices", "scale", "source", "target", "steps",
      ], path: "object.definition", found: &found)
    for key in ["name", "description"] {
      if let map = fields[key] { languageMap(map, path: "object.definition.\(key)", found: &found) }
    }
    for key in ["type", "moreInfo"] where fields[key] != nil && !isIRI(fields[key]) {
      found.append("object.definition.\(key) is not an IRI")
    }
  }

  static func result(_ value: Any, found: inout [String]) {
    guard let result = value as? [String: Any] else { return found.append("result is not an object") }
    allowed(
      result, ["score", "success", "completion", "response", "duration", "extensions"], path: "result", found: &found)
    for key in ["success", "completion"] where result[key] != nil && !isBoolean(result[key]!) {
      found.append("result.\(key) is not a boolean")
    }
    if let duration = result["duration"], !isDuration(duration) {
      found.append("result.duration is not an ISO 8601 duration")
    }
    if let response = result["response"], !(response is String) { found.append("result.response is not a string") }
    guard let score = result["score"] else { return }
    guard let fields = score as? [String: Any] else { return found.append("result.score is not an object") }
    allowed(fields, ["scaled", "raw", "min", "max"], path: "result.score", found: &found)
    func number(_ key: String) -> Double? {
      guard let value = fields[key] else { return nil }
      guard let number = value as? NSNumber, !isBoolean(value) else {
        found.append("result.score.\(key) is not a number")
        return nil
      }
      return number.doubleValue
    }
    let (scaled, raw, low, high) = (number("scaled"), number("raw"), number("min"), number("max"))
    if let scaled, scaled < -1 || scaled > 1 { found.append("result.score.scaled is outside [-1, 1]") }
    if let low, let high, low >= high { found.append("result.score.min is not below max") }
    if let raw, let low, raw < low { found.append("result.score.raw is below min") }
    if let raw, let high, raw > high { found.append("result.score.raw is above max") }
  }

  static func context(_ value: Any, isActivity: Bool, found: inout [String]) {
    guard let context = value as? [String: Any] else { return found.append("context is not an object") }
    allowed(
      context,
      [
        "registration", "instructor", "team", "contextActivities", "revision", "platform", "language", "statement",
        "extensions",
      ], path: "context", found: &found)
    if let registration = context["registration"], !isUUID(registration) {
      found.append("context.registration is not a UUID")
    }
    if let language = context["language"], !isLanguageTag(language) {
      found.append("context.language is not an RFC 5646 tag")
    }
    for key in ["revision", "platform"] where context[key] != nil {
      if !isActivity { found.append("context.\(key) is used with an object that is not an Activity") }
      if !(context[key] is String) { found.append("context.\(key) is not a string") }
    }
  }

  static func languageMap(_ value: Any, path: String, found: inout [String]) {
    guard let map = value as? [String: Any] else { return found.append("\(path) is not a language map") }
    for (key, text) in map {
      if !isLanguageTag(key) { found.append("\(path) has a key that is not an RFC 5646 tag: \(key)") }
      if !(text is String) { found.append("\(path).\(key) is not a string") }
    }
  }

  // MARK: - Values

  static func allowed(_ object: [String: Any], _ keys: Set<String>, path: String, found: inout [String]) {
    for key in object.keys.sorted() where !keys.contains(key) {
      found.append("\(path.isEmpty ? "" : path + ".")\(key) is not an xAPI property here")
    }
  }

  static func noNulls(_ value: Any, path: String, found: inout [String]) {
    if value is NSNull { return found.append("\(path) is null") }
    if let object = value as? [String: Any] {
      for (key, child) in object where key != "extensions" { noNulls(child, path: path + "." + key, found: &found) }
    } else if let array = value as? [Any] {
      for (index, child) in array.enumerated() { noNulls(child, path: path + "[\(index)]", found: &found) }
    }
  }

  static func isBoolean(_ value: Any) -> Bool {
    // JSONSerialization gives booleans as NSNumbers of type `c` (and numbers 0 and 1 as `i`).
    guard let number = value as? NSNumber else { return false }
    return String(cString: number.objCType) == "c"
  }

  static func matches(_ value: Any?, _ pattern: String) -> Bool {
    guard let text = value as? String else { return false }
    return text.range(of: pattern, options: .regularExpression) != nil
  }

  /// RFC 4122 standard string form, variant 10xx.
  public static func isUUID(_ value: Any?) -> Bool {
    matches(value, "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$")
  }

  /// An absolute IRI: a scheme, a colon, then no white space or control character.
  static func isIRI(_ value: Any?) -> Bool {
    matches(value, "^[A-Za-z][A-Za-z0-9+.-]*:[^\\s\\x00-\\x1F\\x7F<>\"{}|\\\\^`]+$")
  }

  /// An IRL: an IRI that can be looked up (http or https, with a host).
  static func isIRL(_ value: Any?) -> Bool {
    isIRI(value) && matches(value, "^[hH][tT][tT][pP][sS]?://[^/?#\\s]+")
  }

  /// RFC 5646 (the common forms): language, then script, region or variant subtags.
  static func isLanguageTag(_ value: Any?) -> Bool {
    matches(value, "^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|[0-9]{3}))?(-([a-zA-Z0-9]{5,8}|[0-9][a-zA-Z0-9]{3}))*$")
  }

  /// ISO 8601 date-time with seconds and a zone (`Z` or `±hh:mm`).
  static func isTimestamp(_ value: Any?) -> Bool {
    matches(
      value,
      "^[0-9]{4}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9](\\.[0-9]+)?(Z|[+-][0-2][0-9]:?[0-5][0-9])$")
  }

  /// ISO 8601 duration (`PT1H2M3S`, `P1DT2H`, `PT0.5S`).
  static func isDuration(_ value: Any?) -> Bool {
    guard let text = value as? String, text != "P", text != "PT", !text.hasSuffix("T") else { return false }
    return matches(text, "^P([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?(T([0-9]+H)?([0-9]+M)?([0-9]+(\\.[0-9]+)?S)?)?$")
  }
}
