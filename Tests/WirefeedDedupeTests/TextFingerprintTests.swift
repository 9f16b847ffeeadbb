// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Testing

@testable import WirefeedDedupe

/// The near-duplicate fingerprint, and its precision and recall on the labelled set of pairs.
struct TextFingerprintTests {
    static func fingerprint(_ text: LabelledText) -> TextFingerprint {
        TextFingerprint(headline: text.headline, paragraphs: text.paragraphs)
    }

    @Test func wirePrefixesQuotesAndSpacingDoNotChangeTheFingerprint() {
        let plain = TextFingerprint(headline: "Rates held at 4%", paragraphs: ["The bank's \"pause\" continues."])
        for headline in [
            "UPDATE 1-Rates held at 4%", "CORRECTED-Rates  held at 4%", "REFILE-UPDATE 2-Rates held at 4%",
        ] {
            let variant = TextFingerprint(headline: headline, paragraphs: ["The  bank’s “pause” continues."])
            #expect(variant == plain, "\(headline)")
        }
    }

    @Test func aChangedFigureIsNotANearCopy() {
        let first = TextFingerprint(
            headline: "Oil settles at $81.20",
            paragraphs: ["Brent crude rose in London trading."]
        )
        let second = TextFingerprint(
            headline: "Oil settles at $81.90",
            paragraphs: ["Brent crude rose in London trading."]
        )
        #expect(!NearDuplicateRule.standard.matches(first, second))
    }

    @Test func theIndexFindsWhatTheRuleAcceptsWithinTheDistance() {
        var index = FingerprintIndex<Int>(rule: .standard)
        let pairs = NearDuplicateLabelledSet.pairs
        for (number, pair) in pairs.enumerated() { index.insert(Self.fingerprint(pair.first), for: number) }
        for (number, pair) in pairs.enumerated() {
            let probe = Self.fingerprint(pair.second)
            let accepted = NearDuplicateRule.standard.matches(Self.fingerprint(pair.first), probe)
            #expect(index.matches(of: probe).contains(number) == accepted, "\(pair.name)")
        }
    }

    @Test func theSimHashHasTheBitsMostShinglesHave() {
        var random = UInt64(0x2545_F491_4F6C_DD1D)
        for count in [0, 1, 2, 3, 254, 255, 256, 1000] {
            var hashes: [UInt64] = []
            for _ in 0..<count {
                random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                hashes.append(random)
            }
            var expected: UInt64 = 0
            for bit in 0..<64 where 2 * hashes.filter({ $0 >> UInt64(bit) & 1 == 1 }).count > count {
                expected |= 1 << UInt64(bit)
            }
            #expect(TextFingerprint.majorityBits(of: hashes) == expected, "\(count) hashes")
        }
    }

    @Test func bandsOfHashesWithinTheDistanceShareAKey() {
        var random = UInt64(0x9E37_79B9_7F4A_7C15)
        for _ in 0..<500 {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            var flipped = random
            for shift in stride(from: 0, to: 56, by: 8) { flipped ^= 1 << ((random >> UInt64(shift)) % 64) }
            let shared = Set(FingerprintBands.keys(of: random, maxDistance: 7))
                .intersection(FingerprintBands.keys(of: flipped, maxDistance: 7))
            #expect(!shared.isEmpty)
        }
    }

    /// Precision must be 1.0 (no distinct pair collapses); recall has a floor.
    @Test func labelledSetPrecisionAndRecall() {
        let rule = NearDuplicateRule.standard
        var truePositives = 0
        var falsePositives: [String] = []
        var missed: [String] = []
        let pairs = NearDuplicateLabelledSet.pairs
        for pair in pairs {
            let first = Self.fingerprint(pair.first)
            let second = Self.fingerprint(pair.second)
            let matched = rule.matches(first, second)
            let detail =
                "\(pair.name) (distance \(first.hammingDistance(to: second)), jaccard \(String(format: "%.2f", first.jaccard(with: second))), anchors nest \(first.anchorsNest(with: second)))"
            if matched != pair.isNearCopy { print("misjudged: \(detail)") }
            if matched && pair.isNearCopy { truePositives += 1 }
            if matched && !pair.isNearCopy { falsePositives.append(detail) }
            if !matched && pair.isNearCopy { missed.append(detail) }
        }
        let nearCopies = pairs.filter(\.isNearCopy).count
        let recall = Double(truePositives) / Double(nearCopies)
        print(
            "near-duplicate labelled set: \(pairs.count) pairs, \(nearCopies) near-copies, recall \(recall), false positives \(falsePositives.count)"
        )
        #expect(falsePositives.isEmpty, "\(falsePositives)")
        #expect(recall >= 0.6, "\(missed)")
    }
}
