// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

/// Reads RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 documents from bytes.
///
/// The bytes go through ``EncodingDetector`` (to UTF-8) and ``MarkupRepair`` (recoverable damage
/// and hostile declarations), then through libxml2's streaming reader. A document that breaks off
/// keeps the items completed before the break, with a warning.
public enum FeedParser {
    /// Parses one document.
    /// - Throws: ``ParseError`` when the bytes are too large, are not XML, are not a feed, or are
    ///   too broken to find the feed's root.
    public static func parse(_ bytes: [UInt8], options: FeedParserOptions = FeedParserOptions()) throws -> ParsedFeed {
        guard bytes.count <= options.maximumDocumentSize else {
            throw ParseError(
                code: .tooLarge,
                message: "The document is \(bytes.count) bytes, over the \(options.maximumDocumentSize)-byte limit."
            )
        }
        guard bytes.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) else {
            throw ParseError(code: .empty, message: "The document is empty.")
        }
        let decoded = EncodingDetector.decode(bytes, transportCharset: options.transportCharset)
        var repair = MarkupRepair()
        guard let repaired = repair.repair(decoded.utf8) else {
            throw ParseError(code: .notXML, message: "The document is not XML: \(describeNonXML(decoded.utf8)).")
        }
        guard let reader = FeedXMLReader(xmlUTF8: repaired) else {
            throw ParseError(code: .malformed, message: "libxml2 could not open a reader for the document.")
        }
        var feed = try FeedDocumentReader(reader: reader, options: options).read()
        feed.encoding = decoded.encoding
        if repair.elementsOverAttributeLimit > 0 {
            feed.warnings.append(
                "Dropped the attributes after the first \(AttributeLimit.maximum) of "
                    + "\(repair.elementsOverAttributeLimit) elements."
            )
        }
        return feed
    }

    private static func describeNonXML(_ bytes: [UInt8]) -> String {
        let first = bytes.first {
            !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF)
        }
        switch first {
        case UInt8(ascii: "{"), UInt8(ascii: "["): return "it looks like JSON"
        case .some(let byte) where byte < 0x09 || (byte > 0x0D && byte < 0x20): return "it looks like binary data"
        default: return "no markup was found"
        }
    }
}
