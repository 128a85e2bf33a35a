import CLibXML2
import CourseModel
import Foundation

/// libxml2 set up once per process: parser and schema types initialized, external entities and imports
/// local-only.
///
/// libxml2 2.9 initializes its built-in schema types lazily, at the first schema compiled, without a lock: two
/// threads compiling the course and certification schemas at once could both fill its type table, and every
/// file then failed validation (seen only under heavy load). Done here, once, before any thread starts.
let libxmlSetUp: Void = {
  xmlInitParser()
  xmlSchemaInitTypes()
  entraide_xmlUseNoNetLoader()
  noNetLoader = xmlGetExternalEntityLoader()
  xmlSetExternalEntityLoader(builtInSchemaLoader)
}()

/// Where the built-in schemas seem to live for libxml2: a path that is never read, so that an import
/// (`schemaLocation="xml.xsd"`) resolves beside the schema that names it.
let builtInSchemaPrefix = "/entraide-built-in-schemas/"

/// libxml2's no-network loader, which every other entity, DTD and import goes through (set once, then read).
nonisolated(unsafe) private var noNetLoader: xmlExternalEntityLoader?

/// Serves `BuiltInSchemas` under `builtInSchemaPrefix`; everything else to the no-network loader.
private let builtInSchemaLoader: xmlExternalEntityLoader = { url, id, context in
  if let url {
    let path = String(cString: url)
    if path.hasPrefix(builtInSchemaPrefix),
      let text = BuiltInSchemas.files[String(path.dropFirst(builtInSchemaPrefix.count))]
    {
      // The buffer copies the bytes; the stream owns the buffer and its file name (freed by libxml2).
      let buffer = text.withCString { xmlParserInputBufferCreateMem($0, Int32(strlen($0)), XML_CHAR_ENCODING_NONE) }
      guard let buffer, let input = xmlNewIOInputStream(context, buffer, XML_CHAR_ENCODING_NONE) else { return nil }
      input.pointee.filename = UnsafePointer(xmlCharStrdup(path)).map {
        UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)
      }
      return input
    }
  }
  return noNetLoader?(url, id, context)
}

/// The only parser options used: no network, line numbers past 65535. Never NOENT (it reads local files
/// through external entities) and never HUGE (it lifts the entity-expansion guard).
let safeParseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)

/// One error libxml2 reported, copied out of its callback.
struct RawXMLError {
  var domain: Int32
  var code: Int32
  var level: xmlErrorLevel
  var message: String
  var line: Int
  /// Parse errors give a column; schema errors give 0.
  var column: Int
  var node: xmlNodePtr?
  var str1: String?
  var str2: String?
  var int1: Int
}

/// Collects libxml2's structured errors; passed to the C callback through `Unmanaged`.
final class ErrorCollector {
  static let limit = 500
  var errors: [RawXMLError] = []
  var dropped = 0

  func add(_ error: xmlError) {
    guard errors.count < Self.limit else {
      dropped += 1
      return
    }
    var message = error.message.map { String(cString: $0) } ?? ""
    while message.last?.isNewline == true || message.last == " " { message.removeLast() }
    let node: xmlNodePtr? = error.node.map { $0.assumingMemoryBound(to: xmlNode.self) }
    errors.append(
      RawXMLError(
        domain: Int32(error.domain), code: Int32(error.code), level: error.level, message: message,
        line: Int(error.line), column: Int(error.int2), node: node,
        str1: error.str1.map { String(cString: $0) }, str2: error.str2.map { String(cString: $0) },
        int1: Int(error.int1)))
  }

  /// Runs `body` with libxml2's thread-local structured-error hook pointing at this collector, then resets it.
  /// `body` must be synchronous: the hook belongs to the current thread.
  func capturing<T>(_ body: () -> T) -> T {
    let context = Unmanaged.passUnretained(self).toOpaque()
    xmlSetStructuredErrorFunc(context, errorCollectorCallback)
    defer { xmlSetStructuredErrorFunc(nil, nil) }
    return withExtendedLifetime(self) { body() }
  }
}

/// The C callback: forwards one error to the collector passed as context.
private let errorCollectorCallback: xmlStructuredErrorFunc = { context, error in
  guard let context, let error else { return }
  Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue().add(error.pointee)
}

