// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation

/// A document's bytes in UTF-8, and the encoding they were read in.
struct DecodedDocument: Sendable {
    var utf8: [UInt8]
    var encoding: String
}

/// Finds a document's character encoding and converts it to UTF-8.
///
/// Trust goes, as in browsers and newsboat: a byte-order mark, then the XML declaration, then the
/// charset the transport named, then UTF-8. Two corrections for what real feeds do wrong:
/// - bytes that are not valid UTF-8 although UTF-8 was chosen are read as windows-1252, never
///   refused (ISO-8859-1 and US-ASCII labels mean windows-1252 too, as in browsers);
/// - bytes declared as a legacy charset that are valid UTF-8 with non-ASCII text are read as
///   UTF-8 (a server that re-labels UTF-8 would otherwise garble every accent twice);
/// - a UTF-16 declaration on bytes that are plainly 8-bit is ignored;
/// - bytes that mix valid UTF-8 with single-byte legacy characters are read per character: UTF-8
///   where the sequence is valid, the declared single-byte charset (else windows-1252) elsewhere;
/// - text consistently double-encoded (UTF-8 read as windows-1252 and encoded again: `Ã©` for `é`)
///   is repaired.
enum EncodingDetector {
    static func decode(_ bytes: [UInt8], transportCharset: String?) -> DecodedDocument {
        var decoded = detectAndDecode(bytes, transportCharset: transportCharset)
        if decoded.utf8.count >= 2, let repaired = MixedEncoding.repairDoubleEncoding(decoded.utf8) {
            decoded.utf8 = repaired
            decoded.encoding += " (double-encoded UTF-8, repaired)"
        }
        return decoded
    }

    private static func detectAndDecode(_ bytes: [UInt8], transportCharset: String?) -> DecodedDocument {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return utf8OrFallback(Array(bytes.dropFirst(3)))
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return transcoded(Array(bytes.dropFirst(2)), charset: "UTF-16BE")
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return transcoded(Array(bytes.dropFirst(2)), charset: "UTF-16LE")
        }
        if let sixteen = sixteenBitWithoutMark(bytes) {
            return transcoded(bytes, charset: sixteen)
        }
        for label in [declaredEncoding(in: bytes), transportCharset] {
            guard let label, let charset = canonicalCharset(label) else { continue }
            if charset.hasPrefix("UTF-16") || charset.hasPrefix("UTF-32") {
                continue  // the bytes are 8-bit: the label is wrong
            }
            if charset == "UTF-8" {
                return utf8OrFallback(bytes)
            }
            if containsNonASCII(bytes), String(validating: bytes, as: UTF8.self) != nil {
                return DecodedDocument(utf8: bytes, encoding: "UTF-8")
            }
            // Declared legacy: read per character only when UTF-8 sequences are the greater part.
            let counts = MixedEncoding.sequenceCounts(bytes)
            if counts.valid >= 4, counts.valid >= counts.invalid,
                let mixed = MixedEncoding.decodePerCharacter(bytes, fallback: charset)
            {
                return DecodedDocument(utf8: mixed, encoding: "UTF-8 mixed with \(charset)")
            }
            if let converted = LibXML2.transcodeToUTF8(bytes, from: charset) {
                return DecodedDocument(utf8: converted, encoding: charset)
            }
        }
        return utf8OrFallback(bytes)
    }

    /// The canonical iconv name for a charset label, or nil for a label nobody knows.
    static func canonicalCharset(_ label: String) -> String? {
        let trimmed = label.trimmingCharacters(in: .quotesAndSpaces).lowercased()
        guard !trimmed.isEmpty, trimmed.utf8.count < 40,
            trimmed.utf8.allSatisfy({ $0.isCharsetLabelByte })
        else { return nil }
        switch trimmed {
        case "utf-8", "utf8", "unicode-1-1-utf-8": return "UTF-8"
        case "utf-16", "utf16", "ucs-2", "unicode": return "UTF-16"
        case "utf-16le": return "UTF-16LE"
        case "utf-16be": return "UTF-16BE"
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819", "us-ascii", "ascii",
            "windows-1252", "cp1252", "x-cp1252":
            return "WINDOWS-1252"
        case "gb2312", "gbk", "x-gbk", "gb_2312-80", "chinese", "gb18030": return "GB18030"
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji": return "SHIFT_JIS"
        case "koi8r": return "KOI8-R"
        default:
            if trimmed.hasPrefix("cp125") { return "WINDOWS-125" + trimmed.dropFirst(5) }
            return LibXML2.transcodeToUTF8([0x41], from: trimmed.uppercased()) != nil ? trimmed.uppercased() : nil
        }
    }

    /// The `encoding` pseudo-attribute of an XML declaration near the start of the bytes.
    static func declaredEncoding(in bytes: [UInt8]) -> String? {
        let head = bytes.prefix(1024)
        guard let start = head.firstRange(of: Array("<?xml".utf8)) else { return nil }
        let rest = head[start.upperBound...]
        let end = rest.firstRange(of: Array("?>".utf8))?.lowerBound ?? rest.endIndex
        let declaration = rest[rest.startIndex..<end]
        guard let key = declaration.firstRange(of: Array("encoding".utf8)) else { return nil }
        var index = key.upperBound
        while index < end, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "=") { index += 1 }
        guard index < end, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else { return nil }
        let quote = bytes[index]
        let valueStart = index + 1
        guard let valueEnd = bytes[valueStart..<end].firstIndex(of: quote) else { return nil }
        return String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
    }

    private static func sixteenBitWithoutMark(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 4 else { return nil }
        if bytes[0] == 0, bytes[1] != 0, bytes[2] == 0, bytes[3] != 0 { return "UTF-16BE" }
        if bytes[0] != 0, bytes[1] == 0, bytes[2] != 0, bytes[3] == 0 { return "UTF-16LE" }
        return nil
    }

    private static func utf8OrFallback(_ bytes: [UInt8]) -> DecodedDocument {
        if !containsNonASCII(bytes) || String(validating: bytes, as: UTF8.self) != nil {
            return DecodedDocument(utf8: bytes, encoding: "UTF-8")
        }
        // Declared (or assumed) UTF-8 that is not: per character when it holds UTF-8 at all, unless
        // the valid sequences are so few beside the rest that they are likelier chance.
        let counts = MixedEncoding.sequenceCounts(bytes)
        if counts.valid > 0, counts.valid * 8 >= counts.invalid,
            let mixed = MixedEncoding.decodePerCharacter(bytes, fallback: "WINDOWS-1252")
        {
            return DecodedDocument(utf8: mixed, encoding: "UTF-8 mixed with WINDOWS-1252")
        }
        return transcoded(bytes, charset: "WINDOWS-1252")
    }

    private static func transcoded(_ bytes: [UInt8], charset: String) -> DecodedDocument {
        DecodedDocument(utf8: LibXML2.transcodeToUTF8(bytes, from: charset) ?? bytes, encoding: charset)
    }

    private static func containsNonASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in buffer.contains { $0 >= 0x80 } }
    }
}

extension UInt8 {
    fileprivate var isCharsetLabelByte: Bool {
        (self >= 0x61 && self <= 0x7A) || (self >= 0x30 && self <= 0x39) || self == 0x2D || self == 0x5F
            || self == 0x2E || self == 0x3A
    }
}

extension CharacterSet {
    fileprivate static let quotesAndSpaces = CharacterSet(charactersIn: "\"' \t\r\n")
}
