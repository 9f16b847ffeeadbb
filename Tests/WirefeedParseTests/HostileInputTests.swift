// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Testing
import WirefeedParse
import WirefeedTesting

struct HostileInputTests {
    @Test func billionLaughsIsNeverExpanded() throws {
        let feed = try Fixtures.parse("hostile-billion-laughs.xml")
        #expect(feed.items.first?.title?.value == "&lol9;")
    }

    @Test func quadraticBlowUpIsNeverExpanded() throws {
        let feed = try Fixtures.parse("hostile-quadratic-blowup.xml")
        let title = try #require(feed.items.first?.title?.value)
        #expect(title.utf8.count == 20_000 * 3, "each reference stays three characters of text")
        #expect(!title.contains("AAAA"))
    }

    @Test func externalEntitiesAreNeverRead() throws {
        let feed = try Fixtures.parse("hostile-external-entity.xml")
        let item = try #require(feed.items.first)
        #expect(item.title?.value == "Secret: &secret;")
        #expect(item.summary?.value == "Remote: &remote;")
        #expect(!(item.title?.value.contains("root:") ?? true))
    }

    @Test(arguments: ["hostile-parameter-entity.xml", "hostile-external-dtd.xml"])
    func documentsNamingAnExternalDTDStillParse(fixture: String) throws {
        let feed = try Fixtures.parse(fixture)
        #expect(feed.items.count == 1)
    }

    /// A live loopback server offers a DTD that would define `&injected;`: whether the document names
    /// it as its external subset, as a parameter entity or as an external entity, the server sees no
    /// request and the reference stays text.
    @Test(arguments: [
        #"<!DOCTYPE rss SYSTEM "DTD_URL">"#,
        #"<!DOCTYPE rss PUBLIC "-//Wirefeed//Test//EN" "DTD_URL">"#,
        #"<!DOCTYPE rss [ <!ENTITY % remote SYSTEM "DTD_URL"> %remote; ]>"#,
        #"<!DOCTYPE rss [ <!ENTITY injected SYSTEM "DTD_URL"> ]>"#,
    ])
    func externalDTDsAreNeverFetched(doctype: String) async throws {
        let dtd = #"<!ENTITY injected "DTD-LOADED">"#
        let server = try await LoopbackHTTPServer { _ in
            .respond(status: 200, headers: [("Content-Type", "application/xml-dtd")], body: Array(dtd.utf8))
        }
        let doctype = doctype.replacingOccurrences(of: "DTD_URL", with: server.url("/evil.dtd"))
        let document = """
            <?xml version="1.0"?>
            \(doctype)
            <rss version="2.0"><channel><title>DTD</title><link>https://x.example.com/</link>
            <item><title>Value: &injected;</title><guid>dtd</guid></item></channel></rss>
            """
        let feed = try FeedParser.parse(Array(document.utf8))
        try await server.shutdown()
        #expect(server.requests.isEmpty, "the parser fetched \(server.requests.map(\.path))")
        let title = try #require(feed.items.first?.title?.value)
        #expect(!title.contains("DTD-LOADED"))
    }

    @Test func deepNestingIsRefused() throws {
        let error = try #require(throws: ParseError.self) { try Fixtures.parse("hostile-deep-nesting.xml") }
        #expect(error.code == .tooDeep)
    }

    @Test func nulBytesAreDropped() throws {
        let feed = try Fixtures.parse("hostile-nul-bytes.xml")
        #expect(feed.items.first?.title?.value == "Titlewith NUL")
    }

    @Test func documentsOverTheSizeCapAreRefused() throws {
        let item = "<item><title>padding</title></item>"
        let document = "<rss version=\"2.0\"><channel>" + String(repeating: item, count: 40_000) + "</channel></rss>"
        let options = FeedParserOptions(maximumDocumentSize: 1024 * 1024)
        let error = try #require(throws: ParseError.self) {
            try FeedParser.parse(Array(document.utf8), options: options)
        }
        #expect(error.code == .tooLarge)
        #expect(error.message.contains("1048576"))
    }
}
