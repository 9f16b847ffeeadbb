// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

internal import CLibXML2Shims

/// One step of a walk through an HTML fragment.
public enum HTMLEvent: Sendable, Equatable {
    /// An element opens. `isEmpty` elements (`<br>`, `<img>`, `<p></p>`) get no ``end(_:)``.
    case start(name: String, attributes: [(name: String, value: String)], isEmpty: Bool)
    /// Text, entities decoded.
    case text(String)
    /// An element closes.
    case end(String)

    public static func == (lhs: HTMLEvent, rhs: HTMLEvent) -> Bool {
        switch (lhs, rhs) {
        case let (.start(a, x, e), .start(b, y, f)):
            a == b && e == f && x.map(\.name) == y.map(\.name) && x.map(\.value) == y.map(\.value)
        case let (.text(a), .text(b)): a == b
        case let (.end(a), .end(b)): a == b
        default: false
        }
    }
}

/// Walks an HTML fragment as libxml2's forgiving HTML parser understands it (unclosed tags closed,
/// HTML entities decoded, broken markup recovered), one ``HTMLEvent`` at a time.
///
/// A plain, well-formed fragment is read by ``SimpleHTMLReader``, which gives libxml2's events
/// without libxml2. Any other is parsed by libxml2 at once, through SAX into one buffer of events
/// (no tree, no call into C per node), and the walker decodes one event per ``next()``.
///
/// Not `Sendable`: a walker belongs to the task that made it.
public final class HTMLFragmentWalker {
    /// Which readers a walk may use.
    public enum Reading: Sendable {
        /// The simple reader when it accepts the fragment, else libxml2.
        case fastest
        /// libxml2 only.
        case libxml2
    }

    private var events = wirefeed_html_events()
    private var offset = 0
    private var simpleEvents: [HTMLEvent] = []
    /// Whether the fragment was read without libxml2.
    public private(set) var isReadSimply = false

    /// Parses `html`; an unparseable fragment walks as empty.
    public init(html: String, reading: Reading = .fastest) {
        if reading == .fastest, let events = SimpleHTMLReader.events(of: html) {
            simpleEvents = events
            isReadSimply = true
            return
        }
        var html = html
        html.withUTF8 { utf8 in
            // libxml2's HTML parser checks duplicate attributes in quadratic time: bound them first.
            if let bounded = AttributeLimit.bounded(utf8) {
                bounded.bytes.withUnsafeBufferPointer { parse($0) }
            } else {
                parse(utf8)
            }
        }
    }

    private func parse(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard utf8.count < Int(Int32.max), let base = utf8.baseAddress else { return }
        base.withMemoryRebound(to: CChar.self, capacity: utf8.count) { bytes in
            wirefeed_html_events_parse(bytes, Int32(utf8.count), &events)
        }
    }

    deinit {
        wirefeed_html_events_free(&events)
    }

    /// Every event not walked yet, at once.
    public func remainingEvents() -> [HTMLEvent] {
        var events: [HTMLEvent] = []
        while let event = next() { events.append(event) }
        return events
    }

    /// The next event, or nil at the end.
    public func next() -> HTMLEvent? {
        if isReadSimply {
            guard offset < simpleEvents.count else { return nil }
            defer { offset += 1 }
            return simpleEvents[offset]
        }
        guard let base = events.bytes, offset < events.length else { return nil }
        let buffer = UnsafeRawBufferPointer(start: base, count: events.length)
        let kind = buffer[offset]
        offset += 1
        switch Int(kind) {
        case WIREFEED_HTML_START:
            let isEmpty = buffer[offset] != 0
            offset += 1
            let name = string(buffer).elementLocalName
            var count = integer(buffer)
            var attributes: [(name: String, value: String)] = []
            attributes.reserveCapacity(Int(count))
            while count > 0 {
                let attribute = string(buffer).lowercasedASCII
                attributes.append((name: attribute, value: string(buffer)))
                count -= 1
            }
            return .start(name: name, attributes: attributes, isEmpty: isEmpty)
        case WIREFEED_HTML_TEXT:
            return .text(string(buffer))
        case WIREFEED_HTML_END:
            return .end(string(buffer).elementLocalName)
        default:
            offset = events.length
            return nil
        }
    }

    private func integer(_ buffer: UnsafeRawBufferPointer) -> UInt32 {
        let value = buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
        offset += 4
        return value
    }

    private func string(_ buffer: UnsafeRawBufferPointer) -> String {
        let count = Int(integer(buffer))
        defer { offset += count }
        return String(decoding: buffer[offset..<offset + count], as: UTF8.self)
    }
}

extension String {
    /// Lowercased when it holds an ASCII capital (libxml2 lowercases HTML names already).
    fileprivate var lowercasedASCII: String {
        utf8.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") } ? lowercased() : self
    }

    /// An element's name without a prefix (`o:p` is `p`, `xhtml:img` is `img`), lowercased: the
    /// name libxml2 gives the element in a tree.
    fileprivate var elementLocalName: String {
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")), colon != utf8.startIndex,
            utf8.index(after: colon) != utf8.endIndex
        else { return lowercasedASCII }
        return String(self[index(after: colon)...]).lowercasedASCII
    }
}
