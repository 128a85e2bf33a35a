extension Unicode.Scalar {
  /// Whether the character changes how a terminal or a text view shows what follows instead of showing
  /// itself: a C0 or C1 control (tab and newline included), DEL, a line or paragraph separator, or a
  /// bidirectional control (U+061C, U+200E/U+200F, U+202A–U+202E, U+2066–U+2069: the "Trojan Source" trick).
  ///
  /// The one decision of what text is never shown as is, and never accepted in a name or a field.
  public var isControlOrBidi: Bool {
    switch value {
    case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: true
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }
}

extension String {
  /// The text without control or bidirectional characters (escape sequences lose their ESC and stay
  /// inert), keeping newlines and tabs when `keepNewlines` is true. Use on every text from a file or the
  /// registry.
  public func strippingControlCharacters(keepNewlines: Bool = false) -> String {
    // Most text has nothing to strip: returned as it is, not rebuilt scalar by scalar.
    if !hasControlOrBidi { return self }
    var result = String.UnicodeScalarView()
    var scalars = unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
      switch scalar.value {
      case 0x0A, 0x09:
        result.append(keepNewlines ? scalar : " ")
      case 0x1B:
        // Drop a whole CSI / OSC sequence, not only its ESC.
        var lookahead = scalars
        if let next = lookahead.next(), next == "[" || next == "]" {
          scalars = lookahead
          while let inner = scalars.next() {
            if next == "[", (0x40...0x7E).contains(inner.value) { break }
            if next == "]", inner.value == 0x07 || inner.value == 0x1B { break }
          }
        }
      case _ where scalar.isControlOrBidi:
        continue
      default:
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// Whether the text has a control or bidirectional character (see `isControlOrBidi`): what
  /// `strippingControlCharacters` would change. ASCII text without controls is told by its bytes alone.
  public var hasControlOrBidi: Bool {
    utf8.contains(where: { $0 < 0x20 || $0 >= 0x7F }) && firstControlOrBidi != nil
  }

  /// The first control or bidirectional character of the text (see `isControlOrBidi`), or nil.
  public var firstControlOrBidi: Unicode.Scalar? {
    unicodeScalars.first(where: \.isControlOrBidi)
  }
}
