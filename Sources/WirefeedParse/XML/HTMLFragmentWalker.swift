// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

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
/// Not `Sendable`: a walker belongs to the task that made it.
public final class HTMLFragmentWalker {
    private let reader: FeedXMLReader?

    /// Parses `html`; an unparseable fragment walks as empty.
    public init(html: String) {
        reader = FeedXMLReader(htmlFragment: html)
    }

    /// The next event, or nil at the end.
    public func next() -> HTMLEvent? {
        guard let reader else { return nil }
        while reader.read() == .node {
            switch reader.kind {
            case .element:
                let attributes = reader.attributes().map { (name: $0.localName.lowercased(), value: $0.value) }
                return .start(name: reader.localName.lowercased(), attributes: attributes, isEmpty: reader.isEmptyElement)
            case .text:
                return .text(reader.value)
            case .endElement:
                return .end(reader.localName.lowercased())
            case .other:
                continue
            }
        }
        return nil
    }
}
