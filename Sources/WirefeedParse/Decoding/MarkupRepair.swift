// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

/// Rewrites the UTF-8 bytes of a feed so that libxml2 reads what a person would, and so that no
/// entity can expand beyond the five predefined ones.
///
/// In one pass, outside CDATA sections, comments and processing instructions:
/// - everything before the first markup (white space, a stray byte-order mark, junk) is dropped;
/// - the document type declaration is removed with its internal subset, so no entity can be
///   declared (billion laughs, quadratic blow-up) and nothing external can be referenced;
/// - HTML named entities (`&nbsp;`, `&eacute;`) become numeric references; unknown names and a bare
///   `&` become `&amp;`; numeric references to characters XML forbids are dropped;
/// - a `<` that cannot start markup (`a < b`) becomes `&lt;`;
/// - control characters that XML forbids are dropped, everywhere;
/// - comments are dropped (one holding `--`, which XML forbids, would stop libxml2 at once);
/// - adjacent CDATA sections (`<![CDATA[x]]><![CDATA[y]]>`) become one;
/// - attributes beyond ``AttributeLimit/maximum`` on one element are dropped.
struct MarkupRepair {
    private var entityCache: [String: [UInt8]] = [:]
    /// How many elements lost attributes to ``AttributeLimit``.
    private(set) var elementsOverAttributeLimit = 0

