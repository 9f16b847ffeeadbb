// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

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
    func externalDTDsAreNeverLoaded(fixture: String) throws {
        let feed = try Fixtures.parse(fixture)
        #expect(feed.items.count == 1)
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
