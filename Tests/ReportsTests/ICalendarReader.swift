/// A small RFC 5545 reader for the tests: unfolds content lines (§3.1), splits each into name, parameters
/// and value (§3.1, quoted parameter values kept whole), unescapes TEXT values (§3.3.11) and nests
/// components (BEGIN/END). Throws on what a calendar program would refuse.
struct ICalendarComponent: Equatable {
  var name: String
  var properties: [(name: String, parameters: [String: String], value: String)] = []
  var components: [ICalendarComponent] = []

  static func == (a: Self, b: Self) -> Bool {
    a.name == b.name && a.components == b.components && a.properties.count == b.properties.count
      && zip(a.properties, b.properties).allSatisfy {
        $0.name == $1.name && $0.parameters == $1.parameters && $0.value == $1.value
      }
  }

  /// The first value of a property, TEXT-unescaped.
  func text(_ property: String) -> String? {
    properties.first { $0.name == property }.map { ICalendarReader.unescaped($0.value) }
  }

  func parameters(_ property: String) -> [String: String]? {
    properties.first { $0.name == property }?.parameters
  }
}

enum ICalendarReader {
  struct Failure: Error, Equatable {
    var reason: String
  }

  static func read(_ text: String) throws -> ICalendarComponent {
    guard text.hasSuffix("\r\n") else { throw Failure(reason: "the last line does not end with CRLF") }
    // §3.1: a CRLF followed by one space or tab is removed (the line goes on).
    var unfolded = ""
    var scalars = Array(text.unicodeScalars)[...]
    while let scalar = scalars.popFirst() {
      if scalar == "\r", scalars.first == "\n" {
        let next = scalars.dropFirst().first
        if next == " " || next == "\t" {
          scalars = scalars.dropFirst(2)
          continue
        }
        unfolded += "\n"
        scalars = scalars.dropFirst()
        continue
      }
      if scalar == "\n" || scalar == "\r" { throw Failure(reason: "a bare line break") }
      unfolded.unicodeScalars.append(scalar)
    }
    var stack: [ICalendarComponent] = []
    var root: ICalendarComponent?
    for line in unfolded.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
      let (name, parameters, value) = try contentLine(String(line))
      if name == "BEGIN" {
        stack.append(ICalendarComponent(name: value))
      } else if name == "END" {
        guard let done = stack.popLast(), done.name == value else { throw Failure(reason: "END:\(value) unmatched") }
        if stack.isEmpty { root = done } else { stack[stack.count - 1].components.append(done) }
      } else {
        guard !stack.isEmpty else { throw Failure(reason: "\(name) outside a component") }
        stack[stack.count - 1].properties.append((name, parameters, value))
      }
    }
    guard stack.isEmpty, let root else { throw Failure(reason: "unterminated component") }
    return root
  }

  /// `NAME;PARAM=VALUE;PARAM="QUOTED":VALUE`.
  static func contentLine(_ line: String) throws -> (String, [String: String], String) {
    var name = ""
    var parameters: [String: String] = [:]
    var index = line.startIndex
    func readToken(stoppingAt stops: Set<Character>) -> String {
      var token = ""
      var quoted = false
      while index < line.endIndex {
        let character = line[index]
        if character == "\"" { quoted.toggle() }
        if !quoted && stops.contains(character) { break }
        token.append(character)
        index = line.index(after: index)
      }
      return token
    }
    name = readToken(stoppingAt: [";", ":"])
    guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
      throw Failure(reason: "bad property name in \(line)")
    }
    while index < line.endIndex, line[index] == ";" {
      index = line.index(after: index)
      let parameter = readToken(stoppingAt: [";", ":"])
      let parts = parameter.split(separator: "=", maxSplits: 1)
      guard parts.count == 2 else { throw Failure(reason: "bad parameter in \(line)") }
      parameters[String(parts[0])] = String(parts[1]).trimmingQuotes
    }
    guard index < line.endIndex, line[index] == ":" else { throw Failure(reason: "no value in \(line)") }
    return (name, parameters, String(line[line.index(after: index)...]))
  }

  /// A TEXT value unescaped: `\\n` `\\N` line break, `\\\\`, `\\;`, `\\,`.
  static func unescaped(_ value: String) -> String {
    var result = ""
    var escaping = false
    for character in value {
      if escaping {
        result += character == "n" || character == "N" ? "\n" : String(character)
        escaping = false
      } else if character == "\\" {
        escaping = true
      } else {
        result.append(character)
      }
    }
    return result
  }
}

extension String {
  fileprivate var trimmingQuotes: String {
    hasPrefix("\"") && hasSuffix("\"") && count >= 2 ? String(dropFirst().dropLast()) : self
  }
}
