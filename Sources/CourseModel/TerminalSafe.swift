extension String {
  /// The text without control characters (escape sequences lose their ESC and stay inert), keeping
  /// newlines and tabs when `keepNewlines` is true. Use on every text from a file or the registry.
  public func strippingControlCharacters(keepNewlines: Bool = false) -> String {
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
}
