// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

internal import CLibXML2Shims

/// One attribute of the element under a ``FeedXMLReader``.
struct XMLAttribute: Sendable, Equatable {
    var localName: String
    var namespaceURI: String
    var value: String
}

/// The kinds of node wirefeed acts on; everything else (comments, processing instructions,
/// the document type) is ``other``.
enum XMLNodeKind: Sendable, Equatable {
    case element
    case text
    case endElement
    case other
}

/// What a move of the reader produced.
enum XMLReadResult: Sendable, Equatable {
    case node
    case end
    case failed
}

/// A pull reader over libxml2's `xmlTextReader`: the only Swift type that touches libxml2.
///
/// Feeds are read as UTF-8 (``EncodingDetector`` has transcoded them already) with a fixed hostile-input
/// policy set in C (no network, no DTD, no entity substitution, libxml2's default depth and size
/// limits). Errors are recorded per reader, never in libxml2's global state.
///
/// Not `Sendable`: a reader belongs to the task that opened it.
final class FeedXMLReader {
    private let handle: OpaquePointer
    private let storage: UnsafeMutableRawBufferPointer
    // libxml2 interns every name in the reader's dictionary, so a name's address identifies it for
    // the reader's whole life: each distinct name is turned into a Swift string once.
    private var internedNames: [UnsafeRawPointer: String] = [:]

    /// Opens a reader over an XML document in UTF-8.
    /// - Returns: nil when the bytes are too large for libxml2 (over 2 GiB) or memory runs out.
    init?(xmlUTF8 bytes: [UInt8]) {
        guard bytes.count < Int(Int32.max) else { return nil }
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        bytes.withUnsafeBytes { storage.copyMemory(from: $0) }
        guard
            let handle = wirefeed_xml_reader_open(
                storage.baseAddress!.assumingMemoryBound(to: CChar.self),
                Int32(bytes.count)
            )
        else {
            storage.deallocate()
            return nil
        }
        self.storage = storage
        self.handle = handle
    }

    deinit {
        wirefeed_xml_reader_free(handle)
        storage.deallocate()
    }

    /// Moves to the next node in document order. The corresponding C function is `xmlTextReaderRead`.
    func read() -> XMLReadResult {
        Self.result(wirefeed_xml_reader_read(handle))
    }

    /// Moves past the current node's subtree. The corresponding C function is `xmlTextReaderNext`.
    func skipSubtree() -> XMLReadResult {
        Self.result(wirefeed_xml_reader_skip_subtree(handle))
    }

    var kind: XMLNodeKind {
        switch wirefeed_xml_reader_node_type(handle) {
        case Int32(WIREFEED_XML_NODE_ELEMENT): .element
        case Int32(WIREFEED_XML_NODE_END_ELEMENT): .endElement
        case Int32(WIREFEED_XML_NODE_TEXT), Int32(WIREFEED_XML_NODE_CDATA),
            Int32(WIREFEED_XML_NODE_SIGNIFICANT_WHITESPACE), Int32(WIREFEED_XML_NODE_WHITESPACE):
            .text
        default: .other
        }
    }

    /// The depth of the current node, the root element being 0.
    var depth: Int { Int(wirefeed_xml_reader_depth(handle)) }

    /// Whether the current element is written `<x/>`; such an element has no end node.
    var isEmptyElement: Bool { wirefeed_xml_reader_is_empty_element(handle) == 1 }

    /// The current node's local name ("" when it has none).
    var localName: String { interned(wirefeed_xml_reader_local_name(handle)) }

    /// The current node's namespace URI ("" when it has none).
    var namespaceURI: String { interned(wirefeed_xml_reader_namespace_uri(handle)) }

    /// The current node's text ("" when it has none).
    var value: String {
        guard let pointer = wirefeed_xml_reader_value(handle) else { return "" }
        return String(cString: pointer)
    }

    /// The line the parser is on, for messages.
    var line: Int { Int(wirefeed_xml_reader_line(handle)) }

    /// The attributes of the current element, in document order (namespace declarations included).
    func attributes() -> [XMLAttribute] {
        var attributes: [XMLAttribute] = []
        guard wirefeed_xml_reader_move_to_first_attribute(handle) == 1 else { return attributes }
        repeat {
            attributes.append(XMLAttribute(localName: localName, namespaceURI: namespaceURI, value: value))
        } while wirefeed_xml_reader_move_to_next_attribute(handle) == 1
        _ = wirefeed_xml_reader_move_to_element(handle)
        return attributes
    }

    /// The markup inside the current element, serialized by libxml2.
    /// The corresponding C function is `xmlTextReaderReadInnerXml`.
    func innerXML() -> String {
        guard let pointer = wirefeed_xml_reader_inner_xml(handle) else { return "" }
        defer { wirefeed_free(pointer) }
        return String(cString: pointer)
    }

    /// How many errors libxml2 reported so far, and the first of them.
    var errorCount: Int { Int(wirefeed_xml_reader_error_count(handle)) }
    var firstError: (message: String, line: Int)? {
        guard errorCount > 0 else { return nil }
        return (
            String(cString: wirefeed_xml_reader_first_error(handle)), Int(wirefeed_xml_reader_first_error_line(handle))
        )
    }

    private func interned(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        let key = UnsafeRawPointer(pointer)
        if let name = internedNames[key] { return name }
        let name = String(cString: pointer)
        internedNames[key] = name
        return name
    }

    private static func result(_ code: Int32) -> XMLReadResult {
        switch code {
        case 1: .node
        case 0: .end
        default: .failed
        }
    }
}

/// libxml2 and iconv helpers that need no reader.
public enum LibXML2 {
    /// Initializes libxml2; call once from `main` before any thread parses.
    public static func initialize() { wirefeed_xml_initialize() }

    /// The Unicode scalar of an HTML 4 named entity, or nil when the name is unknown.
    static func htmlEntity(named name: String) -> Unicode.Scalar? {
        let value = wirefeed_html_entity_scalar(name)
        return value == 0 ? nil : Unicode.Scalar(value)
    }

    /// Converts bytes in a charset that iconv knows into UTF-8.
    /// - Returns: nil when iconv does not know the charset.
    static func transcodeToUTF8(_ bytes: [UInt8], from charset: String) -> [UInt8]? {
        var output: UnsafeMutablePointer<UInt8>?
        var outputLength = 0
        let status = bytes.withUnsafeBufferPointer { input in
            wirefeed_transcode_to_utf8(charset, input.baseAddress, input.count, &output, &outputLength)
        }
        guard status == 0, let output else { return nil }
        defer { wirefeed_free(output) }
        return Array(UnsafeBufferPointer(start: output, count: outputLength))
    }
}
