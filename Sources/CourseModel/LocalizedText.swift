/// A text given in several languages, keyed by language code; the empty code is a text without `xml:lang`.
public struct LocalizedText: Sendable, Hashable, Codable {
  public var values: [String: String]

  public init(_ values: [String: String] = [:]) {
    self.values = values
  }

  public var isEmpty: Bool { values.isEmpty }

  /// The text in `language`, else the text without a language, else the first in `fallbacks` present.
  public func text(_ language: String, fallbacks: [String] = []) -> String? {
    if let value = values[language] { return value }
    if let value = values[""] { return value }
    for code in fallbacks {
      if let value = values[code] { return value }
    }
    return values.keys.sorted().first.flatMap { values[$0] }
  }

  /// The languages this text is given in (the empty code stands for "any").
  public var languages: Set<String> { Set(values.keys) }
}

/// Inline text with `em` and `strong` markup.
public indirect enum Inline: Sendable, Hashable, Codable {
  case text(String)
  case emphasis([Inline])
  case strong([Inline])

  /// The text without markup.
  public var plainText: String {
    switch self {
    case .text(let string): string
    case .emphasis(let children), .strong(let children): children.map(\.plainText).joined()
    }
  }
}

/// A block of a lesson page: a paragraph or a bulleted list.
public enum Block: Sendable, Hashable, Codable {
  case paragraph([Inline])
  case list([[Inline]])
}

/// A block in one language (nil: no `xml:lang`, shown in every language).
public struct LanguageBlock: Sendable, Hashable, Codable {
  public var language: String?
  public var block: Block
  public var location: SourceLocation

  public init(language: String?, block: Block, location: SourceLocation) {
    self.language = language
    self.block = block
    self.location = location
  }
}
