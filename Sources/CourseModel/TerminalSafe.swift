extension String {
  /// The text without control characters (escape sequences lose their ESC and stay inert), keeping
  /// newlines and tabs when `keepNewlines` is true. Use on every text from a file or the registry.
  public func strippingControlCharacters(keepNewlines: Bool = false) -> String {
    if !containsControlCharacters { return self }
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
      case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029:
        continue
      default:
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// Whether any scalar is one `strippingControlCharacters` removes or changes: C0 (tabs and newlines too),
  /// DEL, C1 (UTF-8 C2 80–9F), U+2028 and U+2029 (E2 80 A8–A9). A scan of the bytes: most text has none,
  /// and is then returned as it is without being rebuilt scalar by scalar.
  var containsControlCharacters: Bool {
    var previous: UInt8 = 0
    var beforePrevious: UInt8 = 0
    for byte in utf8 {
      if byte < 0x20 || byte == 0x7F { return true }
      if previous == 0xC2, byte >= 0x80, byte <= 0x9F { return true }
      if beforePrevious == 0xE2, previous == 0x80, byte == 0xA8 || byte == 0xA9 { return true }
      beforePrevious = previous
      previous = byte
    }
    return false
  }
}
