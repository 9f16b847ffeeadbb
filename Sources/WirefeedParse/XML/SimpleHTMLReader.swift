// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import WirefeedModel

/// Reads the plainest HTML fragments — the shape most wire copy has: paragraphs, lists, figures
/// and inline markup, every element closed, quoted attributes, well-formed references — straight
/// into the ``HTMLEvent``s libxml2's HTML parser gives for them, without libxml2 (what it saves:
/// docs/benchmarks.md, "The simple HTML reader"). Anything else
/// (comments, scripts, tables, unclosed or misnested elements, a bare `<` or `&`, a carriage
/// return, unknown entities…) is declined, and the caller asks libxml2.
///
/// Declining is always safe; accepting must give exactly libxml2's events. The grammar is kept
/// where libxml2 does nothing but read: no element it would close by itself, no implied element
/// but the `html` and `body` around the fragment. A differential test and the fuzzer hold the two
/// readers to the same events.
enum SimpleHTMLReader {
    /// The events of `html`, or nil when the fragment is not simple.
    static func events(of html: String) -> [HTMLEvent]? {
        var html = html
        return html.withUTF8 { utf8 in
            var reader = Reader(utf8)
            return reader.read()
        }
    }

    /// How an element may be used.
    private enum Kind {
        /// Holds blocks, phrasing and text.
        case container
        /// A block that holds phrasing and text only.
        case paragraph
        /// Holds `li` only (and white space).
        case list
        /// Inline markup.
        case phrasing
        /// No content, no end tag.
        case void
    }

