// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation

/// A farm of wire feeds for the fetch benchmark: `feed-NNNNN.xml` files of about 100 KB and 50
/// items each, deterministic, written once (a file of the right size is kept).
struct FeedFarm {
    var count: Int
    var directory: URL

    func write() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var corpus = WireFeedCorpus(seed: 0xFA53, paragraphs: 3..<8)
        var bytes = 0
        for index in 0..<count {
            let feed = Data(corpus.feed(index).utf8)
            let file = directory.appendingPathComponent(String(format: "feed-%05d.xml", index))
            if (try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? Int != feed.count {
                try feed.write(to: file)
            }
            bytes += feed.count
        }
        print(String(format: "farm: %d feeds, %.1f MB in %@", count, Double(bytes) / 1_048_576, directory.path))
    }
}