/// A parsed document; frees itself.
final class XMLTree {
  let doc: xmlDocPtr

  init(doc: xmlDocPtr) {
    self.doc = doc
  }

  deinit { xmlFreeDoc(doc) }

  var root: xmlNodePtr? { xmlDocGetRootElement(doc) }

  /// Parses UTF-8 bytes with the safe options, collecting every error; `path` names the file in errors.
  /// `options` other than the safe ones are for tests that show what the safe ones prevent.
  static func parse(_ bytes: [UInt8], path: String, options: Int32 = safeParseOptions) -> (XMLTree?, [RawXMLError]) {
    _ = libxmlSetUp
    let collector = ErrorCollector()
    let document: xmlDocPtr? = collector.capturing {
      bytes.withUnsafeBufferPointer { buffer in
        buffer.baseAddress.flatMap { base in
          base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
            xmlReadMemory($0, Int32(clamping: buffer.count), path, "UTF-8", options)
          }
        }
      }
    }
    return (document.map(XMLTree.init), collector.errors)
  }
}

/// A compiled XSD; frees itself. Read-only once parsed, so one serves every file of a run, on any thread
/// (each validation has its own context).
final class CompiledSchema: @unchecked Sendable {
  let schema: xmlSchemaPtr

  init(schema: xmlSchemaPtr) {
    self.schema = schema
  }

  deinit { xmlSchemaFree(schema) }

  /// Validates the document; every error with its line (schema errors carry no column), and whether
  /// libxml2 could not finish (no context, or a failure it reported no error for: out of memory, an
  /// internal error), so that such a file is never taken as valid.
  func validate(_ tree: XMLTree) -> (errors: [RawXMLError], unfinished: Bool) {
    guard let context = xmlSchemaNewValidCtxt(schema) else { return ([], true) }
    defer { xmlSchemaFreeValidCtxt(context) }
    let collector = ErrorCollector()
    let unmanaged = Unmanaged.passUnretained(collector).toOpaque()
    xmlSchemaSetValidStructuredErrors(context, errorCollectorCallback, unmanaged)
    let status = withExtendedLifetime(collector) {
      collector.capturing { xmlSchemaValidateDoc(context, tree.doc) }
    }
    let errors = collector.errors
    return (errors, status != 0 && !errors.contains { $0.level != XML_ERR_WARNING })
  }

  /// Parses the XSD at `path`, or gives libxml2's errors.
  static func load(path: String) -> (CompiledSchema?, [RawXMLError]) {
    _ = libxmlSetUp
    let collector = ErrorCollector()
    let schema: xmlSchemaPtr? = collector.capturing {
      guard let parser = xmlSchemaNewParserCtxt(path) else { return nil }
      defer { xmlSchemaFreeParserCtxt(parser) }
      let unmanaged = Unmanaged.passUnretained(collector).toOpaque()
      xmlSchemaSetParserStructuredErrors(parser, errorCollectorCallback, unmanaged)
      return xmlSchemaParse(parser)
    }
    return (schema.map(CompiledSchema.init), collector.errors)
  }
}

/// Node helpers: names, attributes, text.
extension UnsafeMutablePointer where Pointee == xmlNode {
  var isElement: Bool { pointee.type == XML_ELEMENT_NODE }

  var localName: String { pointee.name.map { String(cString: $0) } ?? "" }

