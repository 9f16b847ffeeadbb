// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation

/// Walks one document with a ``FeedXMLReader`` and fills a ``ParsedFeed``.
///
/// A recursive descent over the pull reader: each `read…` method is entered on an element's start
/// node and leaves the reader on that element's end node (or on the start node of an empty element).
/// The per-format methods live in `FeedDocumentReader+RSS.swift`, `+Atom.swift` and
/// `+Extensions.swift`.
final class FeedDocumentReader {
    /// The document ended, or libxml2 gave up, inside an element.
    struct Interrupted: Error {}

    let reader: FeedXMLReader
    let options: FeedParserOptions
    var feed = ParsedFeed(format: .rss)
    /// The root element's namespace: an `<rss>` root in a namespace of its own (some publishers
    /// declare one) makes that namespace RSS's.
    private(set) var rootNamespace = ""
    /// The base in effect on the last text construct read (its own `xml:base` included).
    var lastTextConstructBase: String?
    /// Resolved `xml:base` values of the open elements that carry one.
    private var bases: [String] = []
    /// `xml:lang` values of the open elements that carry one.
    private var languages: [String] = []

    init(reader: FeedXMLReader, options: FeedParserOptions) {
        self.reader = reader
        self.options = options
    }

    func read() throws -> ParsedFeed {
        try moveToRoot()
        let name = reader.localName
        let namespace = reader.namespaceURI
        let attributes = reader.attributes()
        rootNamespace = namespace
        switch (name, namespace) {
        case ("rss", _), ("channel", _):
            feed.format = .rss
            feed.version = attributes.value(of: "version")
        case ("RDF", Namespace.rdf):
            feed.format = .rdf
            feed.version = "1.0"
        case ("feed", Namespace.atom03):
            feed.format = .atom03
            feed.version = attributes.value(of: "version") ?? "0.3"
        case ("feed", _) where namespace.isEmpty || namespace == Namespace.atom10:
            feed.format = .atom10
            feed.version = "1.0"
        default:
            throw ParseError(
                code: .notAFeed,
                message: "The document is not a feed: its root element is <\(name)>\(Self.describe(root: name)).",
                line: reader.line
            )
        }
        enter(attributes)
        feed.language = languages.last
        do {
            switch feed.format {
            case .rss where name == "channel": try readRSSChannel()
            case .rss, .rdf: try readRSSRoot()
            case .atom03, .atom10: try readAtomFeed()
            }
        } catch is Interrupted {
            let detail = reader.firstError.map { "\($0.message) (line \($0.line))" } ?? "unexpected end of document"
            feed.warnings.append(
                "The document breaks off; kept the \(feed.items.count) complete items before: \(detail)."
            )
        }
        if !feed.warnings.contains(where: { $0.hasPrefix("The document breaks off") }), let error = reader.firstError {
            feed.warnings.append("Recovered from: \(error.message) (line \(error.line)).")
        }
        finishFeed()
        return feed
    }

    private func moveToRoot() throws {
        while true {
            switch reader.read() {
            case .node where reader.kind == .element:
                return
            case .node:
                continue
            case .end, .failed:
                let error = reader.firstError
                throw ParseError(
                    code: .malformed,
                    message: "The document has no readable root element: \(error?.message ?? "no element found")",
                    line: error?.line
                )
            }
        }
    }

    private static func describe(root name: String) -> String {
        switch name.lowercased() {
        case "html": " (an HTML page)"
        case "opml": " (an OPML outline)"
        default: ""
        }
    }

    // MARK: - Traversal

    /// Calls `body` for each child element of the current element, with the reader on the child's
    /// start node. Children that `body` does not consume are skipped.
    func forEachChild(_ body: (_ name: String, _ namespace: String) throws -> Void) throws {
        guard !reader.isEmptyElement else { return }
        let depth = reader.depth
        guard depth < options.maximumDepth else {
            throw ParseError(
                code: .tooDeep,
                message: "Elements are nested deeper than \(options.maximumDepth) levels.",
                line: reader.line
            )
        }
        while true {
            guard reader.read() == .node else { throw Interrupted() }
            switch reader.kind {
            case .element where reader.depth == depth + 1:
                try body(reader.localName, reader.namespaceURI)
            case .endElement where reader.depth == depth:
                return
            default:
                continue
            }
        }
    }

    /// The text inside the current element, markup of child elements left out.
    func readText() throws -> String {
        try readContent(keepingMarkup: false).trimmedASCIIWhitespace
    }

