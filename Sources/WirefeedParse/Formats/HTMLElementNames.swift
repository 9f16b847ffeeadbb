// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

/// The element names of HTML, for telling an untyped text that holds HTML from one that merely
/// mentions angle brackets.
enum HTMLElementNames {
    static let all: Set<String> = [
        "a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b", "bdi", "bdo", "big",
        "blockquote", "br", "button", "caption", "center", "cite", "code", "col", "colgroup", "data", "dd", "del",
        "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "fieldset", "figcaption", "figure", "font",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "input", "ins", "kbd",
        "label", "legend", "li", "main", "map", "mark", "menu", "meter", "nav", "ol", "optgroup", "option",
        "output", "p", "picture", "pre", "progress", "q", "rp", "rt", "ruby", "s", "samp", "section", "select",
        "small", "source", "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td", "textarea",
        "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var", "video", "wbr",
    ]

    /// The elements that never have an end tag, so that their start tag alone shows markup.
    static let void: Set<String> = ["br", "hr", "img", "wbr"]

    /// Whether `text` reads as HTML: it holds an end tag (`</b>`), a void element (`<br>`) or a
    /// character reference (`&amp;`, `&#8212;`), and every tag in it names an HTML element.
    static func looksLikeHTML(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var sawMarkup = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "&") {
                var end = index + 1
                if end < bytes.count, bytes[end] == UInt8(ascii: "#") { end += 1 }
                let start = end
                while end < bytes.count, bytes[end].isASCIILetterOrDigit { end += 1 }
                if end > start, end < bytes.count, bytes[end] == UInt8(ascii: ";") { sawMarkup = true }
                index = end
            } else if byte == UInt8(ascii: "<") {
                var start = index + 1
                let isEndTag = start < bytes.count && bytes[start] == UInt8(ascii: "/")
                if isEndTag { start += 1 }
                var end = start
                while end < bytes.count, bytes[end].isASCIILetterOrDigit { end += 1 }
                if end > start {
                    let name = String(decoding: bytes[start..<end], as: UTF8.self).lowercased()
                    guard all.contains(name) else { return false }
                    if isEndTag || void.contains(name) { sawMarkup = true }
                }
                index = end
            } else {
                index += 1
            }
        }
        return sawMarkup
    }
}
