// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Testing
import WirefeedParse
import WirefeedTesting

/// Plain, well-formed fragments are read without libxml2, into exactly the events libxml2 gives for
/// them; anything libxml2 would have to repair or interpret is left to libxml2.
struct SimpleHTMLReaderTests {
    struct Walk {
        var events: [HTMLEvent]
        var isReadSimply: Bool
    }

    static func walk(_ html: String, _ reading: HTMLFragmentWalker.Reading = .fastest) -> Walk {
        let walker = HTMLFragmentWalker(html: html, reading: reading)
        return Walk(events: walker.remainingEvents(), isReadSimply: walker.isReadSimply)
    }

    /// Whether the fragment was read simply; when it was, its events must be libxml2's.
    @discardableResult
    static func expectLibxml2sEvents(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let fastest = walk(html)
        guard fastest.isReadSimply else { return false }
        let libxml2 = walk(html, .libxml2)
        #expect(fastest.events == libxml2.events, "\(html.debugDescription)", sourceLocation: sourceLocation)
        return true
    }

    @Test func wireCopyIsReadWithoutLibxml2AsLibxml2ReadsIt() {
        let fragments = [
            "<p><strong>BERLIN, May 6 (Global Wire)</strong> – Ministers said on Monday.</p>\n<p>Talks are due to resume.</p>\n",
            #"<figure><img src="https://img.example/8e9c.jpg" alt="Ministers &amp; aides"/><figcaption>Aides in Taipei.</figcaption></figure>"#,
            #"<p>Read <a href="https://example.com/a?x=1&amp;y=2" title='more'>more</a> &mdash; or don&#8217;t&#x21;</p>"#,
            "<ul>\n  <li>One</li>\n  <li><p>Two</p><ol><li>2.1</li></ol></li>\n</ul>",
            "<div><h2>Markets</h2><blockquote><p>Quote &lt;here&gt;</p></blockquote><hr><p>a<br>b<br/>c</p></div>",
            "<P CLASS=\"lead\">Capitals</P><p></p><b>bold</b> tail text &nbsp;",
        ]
        for fragment in fragments {
            #expect(Self.expectLibxml2sEvents(fragment), "\(fragment.debugDescription) should be read simply")
        }
    }

