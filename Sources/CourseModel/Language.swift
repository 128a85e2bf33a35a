/// A language of the interface: French first, English second.
public enum Language: String, Sendable, Codable, CaseIterable, Hashable {
  case fr
  case en

  /// The language a locale string such as `fr_CA.UTF-8` or `en` names, if it is one of ours.
  public init?(localeIdentifier: String) {
    let lower = localeIdentifier.lowercased()
    if lower.hasPrefix("fr") {
      self = .fr
    } else if lower.hasPrefix("en") {
      self = .en
    } else {
      return nil
    }
  }
}

/// One user-facing sentence, written whole in each language (never glued from fragments).
public struct Message: Sendable, Hashable, Codable {
  public let fr: String
  public let en: String

  public init(fr: String, en: String) {
    self.fr = fr
    self.en = en
  }

  public func text(_ language: Language) -> String {
    switch language {
    case .fr: fr
    case .en: en
    }
  }
}
