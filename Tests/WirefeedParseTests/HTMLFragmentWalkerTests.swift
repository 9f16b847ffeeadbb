// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Testing
import WirefeedParse

/// An HTML fragment walks as the tree libxml2's forgiving HTML parser would build of it.
///
/// (Checked when the walker moved from a tree to SAX: the two gave the same events for all 289,299
/// titles, summaries and bodies of the bench farm, the real-world corpus and the fixtures.)
struct HTMLFragmentWalkerTests {
    func events(_ html: String) -> [HTMLEvent] {
        HTMLFragmentWalker(html: html).remainingEvents()
    }

    func start(_ name: String, _ attributes: [(name: String, value: String)] = [], empty: Bool = false) -> HTMLEvent {
        .start(name: name, attributes: attributes, isEmpty: empty)
    }

    @Test func aFragmentIsWrappedInImpliedHtmlAndBody() {
        #expect(
            events("<p>Strike</p>") == [
                start("html"), start("body"), start("p"), .text("Strike"), .end("p"), .end("body"), .end("html"),
            ]
        )
    }

    @Test func unclosedElementsAreClosedAndTextIsOneEvent() {
        #expect(
            events("<p>a &amp; b<p>c") == [
                start("html"), start("body"), start("p"), .text("a & b"), .end("p"), start("p"), .text("c"), .end("p"),
                .end("body"), .end("html"),
            ]
        )
    }

    @Test func anElementWithoutChildrenIsEmptyAndHasNoEnd() {
        #expect(
            events("<p></p><br>") == [
                start("html"), start("body"), start("p", empty: true), start("br", empty: true), .end("body"),
                .end("html"),
            ]
        )
        #expect(
            events("<p><!-- a comment is a child --></p>") == [
                start("html"), start("body"), start("p"), .end("p"), .end("body"), .end("html"),
            ]
        )
    }

    @Test func namesAreLowercaseWithoutPrefixAndBooleanAttributesReadAsTheirName() {
        #expect(
            events("<P CLASS=A><o:p></o:p><input disabled></P>") == [
                start("html"), start("body"), start("p", [("class", "A")]), start("p", empty: true),
                start("input", [("disabled", "disabled")], empty: true), .end("p"), .end("body"), .end("html"),
            ]
        )
    }

    @Test func nestingStopsAtLibxml2sDepthLimit() {
        let walked = events(String(repeating: "<div>", count: 1000) + "too deep")
        #expect(walked.filter { if case .start = $0 { true } else { false } }.count == 257, "html, body and 255 divs")
        #expect(
            walked.filter { if case .end = $0 { true } else { false } }.count == 256,
            "the deepest is empty; every other one ends"
        )
        #expect(!walked.contains(.text("too deep")))
    }

    @Test func anEmptyFragmentHasNoEvents() {
        #expect(events("").isEmpty)
    }
}