    @Test func aFragmentIsWrappedInHtmlAndBodyAndAChildlessElementIsEmpty() {
        let walked = Self.walk("<p></p><p>x</p>")
        #expect(walked.isReadSimply)
        #expect(
            walked.events == [
                .start(name: "html", attributes: [], isEmpty: false),
                .start(name: "body", attributes: [], isEmpty: false),
                .start(name: "p", attributes: [], isEmpty: true), .start(name: "p", attributes: [], isEmpty: false),
                .text("x"), .end("p"),
                .end("body"), .end("html"),
            ]
        )
    }

    @Test func whatLibxml2WouldRepairOrInterpretIsLeftToIt() {
        let declined = [
            "text before the first tag <p>x</p>", "<p>unclosed", "<p>a<p>b</p>", "<b><p>misnested</p></b>",
            "<p>a</b></p>",
            "<p>1 < 2</p>", "<p>AT&T</p>", "<p>&copy 2024</p>", "<p>&unknown;</p>", "<p>&#0;</p>", "<p>&#xD800;</p>",
            "<p>&#99999999;</p>", "<!-- comment --><p>x</p>", "<p>x<!-- comment --></p>", "<script>alert(1)</script>",
            "<table><tr><td>x</td></tr></table>", "<p>line\r\nend</p>", "<p>nul\u{0}</p>", "<a href=unquoted>x</a>",
            "<img src>", #"<p class="a" class="b">x</p>"#, #"<p class="a"id="b">x</p>"#,
            "<li>outside a list</li>", "<a href=\"#\"><a href=\"#\">nested</a></a>", "<o:p>x</o:p>", "<p>x</p></div>",
            "<br></br>", "<figcaption>x</figcaption>", "<p><div>x</div></p>", "<pre>\ncode</pre>", "<p>\u{FFFE}</p>",
            "<p title=\"&bogus;\">x</p>", "< p>x</p>", "<p>x</p ", "<h1><h2>x</h2></h1>",
        ]
        for fragment in declined {
            #expect(!Self.walk(fragment).isReadSimply, "\(fragment.debugDescription) should be left to libxml2")
        }
    }

    /// libxml2 closes some elements by itself when another starts inside them: every pairing the
    /// simple reader accepts must be one where it does not.
    @Test func everyPairingOfElementsReadsAsLibxml2ReadsIt() {
        let names = [
            "p", "div", "blockquote", "ul", "ol", "li", "h1", "h3", "h6", "figure", "figcaption", "a", "b", "strong",
            "i", "em", "u",
            "s", "small", "sub", "sup", "code", "cite", "q", "abbr", "mark", "span", "time", "del", "ins", "br", "img",
            "hr",
            "table", "pre", "font", "center", "dl", "dt", "address", "section",
        ]
        var accepted = 0
        for outer in names {
            for inner in names {
                for fragment in [
                    "<\(outer)><\(inner)>x</\(inner)>y</\(outer)>", "<\(outer)>a<\(inner)></\(inner)></\(outer)>",
                    "<\(outer)><\(inner)/> <\(inner)>z</\(inner)></\(outer)>",
                    "<ul><li><\(outer)><\(inner)>x</\(inner)></\(outer)></li></ul>",
                    "<figure><\(outer)>x</\(outer)><\(inner)>y</\(inner)></figure>",
                ] where Self.expectLibxml2sEvents(fragment) {
                    accepted += 1
                }
            }
        }
        #expect(accepted > 1_000)
    }

    /// Random fragments: trees of wire copy's elements, text and references, half of them then
    /// broken by a piece of what breaks real markup, inserted anywhere.
    @Test func randomFragmentsReadAsLibxml2ReadsThem() {
        var random = SeededRandom(seed: 7)
        var accepted = 0
        var declined = 0
        for _ in 0..<20_000 {
            var fragment = RandomMarkup.tree(depth: 0, using: &random)
            if Bool.random(using: &random) {
                let utf8 = Array(fragment.utf8)
                var at = Int.random(in: 0...utf8.count, using: &random)
                while at < utf8.count, utf8[at] & 0xC0 == 0x80 { at += 1 }  // not inside a character
                fragment =
                    String(decoding: utf8[..<at], as: UTF8.self) + RandomMarkup.breakers.randomElement(using: &random)!
                    + String(decoding: utf8[at...], as: UTF8.self)
            }
            if Self.expectLibxml2sEvents(fragment) { accepted += 1 } else { declined += 1 }
        }
        #expect(accepted > 4_000 && declined > 4_000, "accepted \(accepted), declined \(declined)")
    }

    /// Every title, summary and body of the feeds the project writes (`Tests/Fixtures/feeds`).
    @Test func everyFixtureFragmentReadsAsLibxml2ReadsIt() throws {
        let (fragments, accepted) = try Self.compareFragments(in: Fixtures.feeds)
        #expect(fragments > 50, "the fixtures hold \(fragments) fragments")
        #expect(accepted > 0, "the simple reader read none of the fixtures' fragments")
        print("simple HTML reader: \(accepted) of \(fragments) fixture fragments read without libxml2")
    }

    /// Every title, summary and body of the real-world corpus (`../shared/corpus/real`).
    @Test(.enabled(if: RealWorldCorpus.exists, "../shared/corpus/real is not beside this checkout: skipped"))
    func everyCorpusFragmentReadsAsLibxml2ReadsIt() throws {
        let (fragments, accepted) = try Self.compareFragments(in: RealWorldCorpus.folder)
        #expect(fragments > 1_000, "the corpus holds \(fragments) fragments")
        print("simple HTML reader: \(accepted) of \(fragments) corpus fragments read without libxml2")
    }

    /// Compares the two readers on every text of every feed under `folder`; returns how many
    /// fragments there were and how many the simple reader accepted.
    private static func compareFragments(in folder: URL) throws -> (fragments: Int, accepted: Int) {
        var fragments = 0
        var accepted = 0
        let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        for case let file as URL in files where ["xml", "rss", "atom", "rdf"].contains(file.pathExtension) {
            guard let feed = try? FeedParser.parse([UInt8](Data(contentsOf: file))) else { continue }
            for item in feed.items {
                for text in [item.title, item.summary, item.content].compactMap({ $0 }) {
                    fragments += 1
                    if expectLibxml2sEvents(text.value) { accepted += 1 }
                }
            }
        }
        return (fragments, accepted)
    }
}

