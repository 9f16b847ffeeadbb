// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import WirefeedNormalize
import WirefeedParse

/// libFuzzer's entry point: any bytes through the parser and, when they parse, the normalizer and
/// both renderings. A crash, a sanitizer report or a hang is a finding; a `ParseError` is not.
///
/// The bytes, and every text of the feed they parse to, are also walked as HTML fragments: when the
/// simple reader accepts one, its events must be libxml2's, or the run stops with the fragment.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParseAndNormalize(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    expectSimpleReadingIsLibxml2s(String(decoding: bytes, as: UTF8.self))
    guard
        let feed = try? FeedParser.parse(
            bytes,
            options: FeedParserOptions(documentURL: "https://fuzz.example.com/feed")
        )
    else { return 0 }
    for item in feed.items {
        for text in [item.title, item.summary, item.content].compactMap({ $0 }) {
            expectSimpleReadingIsLibxml2s(text.value)
        }
    }
    let stories = StoryNormalizer.normalize(feed)
    _ = TextRenderer.render(stories)
    for story in stories { _ = try? NinjsDocument(story: story, uri: "urn:wirefeed:story:fuzz").jsonData() }
    _ = try? JSONFeedDocument(feed: feed, stories: stories).jsonData()
    return 0
}

/// Stops the run when the simple HTML reader and libxml2 disagree on a fragment.
func expectSimpleReadingIsLibxml2s(_ html: String) {
    let fastest = HTMLFragmentWalker(html: html)
    guard fastest.isReadSimply else { return }
    let simple = fastest.remainingEvents()
    let libxml2 = HTMLFragmentWalker(html: html, reading: .libxml2).remainingEvents()
    if simple != libxml2 {
        fatalError("the simple HTML reader and libxml2 disagree on \(html.debugDescription):\n\(simple)\n\(libxml2)")
    }
}

/// libxml2 must be initialized before the first input.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> Int32 {
    LibXML2.initialize()
    return 0
}
