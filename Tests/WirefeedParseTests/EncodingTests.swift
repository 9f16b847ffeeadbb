// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Testing
import WirefeedParse
import WirefeedTesting

struct EncodingTests {
    static let latinTitle = "Élection à Zürich: 45 % für Ändern"

    @Test(arguments: [
        "enc-windows-1252.xml", "enc-utf8-bom.xml", "enc-utf16le-bom.xml", "enc-utf16be-nobom.xml",
        "enc-utf8-declared-but-cp1252.xml", "enc-latin1-declared-but-utf8.xml", "enc-undeclared-cp1252.xml",
        "enc-utf16-declared-but-utf8.xml",
    ])
    func westernTextSurvivesEveryEncodingMistake(fixture: String) throws {
        let feed = try Fixtures.parse(fixture)
        #expect(feed.title?.value == "Café Société")
        #expect(feed.items.first?.title?.value == Self.latinTitle)
        #expect(feed.items.first?.summary?.value == "Über große Straßen — naïve façade")
    }

    @Test func iso88591IsReadAsDeclared() throws {
        let feed = try Fixtures.parse("enc-iso-8859-1.xml")
        #expect(feed.items.first?.title?.value == Self.latinTitle)
        #expect(feed.encoding == "WINDOWS-1252", "ISO-8859-1 labels mean windows-1252, as in browsers")
    }

    @Test func invalidUTF8IsReadAsWindows1252() throws {
        let feed = try Fixtures.parse("enc-utf8-declared-but-cp1252.xml")
        #expect(feed.encoding == "WINDOWS-1252")
    }

    @Test func validUTF8UnderALegacyLabelIsReadAsUTF8() throws {
        let feed = try Fixtures.parse("enc-latin1-declared-but-utf8.xml")
        #expect(feed.encoding == "UTF-8")
    }

    @Test(arguments: [
        ("enc-koi8-r.xml", "Мэр открыл новый мост", "KOI8-R"),
        ("enc-gb2312.xml", "新桥今天开通", "GB18030"),
        ("enc-iso-8859-7.xml", "Νέα γέφυρα στην Αθήνα", "ISO-8859-7"),
        ("enc-windows-1251.xml", "Київ: нова лінія метро", "WINDOWS-1251"),
    ])
    func nonLatinCharsets(fixture: String, title: String, encoding: String) throws {
        let feed = try Fixtures.parse(fixture)
        #expect(feed.items.first?.title?.value == title)
        #expect(feed.encoding == encoding)
    }

    @Test func transportCharsetAppliesWhenTheDocumentSaysNothing() throws {
        let bytes =
            Array("<rss version=\"2.0\"><channel><title>".utf8) + [0xE9, 0xF4]
            + Array("</title></channel></rss>".utf8)
        let koi8 = try FeedParser.parse(bytes, options: FeedParserOptions(transportCharset: "koi8-r"))
        #expect(koi8.title?.value == "ИТ")
        let unlabelled = try FeedParser.parse(bytes)
        #expect(unlabelled.title?.value == "éô", "undeclared invalid UTF-8 is read as windows-1252")
    }

    @Test func theDeclarationOutranksTheTransport() throws {
        let feed = try Fixtures.parse(
            "enc-windows-1251.xml",
            options: FeedParserOptions(transportCharset: "iso-8859-1")
        )
        #expect(feed.items.first?.title?.value == "Київ: нова лінія метро")
    }
}