/// Random HTML for the differential tests.
enum RandomMarkup {
    static let containers = ["div", "blockquote", "figure", "DIV"]
    static let paragraphs = ["p", "h2", "h6", "P"]
    static let phrasing = ["a", "b", "strong", "i", "em", "span", "code", "q", "time", "S", "small", "sub"]
    static let texts = [
        "Ministers met", " on Monday", "\n", "  ", "\t", "&amp;", "&lt;", "&gt;", "&quot;", "&nbsp;", "&eacute;",
        "&mdash;",
        "&#8217;", "&#x2019;", "&#X41;", "&apos;", "é", "日本", "\u{A0}", "'", "\"", "=", "/", ">", "—",
    ]
    static let attributes = [
        #" href="https://x.example/?a=1&amp;b=2""#, " title='t'", #" class="lead""#, #" alt="A &quot;pic&quot;""#,
        " id = \"x\"",
        #" data-x="1""#, #" src="i.jpg""#,
    ]
    /// What breaks markup, or what libxml2 reads in its own way.
    static let breakers = [
        "<", "&", "&copy", "&bogus;", "</p>", "<p>", "</b>", "<li>", "</li>", "<table>", "<td>", "<!-- c -->",
        "<br></br>", "\r\n",
        "\u{0}", "<x-y>", "<wbr>", "<o:p>", "</div>", "<script>x</script>", "<a href=x>", " checked", "<img src>",
        "<pre>",
        "<hr>", "<ul>", "</ul>", "<figcaption>", "\u{FFFE}",
    ]

    static func tree(depth: Int, using random: inout SeededRandom) -> String {
        (0..<Int.random(in: 1...3, using: &random)).map { _ in node(depth: depth, using: &random) }.joined(
            separator: ["", "\n", " "].randomElement(using: &random)!
        )
    }

    static func node(depth: Int, using random: inout SeededRandom) -> String {
        switch Int.random(in: 0..<10, using: &random) {
        case 0 where depth < 4:
            return element(
                containers.randomElement(using: &random)!,
                tree(depth: depth + 1, using: &random),
                using: &random
            )
        case 1 where depth < 4:
            let items = (0..<Int.random(in: 1...3, using: &random)).map { _ in
                element("li", inline(depth: depth + 1, using: &random), using: &random)
            }
            return element(["ul", "ol"].randomElement(using: &random)!, items.joined(separator: "\n"), using: &random)
        case 2:
            let image = "<img src=\"https://img.example/a.jpg\"" + (Bool.random(using: &random) ? " />" : ">")
            return "<figure>" + image + element("figcaption", inline(depth: depth + 1, using: &random), using: &random)
                + "</figure>"
        case 3:
            return ["<br>", "<br/>", "<BR />", "<hr>", "<p></p>", "<p/>"].randomElement(using: &random)!
        default:
            return element(
                paragraphs.randomElement(using: &random)!,
                inline(depth: depth + 1, using: &random),
                using: &random
            )
        }
    }

    static func inline(depth: Int, using random: inout SeededRandom) -> String {
        (0..<Int.random(in: 0...4, using: &random)).map { _ -> String in
            if depth < 6, Int.random(in: 0..<3, using: &random) == 0 {
                return element(
                    phrasing.randomElement(using: &random)!,
                    inline(depth: depth + 1, using: &random),
                    using: &random
                )
            }
            return texts.randomElement(using: &random)!
        }.joined()
    }

    static func element(_ name: String, _ content: String, using random: inout SeededRandom) -> String {
        let attributes = (0..<Int.random(in: 0...2, using: &random)).map { _ in
            Self.attributes.randomElement(using: &random)!
        }.joined()
        return "<\(name)\(attributes)>\(content)</\(name.lowercased())>"
    }
}
