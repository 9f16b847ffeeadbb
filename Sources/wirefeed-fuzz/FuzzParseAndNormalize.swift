// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import WirefeedNormalize
import WirefeedParse

/// libFuzzer's entry point: any bytes through the parser and, when they parse, the normalizer and
/// both renderings. A crash, a sanitizer report or a hang is a finding; a `ParseError` is not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParseAndNormalize(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let feed = try? FeedParser.parse(bytes, options: FeedParserOptions(documentURL: "https://fuzz.example.com/feed"))
    else { return 0 }
    let stories = StoryNormalizer.normalize(feed)
    _ = TextRenderer.render(stories)
    for story in stories { _ = try? NinjsDocument(story: story).jsonData() }
    _ = try? JSONFeedDocument(feed: feed, stories: stories).jsonData()
    return 0
}

/// libxml2 must be initialized before the first input.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
    LibXML2.initialize()
    return 0
}
