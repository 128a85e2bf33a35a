import CLibXML2
import CourseModel
import Foundation

/// The bytes of a file with its line starts: turns byte offsets and element starts into line:column.
/// Columns count characters (Unicode scalars), as libxml2 does.
struct SourceText {
  let bytes: [UInt8]
  /// Byte offset where each line starts; `lineStarts[0]` is line 1.
  let lineStarts: [Int]

  init(bytes: [UInt8]) {
    self.bytes = bytes
    var starts = [0]
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      var offset = 0
      while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
        offset = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
        starts.append(offset)
      }
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

  /// The locations of ascending byte offsets, in one pass over the lines and bytes they span.
  func locations(ofAscendingOffsets offsets: [Int]) -> [SourceLocation] {
    var result: [SourceLocation] = []
    result.reserveCapacity(offsets.count)
    var line = 0
    var previous = (offset: 0, column: 1)
    for offset in offsets {
      var nextLine = line
      while nextLine + 1 < lineStarts.count, lineStarts[nextLine + 1] <= offset { nextLine += 1 }
      if nextLine != line || offset < previous.offset || result.isEmpty {
        line = nextLine
        previous = (lineStarts[line], 1)
      }
      let column = previous.column + characterCount(from: previous.offset, to: offset)
      result.append(SourceLocation(line: line + 1, column: column))
      previous = (offset, column)
    }
    return result
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
    // The standard library's validation is fast; find the offset only when it fails.
    if String(validating: bytes, as: UTF8.self) != nil { return nil }
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
  /// Locations in document order; each element's `_private` holds its index + 1 (libxml2 leaves `_private`
  /// to applications; schema validation uses `psvi`).
  private var locations: [SourceLocation] = []

  init(root: xmlNodePtr?, source: SourceText) {
    let starts = source.locations(ofAscendingOffsets: source.startTagOffsets())
    var result: [SourceLocation] = []
    result.reserveCapacity(starts.count)
    func visit(_ node: xmlNodePtr) {
      let location =
        result.count < starts.count ? starts[result.count] : SourceLocation(line: node.lineNumber, column: 1)
      result.append(location)
      node.pointee._private = UnsafeMutableRawPointer(bitPattern: result.count)
      for child in node.elementChildren { visit(child) }
    }
    if let root { visit(root) }
    locations = result
  }

  /// The element's `<`; libxml2's line (the end of a multi-line start tag) if the scan lost track.
  func location(of node: xmlNodePtr) -> SourceLocation {
    let index = Int(bitPattern: node.pointee._private) - 1
    guard locations.indices.contains(index) else { return SourceLocation(line: node.lineNumber, column: 1) }
    return locations[index]
  }
}

extension SourceText {
  /// Byte offsets of every start tag (`<name`), in source order.
  func startTagOffsets() -> [Int] {
    bytes.withUnsafeBufferPointer { buffer -> [Int] in
      guard let base = buffer.baseAddress else { return [] }
      let count = buffer.count
      var result: [Int] = []
      result.reserveCapacity(count / 64)
      /// The offset of the next `byte` at or after `start`, or `count`.
      func next(_ byte: UInt8, from start: Int) -> Int {
        guard start < count, let found = memchr(base + start, Int32(byte), count - start) else { return count }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
      }
      /// Whether `literal` is at `offset`.
      func matches(_ literal: StaticString, at offset: Int) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard offset + length <= count else { return false }
        return memcmp(base + offset, literal.utf8Start, length) == 0
      }
      /// The offset just past the next `terminator` at or after `start`, or `count`.
      func skip(past terminator: StaticString, from start: Int) -> Int {
        let first = terminator.utf8Start.pointee
        var position = start
        while true {
          position = next(first, from: position)
          if position >= count { return count }
          if matches(terminator, at: position) { return position + terminator.utf8CodeUnitCount }
          position += 1
        }
      }
      var index = next(UInt8(ascii: "<"), from: 0)
      while index < count {
        guard index + 1 < count else { break }
        switch buffer[index + 1] {
        case UInt8(ascii: "!"):
          if matches("<!--", at: index) {
            index = skip(past: "-->", from: index + 4)
          } else if matches("<![CDATA[", at: index) {
            index = skip(past: "]]>", from: index + 9)
          } else {
            index = skip(past: ">", from: index + 2)
          }
        case UInt8(ascii: "?"):
          index = skip(past: "?>", from: index + 2)
        case UInt8(ascii: "/"):
          index += 2
        default:
          result.append(index)
          index += 1
        }
        index = next(UInt8(ascii: "<"), from: index)
      }
      return result
    }
  }
}