  var namespaceURI: String? { pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) } }

  /// The element children in document order (a walk over the sibling links, no array).
  var elementChildren: ElementChildren { ElementChildren(node: pointee.children) }

  /// An attribute without namespace, as written (entities as libxml2 resolves attribute values).
  func attribute(_ name: String) -> String? {
    var property = pointee.properties
    while let current = property {
      if current.pointee.ns == nil, let propertyName = current.pointee.name, name.equalsCString(propertyName) {
        // The usual case, one text node: read it in place, without libxml2 allocating a copy.
        if let text = current.pointee.children, text.pointee.next == nil, text.pointee.type == XML_TEXT_NODE,
          let content = text.pointee.content
        {
          return String(cString: content)
        }
        guard let value = xmlNodeListGetString(pointee.doc, current.pointee.children, 1) else { return "" }
        defer { entraide_xmlFree(value) }
        return String(cString: value)
      }
      property = current.pointee.next
    }
    return nil
  }

  /// `xml:lang` on this element itself.
  var xmlLang: String? {
    var property = pointee.properties
    while let current = property {
      if let namespace = current.pointee.ns?.pointee.href,
        "http://www.w3.org/XML/1998/namespace".equalsCString(namespace),
        let name = current.pointee.name, "lang".equalsCString(name)
      {
        if let text = current.pointee.children, text.pointee.next == nil, text.pointee.type == XML_TEXT_NODE,
          let content = text.pointee.content
        {
          return String(cString: content)
        }
        guard let value = xmlNodeListGetString(pointee.doc, current.pointee.children, 1) else { return "" }
        defer { entraide_xmlFree(value) }
        return String(cString: value)
      }
      property = current.pointee.next
    }
    return nil
  }

  /// The text content, whitespace runs collapsed to one space and trimmed.
  var normalizedText: String {
    guard let value = xmlNodeGetContent(self) else { return "" }
    defer { entraide_xmlFree(value) }
    return collapsedUTF8(value, trim: true)
  }

  /// The text of a text or CDATA node (read in place), or the content of any other node.
  var rawText: String {
    if pointee.type == XML_TEXT_NODE || pointee.type == XML_CDATA_SECTION_NODE {
      return pointee.content.map { String(cString: $0) } ?? ""
    }
    guard let value = xmlNodeGetContent(self) else { return "" }
    defer { entraide_xmlFree(value) }
    return String(cString: value)
  }

  /// The text of a text or CDATA node with whitespace runs collapsed (ends kept as one space).
  var collapsedText: String {
    if pointee.type == XML_TEXT_NODE || pointee.type == XML_CDATA_SECTION_NODE {
      return pointee.content.map { collapsedUTF8($0, trim: false) } ?? ""
    }
    return rawText.collapsingWhitespace()
  }

  var lineNumber: Int { Int(xmlGetLineNo(self)) }
}

/// The element children of a node, in document order.
struct ElementChildren: Sequence, IteratorProtocol {
  var node: xmlNodePtr?

  mutating func next() -> xmlNodePtr? {
    while let current = node {
      node = current.pointee.next
      if current.pointee.type == XML_ELEMENT_NODE { return current }
    }
    return nil
  }
}

/// A NUL-terminated UTF-8 text with every run of XML whitespace made one space; `trim` drops them at both ends.
func collapsedUTF8(_ text: UnsafePointer<xmlChar>, trim: Bool) -> String {
  let length = strlen(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self))
  return String(unsafeUninitializedCapacity: length) { buffer in
    var count = 0
    var pendingSpace = false
    for index in 0..<length {
      let byte = text[index]
      if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
        pendingSpace = !trim || count > 0
        continue
      }
      if pendingSpace {
        buffer[count] = 0x20
        count += 1
        pendingSpace = false
      }
      buffer[count] = byte
      count += 1
    }
    if pendingSpace, !trim {
      buffer[count] = 0x20
      count += 1
    }
    return count
  }
}

extension String {
  /// Every run of XML whitespace becomes one space.
  func collapsingWhitespace() -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(utf8.count)
    var inSpace = false
    for byte in utf8 {
      if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
        if !inSpace { bytes.append(0x20) }
        inSpace = true
      } else {
        bytes.append(byte)
        inSpace = false
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  func trimmingSpaces() -> String {
    var scalars = Substring(self)
    while scalars.first == " " { scalars.removeFirst() }
    while scalars.last == " " { scalars.removeLast() }
    return String(scalars)
  }

  /// Whether this string equals a NUL-terminated UTF-8 C string, without converting either.
  func equalsCString(_ other: UnsafePointer<xmlChar>) -> Bool {
    // Names are literals, stored contiguously: compare in place (strncmp stops at `other`'s end).
    let compared = utf8.withContiguousStorageIfAvailable { mine -> Bool in
      guard let base = mine.baseAddress else { return other[0] == 0 }
      return strncmp(
        UnsafeRawPointer(other).assumingMemoryBound(to: CChar.self),
        UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), mine.count) == 0 && other[mine.count] == 0
    }
    if let compared { return compared }
    var index = 0
    for byte in utf8 {
      guard other[index] == byte else { return false }
      index += 1
    }
    return other[index] == 0
  }
}
