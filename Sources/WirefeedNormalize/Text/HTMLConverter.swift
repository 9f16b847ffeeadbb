// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import WirefeedModel
import WirefeedParse

/// A body in its two normalized forms.
public struct ConvertedBody: Sendable, Equatable {
    /// Plain-text paragraphs, none empty.
    public var paragraphs: [String]
    /// Sanitized HTML.
    public var html: String
}

/// Turns feed HTML into plain-text paragraphs and sanitized HTML, in one walk.
///
/// Paragraphs end at block elements and at two or more `<br>` in a row; `script`, `style`,
/// `iframe`, `form` and other active or invisible content is dropped with everything inside it, and
/// so are 1×1 tracking images. The HTML keeps an allowlist of tags and attributes; URLs must be
/// http, https or (for links) mailto, resolved against the story's base. Nothing is added: no
/// attribute the publisher did not write, no `<p>` around an inline fragment.
public enum HTMLConverter {
    /// Converts HTML source.
    public static func convert(html: String, baseURL: String? = nil) -> ConvertedBody {
        if !html.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) {
            // Text without markup stays an inline fragment: no `<p>` is wrapped around it.
            let line = WhitespaceCollapser.collapse(html)
            return ConvertedBody(
                paragraphs: line.isEmpty ? [] : [line],
                html: HTMLEscaping.escapeText(html.trimmingWhitespace())
            )
        }
        var state = ConversionState(baseURL: baseURL)
        let walker = HTMLFragmentWalker(html: html)
        while let event = walker.next() {
            state.handle(event)
        }
        return state.finish()
    }

    /// Converts plain text; with `blankLinesSeparate`, blank lines end paragraphs (Atom text).
    public static func convert(plainText: String, blankLinesSeparate: Bool = true) -> ConvertedBody {
        var paragraphs: [String] = []
        if blankLinesSeparate {
            var collapser = WhitespaceCollapser()
            for line in plainText.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.allSatisfy({ $0.isWhitespace }) {
                    if !collapser.isEmpty { paragraphs.append(collapser.take()) }
                } else {
                    collapser.append(String(line))
                    collapser.appendSpace()
                }
            }
            if !collapser.isEmpty { paragraphs.append(collapser.take()) }
        } else {
            let line = WhitespaceCollapser.collapse(plainText)
            if !line.isEmpty { paragraphs = [line] }
        }
        let html = paragraphs.map { "<p>\(HTMLEscaping.escapeText($0))</p>" }.joined(separator: "\n")
        return ConvertedBody(paragraphs: paragraphs, html: html)
    }

    /// One line of plain text from HTML source (headlines, summaries): blocks become spaces.
    public static func plainLine(html: String) -> String {
        if !html.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) {
            return WhitespaceCollapser.collapse(html)
        }
        return convert(html: html).paragraphs.joined(separator: " ")
    }
}

/// Tag and attribute policy.
enum HTMLPolicy {
    /// Elements dropped with all their content.
    static let dropped: Set<String> = [
        "script", "style", "iframe", "form", "noscript", "object", "embed", "applet", "template", "svg", "math",
        "head", "title", "button", "select", "textarea", "input", "frame", "frameset", "canvas", "audio", "video",
        "link", "meta", "base", "param", "source", "track",
    ]

    /// Elements that start and end a paragraph of the plain text.
    static let blocks: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "table", "tr",
        "section", "article", "header", "footer", "figure", "figcaption", "hr", "dl", "dt", "dd", "address",
        "aside", "nav", "main", "caption", "center", "details", "summary", "body", "html",
    ]

    /// Elements kept in the sanitized HTML, with the attributes each may keep.
    static let allowed: [String: Set<String>] = [
        "p": [], "br": [], "b": [], "strong": [], "i": [], "em": [], "u": [], "s": [], "strike": [], "sub": [],
        "sup": [], "small": [], "mark": [], "blockquote": ["cite"], "q": ["cite"], "cite": [], "code": [],
        "pre": [], "kbd": [], "ul": [], "ol": ["start"], "li": [], "dl": [], "dt": [], "dd": [], "h1": [],
        "h2": [], "h3": [], "h4": [], "h5": [], "h6": [], "a": ["href", "title"],
        "img": ["src", "alt", "title", "width", "height"], "figure": [], "figcaption": [], "table": [],
        "caption": [], "thead": [], "tbody": [], "tfoot": [], "tr": [], "th": ["colspan", "rowspan"],
        "td": ["colspan", "rowspan"], "hr": [], "abbr": ["title"], "span": [], "div": [], "time": ["datetime"],
        "del": [], "ins": [],
    ]

    static let void: Set<String> = ["br", "img", "hr"]

    static let urlAttributes: Set<String> = ["href", "src", "cite"]

    /// What the policy says of one element.
    struct Rule {
        var isDropped = false
        var isBlock = false
        var isVoid = false
        /// The attributes it keeps; nil when the element is not kept.
        var allowedAttributes: Set<String>?
    }

    /// The rules of every element the policy names, so that an element costs one lookup.
    static let rules: [String: Rule] = {
        var rules: [String: Rule] = [:]
        for name in dropped { rules[name, default: Rule()].isDropped = true }
        for name in blocks { rules[name, default: Rule()].isBlock = true }
        for name in void { rules[name, default: Rule()].isVoid = true }
        for (name, attributes) in allowed { rules[name, default: Rule()].allowedAttributes = attributes }
        return rules
    }()

    static func rule(for name: String) -> Rule {
        rules[name] ?? Rule()
    }
}

