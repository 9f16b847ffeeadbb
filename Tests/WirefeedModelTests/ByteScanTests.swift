// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Testing
import WirefeedModel
import WirefeedTesting

/// The word-at-a-time scan finds exactly the byte a byte-by-byte scan finds.
struct ByteScanTests {
    static func naive(_ bytes: [UInt8], from start: Int, below limit: UInt8, _ targets: [UInt8]) -> Int {
        bytes.indices.dropFirst(start).first { bytes[$0] < limit || targets.contains(bytes[$0]) } ?? bytes.count
    }

    @Test func findsTheFirstByteBelowTheLimitOrEqualToATarget() {
        let text = Array("Ministers said \"no\" on Monday\\n".utf8)
        text.withUnsafeBufferPointer { bytes in
            #expect(bytes.firstIndex(from: 0, below: 0x20, orEqualTo: 0x22, 0x5C, 0x22, 0x5C) == 15)
            #expect(bytes.firstIndex(from: 16, below: 0x20, orEqualTo: 0x22, 0x5C, 0x22, 0x5C) == 18)
            #expect(bytes.firstIndex(from: 19, below: 0x20, orEqualTo: 0x22, 0x5C, 0x22, 0x5C) == 29)
            #expect(bytes.firstIndex(from: 0, below: 0, orEqualTo: 0x26, 0x26, 0x26, 0x26) == bytes.count)
        }
    }

    @Test func agreesWithAByteByByteScanOnRandomBytes() {
        var random = SeededRandom(seed: 11)
        // Bytes around every edge: controls, the targets, ASCII, and UTF-8 lead and continuation bytes.
        let alphabet: [UInt8] = [
            0x00, 0x09, 0x0A, 0x1F, 0x20, 0x21, 0x22, 0x26, 0x3C, 0x3E, 0x5C, 0x61, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC2,
            0xE2, 0xEF, 0xFF,
        ]
        for _ in 0..<5_000 {
            let count = Int.random(in: 0...40, using: &random)
            let bytes = (0..<count).map { _ in
                Int.random(in: 0..<4, using: &random) == 0
                    ? alphabet.randomElement(using: &random)! : UInt8.random(in: 0x61...0x7A, using: &random)
            }
            let limit = [0, 0x09, 0x20, 0x80].randomElement(using: &random)! as UInt8
            let targets = (0..<4).map { _ in alphabet.randomElement(using: &random)! }
            let start = Int.random(in: 0...count, using: &random)
            let found = bytes.withUnsafeBufferPointer {
                $0.firstIndex(from: start, below: limit, orEqualTo: targets[0], targets[1], targets[2], targets[3])
            }
            #expect(
                found == Self.naive(bytes, from: start, below: limit, targets),
                "\(bytes) from \(start), below \(limit), \(targets)"
            )
        }
    }
}