    /// The content of the current element as HTML source: its text, with child elements serialized
    /// back to tags (feeds that forgot to escape their HTML).
    func readMarkup() throws -> String {
        try readContent(keepingMarkup: true)
    }

    private func readContent(keepingMarkup: Bool) throws -> String {
        guard !reader.isEmptyElement else { return "" }
        let depth = reader.depth
        var content = ""
        while true {
            guard reader.read() == .node else { throw Interrupted() }
            switch reader.kind {
            case .text:
                content += reader.value
            case .element where keepingMarkup:
                guard reader.depth < options.maximumDepth else {
                    throw ParseError(
                        code: .tooDeep,
                        message: "Elements are nested deeper than \(options.maximumDepth) levels.",
                        line: reader.line
                    )
                }
                content += "<" + reader.localName
                for attribute in reader.attributes() where attribute.namespaceURI.isEmpty {
                    content += " \(attribute.localName)=\"\(attribute.value.escapedForAttribute)\""
                }
                content += reader.isEmptyElement ? "/>" : ">"
            case .endElement where reader.depth == depth:
                return content
            case .endElement where keepingMarkup:
                content += "</" + reader.localName + ">"
            default:
                continue
            }
        }
    }

    /// The current element serialized as XHTML by libxml2, then skipped.
    func readInnerXML() throws -> String {
        let markup = reader.innerXML()
        try skipElement()
        return markup
    }

    /// Moves to the end of the current element.
    func skipElement() throws {
        guard !reader.isEmptyElement else { return }
        let depth = reader.depth
        while true {
            guard reader.read() == .node else { throw Interrupted() }
            if reader.kind == .endElement && reader.depth == depth { return }
        }
    }

    /// Reads a text element as a date; nil when it names none.
    func readDate() throws -> Date? {
        FeedDateParser.parse(try readText())
    }

    // MARK: - Scope: xml:base and xml:lang

    /// Runs `body` for an element whose attributes may carry `xml:base` or `xml:lang`.
    func withScope<T>(_ attributes: [XMLAttribute], _ body: () throws -> T) rethrows -> T {
        let (pushedBase, pushedLanguage) = enter(attributes)
        defer {
            if pushedBase { bases.removeLast() }
            if pushedLanguage { languages.removeLast() }
        }
        return try body()
    }

    @discardableResult
    private func enter(_ attributes: [XMLAttribute]) -> (Bool, Bool) {
        var pushedBase = false
        var pushedLanguage = false
        for attribute in attributes where attribute.namespaceURI == Namespace.xml {
            if attribute.localName == "base" {
                bases.append(URLResolver.resolve(attribute.value, against: currentBase))
                pushedBase = true
            } else if attribute.localName == "lang", !attribute.value.isEmpty {
                languages.append(attribute.value)
                pushedLanguage = true
            }
        }
        return (pushedBase, pushedLanguage)
    }

    /// The base for relative URLs here: the innermost `xml:base`, else the document's URL, else the
    /// feed's home page.
    var currentBase: String? {
        bases.last ?? options.documentURL ?? feed.homePageURL
    }

    var currentLanguage: String? { languages.last }

    /// Whether an element in `namespace` is one of RSS's own.
    func isRSSCore(_ namespace: String) -> Bool {
        Namespace.isRSSCore(namespace) || namespace == rootNamespace
    }

    func resolve(_ reference: String) -> String {
        URLResolver.resolve(reference, against: currentBase)
    }
}

extension [XMLAttribute] {
    /// The value of the un-namespaced attribute with this local name.
    func value(of localName: String) -> String? {
        first { $0.localName == localName && $0.namespaceURI.isEmpty }?.value
    }

    func value(of localName: String, namespace: String) -> String? {
        first { $0.localName == localName && $0.namespaceURI == namespace }?.value
    }
}

extension String {
    var escapedForAttribute: String {
        guard contains(where: { $0 == "&" || $0 == "\"" || $0 == "<" }) else { return self }
        return replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;")
    }

    /// nil for an empty or blank string.
    var nonBlank: String? {
        let trimmed = trimmedASCIIWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The string without leading and trailing ASCII white space (space, tab, CR, LF), cheaply.
    var trimmedASCIIWhitespace: String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        if !isSpace(first) && !isSpace(last) { return self }
        guard let start = utf8.firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = utf8.lastIndex(where: { !isSpace($0) })!
        return String(self[start...end])
    }
}