/// The state of one conversion walk.
private struct ConversionState {
    let baseURL: String?
    var paragraphs: [String] = []
    var line = WhitespaceCollapser()
    var html = ""
    var droppedDepth = 0
    var pendingBreaks = 0
    /// Open elements that were written to the HTML, so that only their ends are written.
    var openKept: [Bool] = []

    init(baseURL: String?) {
        self.baseURL = baseURL
    }

    mutating func handle(_ event: HTMLEvent) {
        switch event {
        case .start(let name, let attributes, let isEmpty):
            if droppedDepth > 0 {
                if !isEmpty { droppedDepth += 1 }
                return
            }
            let rule = HTMLPolicy.rule(for: name)
            if rule.isDropped || (name == "img" && Self.isTrackingPixel(attributes)) {
                if !isEmpty { droppedDepth = 1 }
                return
            }
            if name == "br" {
                pendingBreaks += 1
                line.appendSpace()
            } else if rule.isBlock {
                endParagraph()
            } else if name == "td" || name == "th" {
                line.appendSpace()
            }
            let kept = writeStart(name, rule, attributes, isEmpty: isEmpty)
            if !isEmpty { openKept.append(kept) }
        case .text(let text):
            guard droppedDepth == 0 else { return }
            if pendingBreaks > 0, text.unicodeScalars.contains(where: { !$0.isCollapsibleSpace }) {
                if pendingBreaks >= 2 { endParagraph() }
                pendingBreaks = 0
            }
            line.append(text)
            html += HTMLEscaping.escapeText(text)
        case .end(let name):
            if droppedDepth > 0 {
                droppedDepth -= 1
                return
            }
            if HTMLPolicy.rule(for: name).isBlock { endParagraph() }
            if let kept = openKept.popLast(), kept { html += "</\(name)>" }
        }
    }

    mutating func finish() -> ConvertedBody {
        endParagraph()
        return ConvertedBody(paragraphs: paragraphs, html: html.trimmingWhitespace())
    }

    private mutating func endParagraph() {
        pendingBreaks = 0
        let paragraph = line.take()
        if !paragraph.isEmpty { paragraphs.append(paragraph) }
    }

    /// Writes the start tag when the element is allowed; returns whether it did.
    private mutating func writeStart(
        _ name: String,
        _ rule: HTMLPolicy.Rule,
        _ attributes: [(name: String, value: String)],
        isEmpty: Bool
    ) -> Bool {
        guard let allowedAttributes = rule.allowedAttributes else { return false }
        if isEmpty && !rule.isVoid {
            return false  // an empty <p></p> or <b></b> adds nothing
        }
        var tag = "<" + name
        var hasSource = false
        for (attribute, value) in attributes where allowedAttributes.contains(attribute) {
            var value = value
            if HTMLPolicy.urlAttributes.contains(attribute) {
                guard let url = Self.safeURL(value, base: baseURL, allowMail: attribute == "href") else { continue }
                value = url
                if attribute == "src" { hasSource = true }
            }
            tag += " "
            tag += attribute
            tag += "=\""
            tag += HTMLEscaping.escapeAttribute(value)
            tag += "\""
        }
        // Nothing is added to what the publisher wrote (no `rel`): removing is the sanitizer's job.
        if name == "img" && !hasSource { return false }
        tag += ">"
        html += tag
        return true
    }

    /// A 1×1 image (`width="1" height="1"`, "px" allowed): a tracking pixel.
    private static func isTrackingPixel(_ attributes: [(name: String, value: String)]) -> Bool {
        func size(_ name: String) -> Int? {
            guard let value = attributes.first(where: { $0.name == name })?.value else { return nil }
            var digits = Substring(value.trimmingWhitespace())
            if digits.hasSuffix("px") { digits = digits.dropLast(2) }
            return Int(digits)
        }
        guard let width = size("width"), let height = size("height") else { return false }
        return width <= 1 && height <= 1
    }

    private static func safeURL(_ value: String, base: String?, allowMail: Bool) -> String? {
        let resolved = URLResolver.resolve(value, against: base)
        let lowered = resolved.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") { return resolved }
        if allowMail && lowered.hasPrefix("mailto:") { return resolved }
        return nil
    }
}

/// Escaping for text and attribute values written into HTML.
enum HTMLEscaping {
    static func escapeText(_ text: String) -> String {
        needsEscape(text, quotes: false) ? escaped(text, quotes: false) : text
    }

    static func escapeAttribute(_ value: String) -> String {
        needsEscape(value, quotes: true) ? escaped(value, quotes: true) : value
    }

    private static func needsEscape(_ text: String, quotes: Bool) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            let ampersand = UInt8(ascii: "&")
            let index = utf8.firstIndex(
                from: 0,
                below: 0,
                orEqualTo: ampersand,
                UInt8(ascii: "<"),
                UInt8(ascii: ">"),
                quotes ? UInt8(ascii: "\"") : ampersand
            )
            return index < utf8.count
        }
    }

    private static func escaped(_ text: String, quotes: Bool) -> String {
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): escaped.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): escaped.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): escaped.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\"") where quotes: escaped.append(contentsOf: "&quot;".utf8)
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        if hasPrintableASCIIEnds { return self }  // nothing to trim (the usual case): no copy
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isCollapsibleSpace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isCollapsibleSpace })!
        return String(scalars[first...last])
    }
}
