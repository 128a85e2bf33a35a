import CLibXML2
import CourseModel

/// The bytes of a file with its line starts: turns byte offsets and element starts into line:column.
/// Columns count characters (Unicode scalars), as libxml2 does.
struct SourceText {
  let bytes: [UInt8]
  /// Byte offset where each line starts; `lineStarts[0]` is line 1.
  let lineStarts: [Int]

  init(bytes: [UInt8]) {
    self.bytes = bytes
    var starts = [0]
    for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
      starts.append(offset + 1)
    }
    self.lineStarts = starts
  }

  /// The 1-based line and character column of a byte offset.
  func location(ofOffset offset: Int) -> SourceLocation {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    let start = lineStarts[low]
    return SourceLocation(line: low + 1, column: characterCount(from: start, to: offset) + 1)
  }

  /// Characters (UTF-8 lead bytes) between two byte offsets.
  func characterCount(from start: Int, to end: Int) -> Int {
    var count = 0
    var index = start
    while index < min(end, bytes.count) {
      if bytes[index] & 0xC0 != 0x80 { count += 1 }
      index += 1
    }
    return count
  }

  /// Where a `<!DOCTYPE` declaration starts in the prolog (before the root element), skipping the XML
  /// declaration, comments and processing instructions.
  func doctypeOffset() -> Int? {
    let doctype = Array("<!DOCTYPE".utf8)
    for offset in prologMarkupOffsets() where bytes[offset...].starts(with: doctype) { return offset }
    return nil
  }

  /// Offsets of the `<` of each markup item before the first start tag.
  private func prologMarkupOffsets() -> [Int] {
    var result: [Int] = []
    var index = 0
    let count = bytes.count
    func skip(past terminator: [UInt8], from start: Int) -> Int {
      var position = start
      while position + terminator.count <= count {
        if bytes[position..<(position + terminator.count)].elementsEqual(terminator) {
          return position + terminator.count
        }
        position += 1
      }
      return count
    }
    while index < count {
      guard bytes[index] == UInt8(ascii: "<") else {
        index += 1
        continue
      }
      result.append(index)
      if bytes[index...].starts(with: Array("<!--".utf8)) {
        index = skip(past: Array("-->".utf8), from: index + 4)
      } else if bytes[index...].starts(with: Array("<?".utf8)) {
        index = skip(past: Array("?>".utf8), from: index + 2)
      } else {
        break
      }
    }
    return result
  }

  /// The first bytes that are not UTF-8, if any, as an offset.
  func firstInvalidUTF8Offset() -> Int? {
    var index = 0
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      let length: Int
      var minimum: UInt32 = 0
      var value: UInt32
      switch byte {
      case 0x00...0x7F:
        index += 1
        continue
      case 0xC2...0xDF:
        length = 2
        value = UInt32(byte & 0x1F)
        minimum = 0x80
      case 0xE0...0xEF:
        length = 3
        value = UInt32(byte & 0x0F)
        minimum = 0x800
      case 0xF0...0xF4:
        length = 4
        value = UInt32(byte & 0x07)
        minimum = 0x10000
      default:
        return index
      }
      guard index + length <= count else { return index }
      for next in 1..<length {
        let continuation = bytes[index + next]
        guard continuation & 0xC0 == 0x80 else { return index }
        value = (value << 6) | UInt32(continuation & 0x3F)
      }
      if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return index }
      index += length
    }
    return nil
  }
}

/// Where every element of a tree starts. Files have no DOCTYPE (refused), so no entity makes elements:
/// the elements in document order are the start tags in source order, found by a small scan that skips
/// comments, CDATA sections, processing instructions and end tags.
struct ElementLocations {
  private var locations: [UnsafeMutableRawPointer: SourceLocation] = [:]

  init(root: xmlNodePtr?, source: SourceText) {
    let starts = source.startTagOffsets()
    var next = 0
    var result: [UnsafeMutableRawPointer: SourceLocation] = [:]
    func visit(_ node: xmlNodePtr) {
      if next < starts.count {
        result[UnsafeMutableRawPointer(node)] = source.location(ofOffset: starts[next])
      }
      next += 1
      for child in node.elementChildren { visit(child) }
    }
    if let root { visit(root) }
    locations = result
  }

  /// The element's `<`; libxml2's line (the end of a multi-line start tag) if the scan lost track.
  func location(of node: xmlNodePtr) -> SourceLocation {
    locations[UnsafeMutableRawPointer(node)] ?? SourceLocation(line: node.lineNumber, column: 1)
  }
}

extension SourceText {
  /// Byte offsets of every start tag (`<name`), in source order.
  func startTagOffsets() -> [Int] {
    var result: [Int] = []
    var index = 0
    let count = bytes.count
    func skip(past terminator: [UInt8], from start: Int) -> Int {
      var position = start
      while position + terminator.count <= count {
        if bytes[position] == terminator[0], bytes[position..<(position + terminator.count)].elementsEqual(terminator) {
          return position + terminator.count
        }
        position += 1
      }
      return count
    }
    while index < count {
      guard bytes[index] == UInt8(ascii: "<"), index + 1 < count else {
        index += 1
        continue
      }
      switch bytes[index + 1] {
      case UInt8(ascii: "!"):
        if index + 3 < count, bytes[index + 2] == UInt8(ascii: "-"), bytes[index + 3] == UInt8(ascii: "-") {
          index = skip(past: Array("-->".utf8), from: index + 4)
        } else if bytes[(index + 1)..<min(count, index + 9)].elementsEqual(Array("![CDATA[".utf8)) {
          index = skip(past: Array("]]>".utf8), from: index + 9)
        } else {
          index = skip(past: [UInt8(ascii: ">")], from: index + 2)
        }
      case UInt8(ascii: "?"):
        index = skip(past: Array("?>".utf8), from: index + 2)
      case UInt8(ascii: "/"):
        index += 2
      default:
        result.append(index)
        index += 1
      }
    }
    return result
  }
}
