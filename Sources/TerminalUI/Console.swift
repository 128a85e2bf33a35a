import CourseModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How output looks: width, colour, and the plain mode for screen readers.
public struct OutputMode: Sendable, Hashable {
  /// Columns to wrap to.
  public var width: Int
  /// Whether SGR colour and style codes are written.
  public var colour: Bool
  /// Screen-reader mode: no colour, no box drawing, no cursor movement, ASCII markers.
  public var plain: Bool

  public init(width: Int = 80, colour: Bool = false, plain: Bool = false) {
    self.width = max(OutputMode.minimumWidth, width)
    self.colour = colour && !plain
    self.plain = plain
  }

  /// Narrower terminals still get this many columns, so a hanging indent always leaves room.
  public static let minimumWidth = 20

  /// The mode for this process: width from `COLUMNS`, else the terminal's size, else 80; colour only
  /// when stdout is a terminal, `NO_COLOR` is unset (any value, even empty, disables it), `TERM` is not
  /// `dumb`, and neither `--no-color` nor `--plain` was given.
  public static func resolve(
    environment: [String: String], stdoutIsTerminal: Bool, terminalColumns: Int?, noColorFlag: Bool,
    plainFlag: Bool
  ) -> OutputMode {
    var width = 80
    if let columns = environment["COLUMNS"].flatMap({ Int($0.filter { $0 != " " }) }), columns > 0 {
      width = columns
    } else if let terminalColumns, terminalColumns > 0 {
      width = terminalColumns
    }
    let colour =
      stdoutIsTerminal && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb" && !noColorFlag
      && !plainFlag
    return OutputMode(width: width, colour: colour, plain: plainFlag)
  }

  /// `resolve` with this process's environment and standard output.
  public static func current(environment: [String: String], noColorFlag: Bool, plainFlag: Bool) -> OutputMode {
    resolve(
      environment: environment, stdoutIsTerminal: isatty(STDOUT_FILENO) == 1,
      terminalColumns: terminalColumns(of: STDOUT_FILENO), noColorFlag: noColorFlag, plainFlag: plainFlag)
  }

  /// The terminal's width in columns (ioctl TIOCGWINSZ), nil when `fd` is not a terminal.
  public static func terminalColumns(of fd: Int32) -> Int? {
    var size = winsize()
    let result = withUnsafeMutablePointer(to: &size) { ioctl(fd, UInt(TIOCGWINSZ), $0) }
    guard result == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }
}

/// Where the console's text goes: standard output in the program, a buffer in tests.
public protocol TextSink: Sendable {
  func write(_ text: String)
}

/// Writes to a file descriptor, retrying on EINTR and short writes; errors (a closed pipe) are ignored.
public struct FileDescriptorSink: TextSink {
  public let fd: Int32

  public init(fd: Int32 = STDOUT_FILENO) {
    self.fd = fd
  }

  public func write(_ text: String) {
    let bytes = Array(text.utf8)
    var offset = 0
    bytes.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      while offset < buffer.count {
        #if canImport(Glibc)
          let written = Glibc.write(fd, base + offset, buffer.count - offset)
        #else
          let written = Darwin.write(fd, base + offset, buffer.count - offset)
        #endif
        if written > 0 {
          offset += written
        } else if written < 0, errno == EINTR {
          continue
        } else {
          return
        }
      }
    }
  }
}

/// The terminal as the runner sees it: wraps, styles and writes interface and course text.
///
/// Every text passes through `strippingControlCharacters` before it is written, so course files and
/// registry values can never move the cursor or change colours; the console's own SGR codes are
/// added afterwards. Colour is written as plain SGR codes rather than with a library (Rainbow): we need
/// six styles and one reset, and deciding *when* to colour is ours anyway (NO_COLOR, TERM, --plain).
public struct Console: Sendable {
  public var mode: OutputMode
  public var language: Language
  public let sink: any TextSink

