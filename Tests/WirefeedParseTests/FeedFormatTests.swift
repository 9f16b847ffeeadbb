// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Testing
import WirefeedParse
import WirefeedTesting

struct FeedFormatTests {
    @Test func rss20WithCommonNamespaces() throws {
        let feed = try Fixtures.parse("rss20-full.xml")
        #expect(feed.format == .rss)
        #expect(feed.version == "2.0")
        #expect(feed.title == TextConstruct(kind: .html, value: "Harbour Wire & Co. \u{2014} World"))
        #expect(feed.homePageURL == "https://wire.example.com/world/")
        #expect(feed.selfURL == "https://wire.example.com/world/rss.xml")
        #expect(feed.language == "en-gb")
        #expect(feed.updated == Date(utc: "2016-07-26T09:15:00Z"))
        #expect(feed.timeToLive == 15)
        #expect(feed.updatePeriod == "hourly")
        #expect(feed.updateFrequency == 4)
        #expect(feed.skipHours == [1, 2])
        #expect(feed.skipDays == ["Sunday"])
        #expect(feed.image?.url == "https://wire.example.com/img/logo.png")
        #expect(feed.image?.width == 88)
        #expect(feed.items.count == 2)

        let strike = feed.items[0]
        #expect(strike.id == "harbour-2016-07-26-0001")
        #expect(strike.idIsPermaLink == false)
        #expect(strike.title?.value == "Port strike <em>enters</em> third day")
        #expect(strike.published == Date(utc: "2016-07-26T09:05:00Z"))
        #expect(strike.authors.map(\.name) == ["Ana Ferreira", "Tom Okafor"])
        #expect(
            strike.categories == [
                FeedCategory(term: "Labour", scheme: "https://wire.example.com/topics"), FeedCategory(term: "Shipping"),
            ]
        )
        #expect(strike.summary?.value == "Dock workers stayed out for a third day.")
        #expect(strike.content?.kind == .html)
        #expect(strike.content?.value.contains("<strong>third</strong>") == true)
        #expect(strike.commentCount == 12)
        #expect(strike.location == GeoPoint(latitude: 38.7223, longitude: -9.1393))
        #expect(strike.language == "en-gb")
        #expect(
            strike.media.map(\.url) == ["https://img.example.com/port.jpg", "https://img.example.com/port-thumb.jpg"]
        )
        let photo = try #require(strike.media.first)
        #expect(photo.role == .content)
        #expect(photo.medium == "image")
        #expect(photo.width == 1200)
        #expect(photo.length == 204_800)
        #expect(photo.description == "Idle cranes at the container terminal.")
        #expect(photo.credit == "Photo: R. Lima")
        #expect(strike.media[1].role == .thumbnail)

        let grain = feed.items[1]
        #expect(grain.idIsPermaLink == nil)
        #expect(grain.published == Date(utc: "2016-07-26T13:00:00Z"), "EST is five hours behind UTC")
        #expect(grain.authors == [FeedPerson(name: "Night Desk", email: "desk@wire.example.com")])
        #expect(grain.media.first?.role == .enclosure)
        #expect(grain.media.first?.length == 123_456)
        #expect(grain.media.first?.mimeType == "audio/mpeg")
    }

    @Test func rss091WithNetscapeDoctype() throws {
        let feed = try Fixtures.parse("rss091.xml")
        #expect(feed.format == .rss)
        #expect(feed.version == "0.91")
        #expect(feed.items.map { $0.title?.value } == ["Council approves new bridge", "Library extends hours"])
        #expect(
            feed.items.map(\.alternateURL) == [
                "http://gazette.example.org/bridge.html", "http://gazette.example.org/library.html",
            ]
        )
    }

    @Test func rss092ItemWithoutTitle() throws {
        let feed = try Fixtures.parse("rss092.xml")
        #expect(feed.items.count == 1)
        #expect(feed.items[0].title == nil)
        #expect(feed.items[0].summary?.value == "Morning show <i>recording</i>")
        #expect(feed.items[0].media.first?.url == "http://radio.example.org/morning.mp3")
    }

    @Test func rss10AsRDF() throws {
        let feed = try Fixtures.parse("rss10.rdf")
        #expect(feed.format == .rdf)
        #expect(feed.language == "fr")
        #expect(feed.updatePeriod == "daily")
        #expect(feed.updateFrequency == 2)
        #expect(feed.items.count == 2)
        let comet = feed.items[0]
        #expect(
            comet.id == "https://science.example.net/comet",
            "rdf:about identifies an RSS 1.0 item, before its dc:identifier (a DOI)"
        )
        #expect(comet.published == Date(utc: "2016-07-25T20:30:00Z"))
        #expect(comet.authors.map(\.name) == ["Claire Dubois"])
        #expect(comet.categories.map(\.term) == ["Astronomie"])
        #expect(comet.content?.value.hasPrefix("<p>Une comète") == true)
        #expect(comet.language == "fr")
        #expect(
            feed.items[1].alternateURL == "https://science.example.net/relative/probe",
            "resolved against the feed's link"
        )
        #expect(feed.items[1].published == Date(utc: "2016-07-24T00:00:00Z"))
    }

    @Test func rss090AsRDF() throws {
        let feed = try Fixtures.parse("rss090.rdf")
        #expect(feed.format == .rdf)
        #expect(feed.items.map { $0.title?.value } == ["Browser released", "Search engine opens"])
    }

    @Test func atom10WithNestedXMLBase() throws {
        let feed = try Fixtures.parse("atom10.xml")
        #expect(feed.format == .atom10)
        #expect(feed.title == TextConstruct(kind: .text, value: "Atom & Eve News"))
        #expect(feed.subtitle?.kind == .html)
        #expect(feed.homePageURL == "https://atom.example.com/")
        #expect(feed.selfURL == "https://atom.example.com/news/feed.atom")
        #expect(feed.image?.url == "https://atom.example.com/news/logo.png")
        #expect(feed.authors == [FeedPerson(name: "Newsroom", uri: "https://atom.example.com/about")])
        #expect(feed.language == "en")
        #expect(feed.items.count == 3)

        let markets = feed.items[0]
        #expect(markets.title == TextConstruct(kind: .html, value: "Markets <b>rally</b> on &quot;good&quot; news"))
        #expect(markets.alternateURL == "https://atom.example.com/news/2016/07/markets")
        #expect(markets.published == Date(utc: "2016-07-26T07:00:00Z"))
        #expect(markets.updated == Date(utc: "2016-07-26T09:00:00Z"))
        #expect(markets.categories == [FeedCategory(term: "markets", label: "Markets"), FeedCategory(term: "europe")])
        #expect(markets.media.first?.url == "https://video.example.com/markets.mp4")
        #expect(markets.media.first?.length == 987_654)
        #expect(markets.content?.kind == .xhtml)
        #expect(markets.content?.value.contains("<em>Europe</em>") == true)
        #expect(markets.language == "en")

        let weather = feed.items[1]
        #expect(weather.alternateURL == "https://other.example.org/base/weather", "the entry's own xml:base wins")
        #expect(weather.language == "de")
        #expect(weather.content == TextConstruct(kind: .text, value: "Sonnig und warm.\n\nMorgen Gewitter."))

        let summaryOnly = feed.items[2]
        #expect(summaryOnly.content == nil)
        #expect(summaryOnly.summary?.kind == .html)
        #expect(summaryOnly.sourceTitle == "Partner Feed")
    }

    @Test func atom03WithEscapedAndBase64Content() throws {
        let feed = try Fixtures.parse("atom03.xml")
        #expect(feed.format == .atom03)
        #expect(feed.subtitle?.value == "Still publishing 0.3")
        #expect(feed.updated == Date(utc: "2005-03-01T12:00:00Z"))
        #expect(feed.items.count == 2)
        #expect(feed.items[0].published == Date(utc: "2005-03-01T16:00:00Z"))
        #expect(feed.items[0].content == TextConstruct(kind: .html, value: "<p>Escaped <b>HTML</b> body.</p>"))
        #expect(feed.items[0].authors.map(\.name) == ["Sam Reed"])
        #expect(feed.items[1].content == TextConstruct(kind: .html, value: "<p>Decoded from base64.</p>"))
    }

    @Test func anRSSRootInAtomsNamespaceReadsTheAtomElementsOfItsItems() throws {
        let feed = try Fixtures.parse("rss-in-atom-namespace.xml")
        #expect(feed.format == .rss)
        let item = try #require(feed.items.first)
        #expect(item.id == "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a")
        #expect(item.updated == Date(utc: "2005-08-17T07:02:32Z"))
        #expect(item.summary == TextConstruct(kind: .text, value: "We just had a big one."))
        #expect(item.alternateURL == "https://quakes.example.org/2005/09/09/atom01")
    }

    @Test func documentURLIsTheBaseForRelativeLinks() throws {
        let feed = try Fixtures.parse(
            "rss10.rdf",
            options: FeedParserOptions(documentURL: "https://mirror.example.org/feeds/science.rdf")
        )
        #expect(feed.items[1].alternateURL == "https://mirror.example.org/feeds/relative/probe")
    }
}