    /// The repaired bytes, or nil when the input holds no markup at all.
    mutating func repair(_ input: [UInt8]) -> [UInt8]? {
        input.withUnsafeBufferPointer { bytes in
            guard let first = firstMarkup(bytes) else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + bytes.count / 32 + 16)
            var index = first
            let count = bytes.count
            while index < count {
                // Copy the run of ordinary bytes in one go.
                var runEnd = index
                while runEnd < count, !bytes[runEnd].needsAttention { runEnd += 1 }
                if runEnd > index {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<runEnd]))
                    index = runEnd
                    continue
                }
                let byte = bytes[index]
                if byte == Ascii.ampersand {
                    index = copyReference(bytes, at: index, into: &output)
                } else if byte == Ascii.lessThan {
                    index = copyMarkup(bytes, at: index, into: &output)
                } else {
                    index += 1  // a forbidden control character
                }
            }
            trimAfterRoot(&output)
            return output
        }
    }

    /// Drops what follows the root element's end tag (a tracking script, a PHP warning): libxml2
    /// would otherwise give up on the whole document.
    private func trimAfterRoot(_ output: inout [UInt8]) {
        guard let rootName = rootElementName(output) else { return }
        let closing = Array("</".utf8) + rootName
        guard let lastClose = output.lastRange(of: closing),
            let end = output[lastClose.upperBound...].firstIndex(of: Ascii.greaterThan),
            output[(end + 1)...].contains(where: { !($0 == 0x20 || $0.isXMLWhitespace) })
        else { return }
        output.removeSubrange((end + 1)...)
    }

    /// The qualified name of the first start tag.
    private func rootElementName(_ output: [UInt8]) -> [UInt8]? {
        var index = 0
        while index + 1 < output.count {
            if output[index] == Ascii.lessThan {
                let next = output[index + 1]
                if next == Ascii.question || next == Ascii.exclamation {
                    // Skip a processing instruction or comment to its end: either may hold a `>`.
                    let terminator = Array((next == Ascii.question ? "?>" : "-->").utf8)
                    guard let end = output[index...].firstRange(of: terminator) else { return nil }
                    index = end.upperBound
                    continue
                }
                var end = index + 1
                while end < output.count,
                    !(output[end] == 0x20 || output[end].isXMLWhitespace || output[end] == Ascii.greaterThan
                        || output[end] == UInt8(ascii: "/"))
                {
                    end += 1
                }
                return end > index + 1 ? Array(output[(index + 1)..<end]) : nil
            }
            index += 1
        }
        return nil
    }

    /// Where the document starts: its XML declaration when one stands within the first 64 KiB (after
    /// junk such as a PHP warning), else the first `<` that can start markup.
    private func firstMarkup(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        while index < min(bytes.count, 65536) {
            if bytes[index] == Ascii.lessThan, matches(bytes, at: index, "<?xml") { return index }
            index += 1
        }
        index = 0
        while index < bytes.count {
            if bytes[index] == Ascii.lessThan, index + 1 < bytes.count, bytes[index + 1].canFollowLessThan {
                return index
            }
            index += 1
        }
        return nil
    }

    private mutating func copyMarkup(
        _ bytes: UnsafeBufferPointer<UInt8>,
        at start: Int,
        into output: inout [UInt8]
    ) -> Int {
        let next = start + 1 < bytes.count ? bytes[start + 1] : 0
        if next == Ascii.exclamation {
            if matches(bytes, at: start, "<![CDATA[") {
                var end = copyVerbatim(bytes, from: start, through: "]]>", into: &output)
                // A section that follows at once continues the same text: `]]><![CDATA[` goes.
                while matches(bytes, at: end, "<![CDATA["), output.count >= 3 {
                    output.removeLast(3)
                    let before = output.count
                    end = copyVerbatim(bytes, from: end, through: "]]>", into: &output)
                    output.removeSubrange(before..<(before + 9))
                }
                return end
            }
            if matches(bytes, at: start, "<!--") {
                var discarded: [UInt8] = []
                return copyVerbatim(bytes, from: start, through: "-->", into: &discarded)
            }
            if matchesIgnoringCase(bytes, at: start, "<!DOCTYPE") {
                return endOfDocumentType(bytes, from: start)
            }
        } else if next == Ascii.question {
            if matches(bytes, at: start, "<?xml"), start + 5 < bytes.count,
                bytes[start + 5] == 0x20 || bytes[start + 5] == Ascii.question || bytes[start + 5].isXMLWhitespace
            {
                // The XML declaration: the encoding is settled already (the reader is told UTF-8), and a
                // misplaced or doubled declaration would stop libxml2. Drop it.
                var discarded: [UInt8] = []
                return copyVerbatim(bytes, from: start, through: "?>", into: &discarded)
            }
            return copyVerbatim(bytes, from: start, through: "?>", into: &output)
        }
        if next.canFollowLessThan {
            if next != UInt8(ascii: "/"), AttributeLimit.mayExceed(bytes, tagAt: start),
                let cut = AttributeLimit.cut(bytes, tagAt: start)
            {
                return copyBoundedStartTag(bytes, at: start, cut: cut, into: &output)
            }
            output.append(Ascii.lessThan)
        } else {
            output.append(contentsOf: Array("&lt;".utf8))
        }
        return start + 1
    }

    /// A start tag with too many attributes: its first ``AttributeLimit/maximum`` attributes
    /// (references repaired as anywhere else), then its end.
    private mutating func copyBoundedStartTag(
        _ bytes: UnsafeBufferPointer<UInt8>,
        at start: Int,
        cut: (keptEnd: Int, tagEnd: Int),
        into output: inout [UInt8]
    ) -> Int {
        elementsOverAttributeLimit += 1
        output.append(Ascii.lessThan)
        var index = start + 1
        let kept = UnsafeBufferPointer(rebasing: bytes[..<cut.keptEnd])
        while index < cut.keptEnd {
            let byte = bytes[index]
            if byte == Ascii.ampersand {
                index = copyReference(kept, at: index, into: &output)
            } else {
                if !(byte < 0x20 && !byte.isXMLWhitespace) { output.append(byte) }
                index += 1
            }
        }
        var end = cut.tagEnd
        while end < bytes.count, bytes[end] != Ascii.greaterThan { end += 1 }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cut.tagEnd..<min(end + 1, bytes.count)]))
        return end + 1
    }

    private func copyVerbatim(
        _ bytes: UnsafeBufferPointer<UInt8>,
        from start: Int,
        through terminator: StaticString,
        into output: inout [UInt8]
    ) -> Int {
        let first = terminator.utf8Start[0]
        var index = start
        var runStart = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == first, matches(bytes, at: index, terminator) {
                let end = index + terminator.utf8CodeUnitCount
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end]))
                return end
            }
            if byte < 0x20 && !byte.isXMLWhitespace {
                // A forbidden control character: copy what came before it and skip it.
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
            }
            index += 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        return index
    }

    private func endOfDocumentType(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        var inSubset = false
        var quote: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == Ascii.doubleQuote || byte == Ascii.singleQuote {
                quote = byte
            } else if byte == Ascii.openBracket {
                inSubset = true
            } else if byte == Ascii.closeBracket {
                inSubset = false
            } else if byte == Ascii.greaterThan && !inSubset {
                return index + 1
            }
            index += 1
        }
        return index
    }

    private mutating func copyReference(
        _ bytes: UnsafeBufferPointer<UInt8>,
        at start: Int,
        into output: inout [UInt8]
    ) -> Int {
        var index = start + 1
        if index < bytes.count, bytes[index] == Ascii.hash {
            index += 1
            let hex = index < bytes.count && (bytes[index] == 0x78 || bytes[index] == 0x58)
            if hex { index += 1 }
            var value: UInt32 = 0
            let digitsStart = index
            while index < bytes.count, index - digitsStart < 8, let digit = bytes[index].digitValue(hex: hex) {
                value = value * (hex ? 16 : 10) + digit
                index += 1
            }
            if index > digitsStart, index < bytes.count, bytes[index] == Ascii.semicolon {
                if value >= 0x80, value <= 0x9F, let character = Self.windows1252[Int(value - 0x80)] {
                    // `&#150;` means the windows-1252 character (an en dash), as in HTML and
                    // feedparser, not a C1 control.
                    output.append(contentsOf: "&#\(character);".utf8)
                } else if value.isXMLCharacter {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...index]))
                }
                return index + 1
            }
            output.append(contentsOf: Array("&amp;".utf8))
            return start + 1
        }
        let nameStart = index
        while index < bytes.count, index - nameStart <= 32, bytes[index].isASCIILetterOrDigit { index += 1 }
        guard index > nameStart, index < bytes.count, bytes[index] == Ascii.semicolon else {
            output.append(contentsOf: Array("&amp;".utf8))
            return start + 1
        }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<index]), as: UTF8.self)
        switch name {
        case "amp", "lt", "gt", "quot", "apos":
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...index]))
        default:
            output.append(contentsOf: replacement(forEntity: name))
        }
        return index + 1
    }

    /// The characters windows-1252 gives bytes 0x80–0x9F; nil where it defines none.
    private static let windows1252: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil,
        0x017D, nil, nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, nil, 0x017E, 0x0178,
    ]

    private mutating func replacement(forEntity name: String) -> [UInt8] {
        if let cached = entityCache[name] { return cached }
        let replacement: [UInt8]
        if let scalar = LibXML2.htmlEntity(named: name) {
            replacement = Array("&#\(scalar.value);".utf8)
        } else {
            replacement = Array("&amp;\(name);".utf8)
        }
        entityCache[name] = replacement
        return replacement
    }

    private func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let pattern = literal.utf8Start
        for offset in 0..<count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    private func matchesIgnoringCase(
        _ bytes: UnsafeBufferPointer<UInt8>,
        at index: Int,
        _ literal: StaticString
    ) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let pattern = literal.utf8Start
        for offset in 0..<count where bytes[index + offset] | 0x20 != pattern[offset] | 0x20 { return false }
        return true
    }
}

extension UInt8 {
    fileprivate var isXMLWhitespace: Bool { self == 0x09 || self == 0x0A || self == 0x0D }

    /// `<`, `&`, or a control character XML forbids: the bytes the repair loop stops at.
    @inline(__always)
    fileprivate var needsAttention: Bool {
        self == Ascii.lessThan || self == Ascii.ampersand
            || (self < 0x20 && self != 0x09 && self != 0x0A && self != 0x0D)
    }

    fileprivate var canFollowLessThan: Bool {
        (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A) || self == 0x5F || self == 0x3A
            || self == 0x2F || self == 0x21 || self == 0x3F || self >= 0x80
    }

}

extension [UInt8] {
    /// The last occurrence of `pattern`.
    fileprivate func lastRange(of pattern: [UInt8]) -> Range<Int>? {
        guard !pattern.isEmpty, pattern.count <= count else { return nil }
        var start = count - pattern.count
        while start >= 0 {
            if self[start] == pattern[0], self[start..<(start + pattern.count)].elementsEqual(pattern) {
                return start..<(start + pattern.count)
            }
            start -= 1
        }
        return nil
    }
}