  public init(mode: OutputMode, language: Language, sink: any TextSink = FileDescriptorSink()) {
    self.mode = mode
    self.language = language
    self.sink = sink
  }

  /// Writes text exactly, after removing control characters (newlines kept).
  public func write(_ text: String) {
    sink.write(text.strippingControlCharacters(keepNewlines: true))
  }

  public func blankLine() {
    sink.write("\n")
  }

  /// Writes wrapped styled text; each `\n` inside the runs starts a new paragraph with `firstPrefix`.
  public func print(_ runs: [StyledRun], firstPrefix: String = "", restPrefix: String? = nil) {
    let cleaned = runs.map { StyledRun($0.text.strippingControlCharacters(keepNewlines: true), $0.style) }
    var output = ""
    for paragraph in splitParagraphs(cleaned) {
      let lines = TextWrapper.wrap(
        markers(paragraph), width: mode.width, firstPrefix: firstPrefix.strippingControlCharacters(),
        restPrefix: (restPrefix ?? firstPrefix).strippingControlCharacters())
      for line in lines { output += render(line) + "\n" }
    }
    sink.write(output)
  }

  /// Writes one wrapped text in one style.
  public func print(_ text: String, style: TextStyle = .normal, firstPrefix: String = "", restPrefix: String? = nil) {
    print([StyledRun(text, style)], firstPrefix: firstPrefix, restPrefix: restPrefix)
  }

  /// Writes an interface sentence in the console's language.
  public func say(_ message: Message, style: TextStyle = .normal, prefix: String = "") {
    print(
      message.text(language), style: style, firstPrefix: prefix, restPrefix: String(repeating: " ", count: prefix.count)
    )
  }

  /// Writes a prompt: the sentence that says what is expected, then `> ` with no newline.
  public func prompt(_ message: Message) {
    print(message.text(language), style: .dim)
    sink.write("> ")
  }

  /// The glyph for a bullet, a right and a wrong mark in this mode.
  public var bullet: String { mode.plain ? "-" : "•" }

  /// A horizontal rule under headings; nothing in plain mode (no box drawing).
  public func rule(length: Int? = nil) {
    guard !mode.plain else { return }
    let count = min(length ?? mode.width, mode.width)
    sink.write(styled(String(repeating: "─", count: count), .dim) + "\n")
  }

  /// Emphasis and strong shown as `_…_` and `*…*` when there is no colour to show them.
  private func markers(_ runs: [StyledRun]) -> [StyledRun] {
    guard !mode.colour else { return runs }
    return runs.map { run in
      switch run.style {
      case .emphasis: StyledRun("_\(run.text)_", .normal)
      case .strong: StyledRun("*\(run.text)*", .normal)
      default: StyledRun(run.text, .normal)
      }
    }
  }

  private func splitParagraphs(_ runs: [StyledRun]) -> [[StyledRun]] {
    var paragraphs: [[StyledRun]] = [[]]
    for run in runs {
      let parts = run.text.split(separator: "\n", omittingEmptySubsequences: false)
      for (index, part) in parts.enumerated() {
        if index > 0 { paragraphs.append([]) }
        if !part.isEmpty { paragraphs[paragraphs.count - 1].append(StyledRun(String(part), run.style)) }
      }
    }
    return paragraphs
  }

  private func render(_ line: WrappedLine) -> String {
    line.prefix + line.runs.map { styled($0.text, $0.style) }.joined()
  }

  /// The text wrapped in SGR codes for its style, or as is without colour.
  public func styled(_ text: String, _ style: TextStyle) -> String {
    guard mode.colour, let code = Console.sgr[style] else { return text }
    return "\u{1B}[\(code)m\(text)\u{1B}[0m"
  }

  private static let sgr: [TextStyle: String] = [
    .emphasis: "3", .narration: "3", .strong: "1", .heading: "1;36", .success: "32", .failure: "31", .notice: "33",
    .dim: "2",
  ]
}
