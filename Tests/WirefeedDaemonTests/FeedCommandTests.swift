// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Testing
import WirefeedTesting

/// `wirefeed parse` and `wirefeed render` over several documents in one process, the built executable
/// against the committed fixtures.
struct FeedCommandTests {
    static let atom = Fixtures.feeds.appendingPathComponent("atom10.xml").path
    static let rss = Fixtures.feeds.appendingPathComponent("rss20-full.xml").path
    static let html = Fixtures.feeds.appendingPathComponent("not-feed-html.html").path

    func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        try WirefeedBinary.runForText(arguments)
    }

    /// The JSON value of one document, for comparing documents whatever their layout.
    func json(_ text: Substring) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary)
    }

    func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: true)
    }

    @Test func parseOfSeveralDocumentsPrintsOneJSONFeedDocumentPerLineInOrder() throws {
        let several = try run(["parse", Self.atom, Self.rss, Self.atom])
        #expect(several.status == 0, "\(several.error)")
        let documents = lines(several.output)
        try #require(documents.count == 3)
        let atom = try run(["parse", Self.atom])
        let rss = try run(["parse", Self.rss])
        #expect(lines(atom.output).count > 1, "one document alone is pretty-printed")
        #expect(try json(documents[0]) == json(Substring(atom.output)))
        #expect(try json(documents[1]) == json(Substring(rss.output)))
        #expect(try json(documents[2]) == json(Substring(atom.output)))
        #expect(try json(documents[0]) != json(documents[1]))
    }

    @Test func renderOfSeveralDocumentsPrintsTheStoriesOfEachInOrder() throws {
        let several = try run(["render", "--format", "json", Self.rss, Self.atom])
        #expect(several.status == 0, "\(several.error)")
        let rss = try run(["render", "--format", "json", Self.rss])
        let atom = try run(["render", "--format", "json", Self.atom])
        #expect(!lines(rss.output).isEmpty && !lines(atom.output).isEmpty)
        #expect(lines(several.output) == lines(rss.output) + lines(atom.output))
    }

    @Test func aDocumentThatCannotBeReadIsReportedAndTheOthersStillPrinted() throws {
        let missing = Fixtures.feeds.appendingPathComponent("no-such-feed.xml").path
        let result = try run(["parse", Self.atom, missing, Self.html, Self.rss])
        #expect(result.status == 66, "the first failure's code: the missing file")
        #expect(lines(result.output).count == 2)
        let errors = lines(result.error).filter { !$0.hasPrefix("wirefeed: warning: ") }
        #expect(errors.count == 3, "\(result.error)")
        #expect(errors.first == "wirefeed: \(missing): no such file.")
        #expect(errors.dropFirst().first?.hasPrefix("wirefeed: \(Self.html): ") == true)
        #expect(errors.last == "wirefeed: 2 of 4 documents could not be read.")

        let bad = try run(["render", Self.html, Self.rss])
        #expect(bad.status == 65)
        #expect(!bad.output.isEmpty, "the readable feed is still rendered")
    }

    @Test func oneDocumentThatCannotBeReadFailsWithOneLine() throws {
        let result = try run(["parse", Self.html])
        #expect(result.status == 65)
        #expect(result.output.isEmpty)
        #expect(lines(result.error).count == 1)
        #expect(result.error.hasPrefix("wirefeed: \(Self.html): "))
        #expect(try run(["parse"]).status == 64, "a document is required")
    }
}
