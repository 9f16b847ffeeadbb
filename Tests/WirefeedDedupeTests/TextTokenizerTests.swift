// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Testing

@testable import WirefeedDedupe

/// The word hashes read straight from common text's UTF-8 and the tokenizer's character-wise
/// reading of any text are one rule.
struct TextTokenizerTests {
    @Test func textOfWholeCharacterScalarsReadsFromUTF8AsTheTokenizerReadsIt() {
        let pieces = [
            "Oil", "settles", "AT", "$81.20", "2-1", "1,234.5", "don't", "rock`n", "U.S.", "Fed's", "-", ".", "!",
            "?", ",", ":", "/", " ", "  ", "\r\n", "\n", "\t", "3:30", "a/b", "x'", "'y", "(AP)", "--", "9/11", "A",
            "Zürich", "ÉCOLE", "café", "½", "²", "–", "“", "”", "’", "Straße", "ǅemal", "Øre", "…", "•", "İstanbul",
            "ŉ", "¼",
        ]
        var random = UInt64(0x853C_49E6_748F_EA9B)
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<(Int(random % 12) + 1) {
                random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(random >> 33) % pieces.count]
                if random & 1 == 0 { text += " " }
            }
            var read = TextWords()
            let readFromUTF8 = read.append(text)
            #expect(readFromUTF8, "\(text.debugDescription)")
            let tokens = TextTokenizer.tokens(of: text)
            #expect(
                (0..<read.count).map { Array(read.word($0)) } == tokens.map { Array($0.text.utf8) },
                "\(text.debugDescription)"
            )
            #expect(read.anchors == tokens.filter(\.isAnchor).map { TextWords.hash($0.text.utf8) })
        }
    }

    @Test func combiningMarksAndIdeographsAreLeftToTheCharacterWiseReading() {
        for (text, words) in [("Cafe\u{301} noir", ["cafe\u{301}", "noir"]), ("東京 market", ["東", "京", "market"])] {
            var read = TextWords()
            let readFromUTF8 = read.append(text)
            #expect(!readFromUTF8, "\(text)")
            #expect((0..<read.count).map { Array(read.word($0)) } == words.map { Array($0.utf8) })
        }
    }
}