    /// The elements read here, by name.
    private static let kinds: [String: Kind] = {
        var kinds: [String: Kind] = [:]
        for name in ["div", "blockquote", "li", "figure"] { kinds[name] = .container }
        for name in ["p", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption"] { kinds[name] = .paragraph }
        for name in ["ul", "ol"] { kinds[name] = .list }
        for name in [
            "a", "b", "strong", "i", "em", "u", "s", "small", "sub", "sup", "code", "cite", "q", "abbr", "mark", "span",
            "time", "del", "ins",
        ] {
            kinds[name] = .phrasing
        }
        for name in ["br", "img", "hr"] { kinds[name] = .void }
        return kinds
    }()

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        var events: [HTMLEvent] = []
        /// The open elements inside the implied `body`.
        var open: [(name: String, kind: Kind)] = []
        /// The index of the last start event while that element has no child yet.
        var childless: Int?
        var text: [UInt8] = []

        static let maximumDepth = 64

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func read() -> [HTMLEvent]? {
            // libxml2 skips white space before the first tag; a fragment that starts with text gets
            // an implied paragraph there, which is left to libxml2.
            while position < bytes.count, isBlank(bytes[position]) { position += 1 }
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "<"), bytes[position + 1].isASCIILetter
            else { return nil }
            events.reserveCapacity(32)
            events.append(.start(name: "html", attributes: [], isEmpty: false))
            events.append(.start(name: "body", attributes: [], isEmpty: false))
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "<") {
                    flushText()
                    guard position + 1 < bytes.count else { return nil }
                    if bytes[position + 1] == UInt8(ascii: "/") {
                        guard readEndTag() else { return nil }
                    } else {
                        guard readStartTag() else { return nil }
                    }
                } else if byte == UInt8(ascii: "&") {
                    guard let scalar = readReference() else { return nil }
                    UTF8.encode(scalar) { text.append($0) }
                } else {
                    guard let run = readPlainText(until: UInt8(ascii: "<")) else { return nil }
                    text.append(contentsOf: run)
                }
            }
            flushText()
            guard open.isEmpty else { return nil }
            events.append(.end("body"))
            events.append(.end("html"))
            return events
        }

        // MARK: Tags

        mutating func readStartTag() -> Bool {
            position += 1
            guard let name = readName(), let kind = SimpleHTMLReader.kinds[name], isAllowed(name, kind) else {
                return false
            }
            var attributes: [(name: String, value: String)] = []
            // Names seen, for the duplicate check once a tag has more than a few attributes: a
            // linear search per attribute would make an attribute bomb quadratic.
            var names: Set<String> = []
            while true {
                let hadBlank = skipBlanks()
                guard position < bytes.count else { return false }
                if bytes[position] == UInt8(ascii: ">") {
                    position += 1
                    start(name, kind, attributes, selfClosing: false)
                    return true
                }
                if bytes[position] == UInt8(ascii: "/") {
                    guard position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: ">") else { return false }
                    position += 2
                    start(name, kind, attributes, selfClosing: true)
                    return true
                }
                guard hadBlank, let attribute = readAttribute(), attributes.count < AttributeLimit.maximum else {
                    return false  // a tag over the limit is left to the walker, which bounds it
                }
                if attributes.count < 8 {
                    guard !attributes.contains(where: { $0.name == attribute.name }) else { return false }
                } else {
                    if names.isEmpty { names = Set(attributes.map(\.name)) }
                    guard names.insert(attribute.name).inserted else { return false }
                }
                attributes.append(attribute)
            }
        }

        /// Whether the element may start here without libxml2 closing or implying anything.
        func isAllowed(_ name: String, _ kind: Kind) -> Bool {
            guard open.count < Self.maximumDepth else { return false }
            let parent = open.last
            switch kind {
            case .container where name == "li":
                return parent?.kind == .list
            case .paragraph where name == "figcaption":
                return parent?.name == "figure"
            case .container, .paragraph, .list:
                return parent == nil || parent?.kind == .container
            case .phrasing, .void:
                if name == "hr" { return parent == nil || parent?.kind == .container }
                if parent?.kind == .list { return false }
                return name != "a" || !open.contains { $0.name == "a" }
            }
        }

        mutating func start(
            _ name: String,
            _ kind: Kind,
            _ attributes: [(name: String, value: String)],
            selfClosing: Bool
        ) {
            childless = nil
            if kind == .void || selfClosing {
                events.append(.start(name: name, attributes: attributes, isEmpty: true))
                return
            }
            childless = events.count
            events.append(.start(name: name, attributes: attributes, isEmpty: false))
            open.append((name, kind))
        }

        mutating func readEndTag() -> Bool {
            position += 2
            guard let name = readName(), let innermost = open.last, innermost.name == name else { return false }
            skipBlanks()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ">") else { return false }
            position += 1
            open.removeLast()
            if let index = childless, case .start(let startName, let attributes, _) = events[index] {
                // No child since it opened: an empty element, which gets no end.
                events[index] = .start(name: startName, attributes: attributes, isEmpty: true)
            } else {
                events.append(.end(name))
            }
            childless = nil
            return true
        }

        /// An ASCII name of letters and digits, lowercased, as libxml2 reads it.
        mutating func readName() -> String? {
            let start = position
            guard position < bytes.count, bytes[position].isASCIILetter else { return nil }
            while position < bytes.count, bytes[position].isASCIILetterOrDigit { position += 1 }
            // A name that goes on with libxml2's other name characters is left to it.
            if position < bytes.count,
                [UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ".")].contains(bytes[position])
            {
                return nil
            }
            let name = bytes[start..<position]
            if name.contains(where: { $0 < UInt8(ascii: "a") && $0 > UInt8(ascii: "9") }) {
                return String(decoding: name.map { $0 | 0x20 }, as: UTF8.self)
            }
            return String(decoding: name, as: UTF8.self)
        }

        /// `name="value"` or `name='value'`, references decoded.
        mutating func readAttribute() -> (name: String, value: String)? {
            guard let name = readName() else { return nil }
            skipBlanks()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else { return nil }
            position += 1
            skipBlanks()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'")
            else { return nil }
            let quote = bytes[position]
            position += 1
            var value: [UInt8] = []
            while position < bytes.count, bytes[position] != quote {
                if bytes[position] == UInt8(ascii: "&") {
                    guard let scalar = readReference() else { return nil }
                    UTF8.encode(scalar) { value.append($0) }
                } else {
                    guard let run = readPlainText(until: quote) else { return nil }
                    value.append(contentsOf: run)
                }
            }
            guard position < bytes.count else { return nil }
            position += 1
            return (name, String(decoding: value, as: UTF8.self))
        }

        // MARK: Text

        /// The bytes up to `stop`, a reference or the end. A carriage return (libxml2 folds line
        /// ends), NUL and the other C0 controls, and U+FFFE/U+FFFF (libxml2 drops them) are left to
        /// libxml2: nil.
        mutating func readPlainText(until stop: UInt8) -> UnsafeBufferPointer<UInt8>? {
            let start = position
            while true {
                position = bytes.firstIndex(from: position, below: 0x20, orEqualTo: stop, UInt8(ascii: "&"), 0xEF, stop)
                guard position < bytes.count else { break }
                let byte = bytes[position]
                if byte == stop || byte == UInt8(ascii: "&") { break }
                if byte < 0x20 && byte != 0x09 && byte != 0x0A { return nil }
                if byte == 0xEF, position + 2 < bytes.count, bytes[position + 1] == 0xBF, bytes[position + 2] >= 0xBE {
                    return nil
                }
                position += 1
            }
            return UnsafeBufferPointer(rebasing: bytes[start..<position])
        }

        /// `&name;` (an HTML 4 entity) or `&#NNN;` / `&#xHH;` (a character libxml2 accepts).
        mutating func readReference() -> Unicode.Scalar? {
            var index = position + 1
            guard index < bytes.count else { return nil }
            var scalar: Unicode.Scalar?
            if bytes[index] == UInt8(ascii: "#") {
                index += 1
                let hexadecimal = index < bytes.count && (bytes[index] | 0x20) == UInt8(ascii: "x")
                if hexadecimal { index += 1 }
                var value: UInt32 = 0
                var digits = 0
                while index < bytes.count, digits < 7, let digit = bytes[index].digitValue(hex: hexadecimal) {
                    value = value * (hexadecimal ? 16 : 10) + digit
                    digits += 1
                    index += 1
                }
                guard digits > 0, value.isXMLCharacter else { return nil }
                scalar = Unicode.Scalar(value)
            } else {
                let start = index
                while index < bytes.count, bytes[index].isASCIILetterOrDigit { index += 1 }
                guard index > start, bytes[start].isASCIILetter else { return nil }
                scalar = Self.entity(bytes[start..<index])
            }
            guard let scalar, index < bytes.count, bytes[index] == UInt8(ascii: ";") else { return nil }
            position = index + 1
            return scalar
        }

        /// The entities wire copy uses most, without a call into libxml2; any other from its table.
        static func entity(_ name: UnsafeBufferPointer<UInt8>.SubSequence) -> Unicode.Scalar? {
            switch name.count {
            case 2 where name.elementsEqual("lt".utf8): "<"
            case 2 where name.elementsEqual("gt".utf8): ">"
            case 3 where name.elementsEqual("amp".utf8): "&"
            case 4 where name.elementsEqual("quot".utf8): "\""
            case 4 where name.elementsEqual("nbsp".utf8): "\u{A0}"
            default: LibXML2.htmlEntity(named: String(decoding: name, as: UTF8.self))
            }
        }

        mutating func flushText() {
            guard !text.isEmpty else { return }
            childless = nil
            events.append(.text(String(decoding: text, as: UTF8.self)))
            text.removeAll(keepingCapacity: true)
        }

        // MARK: Bytes

        @discardableResult
        mutating func skipBlanks() -> Bool {
            let start = position
            while position < bytes.count, isBlank(bytes[position]) { position += 1 }
            return position > start
        }

        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A }
    }
}
