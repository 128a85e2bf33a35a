import CourseModel

/// How a run of text is shown: the console turns a style into colour, or into nothing, or a marker.
public enum TextStyle: Sendable, Hashable {
  case normal
  /// Course `em`: italic, or `_…_` without colour.
  case emphasis
  /// Course `strong`: bold, or `*…*` without colour.
  case strong
  /// A scene's setting and feedback: italic, and no marker without colour.
  case narration
  case heading
  case success
  case failure
  case notice
  case dim
}

/// A piece of text in one style.
public struct StyledRun: Sendable, Hashable {
  public var text: String
  public var style: TextStyle

  public init(_ text: String, _ style: TextStyle = .normal) {
    self.text = text
    self.style = style
  }
}

/// One output line after wrapping: a prefix (indent, bullet, number) and styled runs.
public struct WrappedLine: Sendable, Hashable {
  public var prefix: String
  public var runs: [StyledRun]

  /// The line's text without styles.
  public var plainText: String { prefix + runs.map(\.text).joined() }
}

/// Greedy word wrapping by display width, keeping a hanging indent.
///
/// Spaces (not no-break spaces) separate words. French punctuation that stands apart from its word
/// (`«` before, `»` `:` `;` `!` `?` after) stays on the same line as the word. A word wider than the
/// line is cut at the line's width.
public enum TextWrapper {
  public static func wrap(
    _ runs: [StyledRun], width: Int, firstPrefix: String = "", restPrefix: String = ""
  ) -> [WrappedLine] {
    let words = joinFrenchPunctuation(splitWords(runs))
    var lines: [WrappedLine] = []
    var current = WrappedLine(prefix: firstPrefix, runs: [])
    var currentWidth = DisplayWidth.of(firstPrefix)
    var currentIsEmpty = true

    func startNewLine() {
      lines.append(current)
      current = WrappedLine(prefix: restPrefix, runs: [])
      currentWidth = DisplayWidth.of(restPrefix)
      currentIsEmpty = true
    }

    for word in words {
      let wordWidth = word.reduce(0) { $0 + DisplayWidth.of($1.text) }
      if !currentIsEmpty {
        if currentWidth + 1 + wordWidth <= width {
          // The space between two words of one style takes that style (one SGR span, not two).
          let spaceStyle = current.runs.last?.style == word.first?.style ? word.first?.style ?? .normal : .normal
          append(StyledRun(" ", spaceStyle), to: &current.runs)
          for piece in word { append(piece, to: &current.runs) }
          currentWidth += 1 + wordWidth
          continue
        }
        startNewLine()
      }
      if currentWidth + wordWidth <= width {
        for piece in word { append(piece, to: &current.runs) }
        currentWidth += wordWidth
        currentIsEmpty = false
        continue
      }
      // Too wide for a whole line: cut it, at least one character per line so this always ends.
      for piece in word {
        for character in piece.text {
          let characterWidth = DisplayWidth.of(character)
          if !currentIsEmpty, currentWidth + characterWidth > width { startNewLine() }
          append(StyledRun(String(character), piece.style), to: &current.runs)
          currentWidth += characterWidth
          currentIsEmpty = false
        }
      }
    }
    lines.append(current)
    return lines
  }

  /// Adds a run, merging it with the last one when the style is the same.
  private static func append(_ run: StyledRun, to runs: inout [StyledRun]) {
    if let last = runs.last, last.style == run.style {
      runs[runs.count - 1].text += run.text
    } else {
      runs.append(run)
    }
  }

  private static func isBreakingSpace(_ character: Character) -> Bool {
    character.isWhitespace && character != "\u{00A0}" && character != "\u{202F}" && character != "\u{2007}"
  }

  private static func splitWords(_ runs: [StyledRun]) -> [[StyledRun]] {
    var words: [[StyledRun]] = []
    var word: [StyledRun] = []
    for run in runs {
      for character in run.text {
        if isBreakingSpace(character) {
          if !word.isEmpty { words.append(word) }
          word = []
        } else {
          append(StyledRun(String(character), run.style), to: &word)
        }
      }
    }
    if !word.isEmpty { words.append(word) }
    return words
  }

  private static let attachesToPrevious: Set<String> = ["»", ":", ";", "!", "?", "!?", "?!", "›"]
  private static let attachesToNext: Set<String> = ["«", "‹"]

  /// The space kept inside a joined word: in the style of both sides when they share one.
  private static func joiningSpace(_ before: [StyledRun], _ after: [StyledRun]) -> StyledRun {
    let style = before.last?.style == after.first?.style ? before.last?.style ?? .normal : .normal
    return StyledRun(" ", style)
  }

  private static func joinFrenchPunctuation(_ words: [[StyledRun]]) -> [[StyledRun]] {
    var result: [[StyledRun]] = []
    var pendingOpening: [StyledRun]?
    for word in words {
      let text = word.map(\.text).joined()
      var word = word
      if let opening = pendingOpening {
        word = opening + [joiningSpace(opening, word)] + word
        pendingOpening = nil
      }
      if attachesToNext.contains(text) {
        pendingOpening = word
        continue
      }
      if attachesToPrevious.contains(text), let last = result.last {
        result[result.count - 1] = last + [joiningSpace(last, word)] + word
        continue
      }
      result.append(word)
    }
    if let opening = pendingOpening { result.append(opening) }
    return result
  }
}
