// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Synchronization
import WirefeedNormalize
import WirefeedParse

/// `wirefeed-bench parse`: parse and normalize throughput over a generated corpus of wire feeds,
/// beside the raw libxml2 streaming limit (`xmllint --stream --noout`) over the same bytes.
struct ParseBenchmark {
    var megabytes: Int
    var directory: URL

    func run() throws {
        let files = try prepareCorpus()
        let documents = try files.map { [UInt8](try Data(contentsOf: $0)) }
        let totalBytes = documents.reduce(0) { $0 + $1.count }
        let megabytesRead = Double(totalBytes) / 1_048_576
        print(String(format: "corpus: %d feeds, %.1f MB in %@", files.count, megabytesRead, directory.path))

        // Warm up, then measure parse alone and parse + normalize.
        _ = try FeedParser.parse(documents[0])
        var items = 0
        let rssBefore = ResourceUsage.residentBytes()
        var rssAtHalf = 0
        let parseSeconds = try ResourceUsage.time {
            for (index, document) in documents.enumerated() {
                items += try FeedParser.parse(document).items.count
                if index == documents.count / 2 { rssAtHalf = ResourceUsage.residentBytes() }
            }
        }
        let rssAfterParse = ResourceUsage.residentBytes()
        var stories = 0
        let normalizeSeconds = try ResourceUsage.time {
            for document in documents {
                stories += StoryNormalizer.normalize(try FeedParser.parse(document)).count
            }
        }
        let xmllintSeconds = try timeXMLLint(files)
        report("parse", seconds: parseSeconds, megabytes: megabytesRead, items: items)
        report("parse+normalize", seconds: normalizeSeconds, megabytes: megabytesRead, items: stories)
        report("xmllint --stream --noout", seconds: xmllintSeconds, megabytes: megabytesRead, items: nil)
        print(String(format: "parse speed / xmllint speed: %.2f", xmllintSeconds / parseSeconds))
        print(String(format: "parse+normalize speed / xmllint speed: %.2f", xmllintSeconds / normalizeSeconds))
        print(
            String(
                format:
                    "resident memory: %.1f MB before, %.1f MB half way, %.1f MB after parsing (the %.1f MB of input held in memory included)",
                Double(rssBefore) / 1_048_576,
                Double(rssAtHalf) / 1_048_576,
                Double(rssAfterParse) / 1_048_576,
                megabytesRead
            )
        )
        print(String(format: "peak resident memory: %.1f MB", Double(ResourceUsage.peakResidentBytes()) / 1_048_576))
    }

    /// Parses and normalizes every file of `directory` once (the bytes a fetch cycle would see),
    /// on all cores, and prints the time: the parse share of the fetch benchmark.
    static func timeDirectory(_ directory: URL) throws {
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "xml" }.sorted { $0.path < $1.path }
        let documents = try files.map { [UInt8](try Data(contentsOf: $0)) }
        let bytes = documents.reduce(0) { $0 + $1.count }
        let workers = ProcessInfo.processInfo.activeProcessorCount
        let stories = Mutex(0)
        let seconds = ResourceUsage.time {
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var count = 0
                for index in stride(from: worker, to: documents.count, by: workers) {
                    if let feed = try? FeedParser.parse(documents[index]) {
                        count += StoryNormalizer.normalize(feed).count
                    }
                }
                stories.withLock { $0 += count }
            }
        }
        print(
            String(
                format: "parse+normalize of %d files, %.1f MB, %d stories on %d cores: %.3f s (%.1f MB/s)",
                files.count,
                Double(bytes) / 1_048_576,
                stories.withLock { $0 },
                workers,
                seconds,
                Double(bytes) / 1_048_576 / seconds
            )
        )
    }

    private func report(_ name: String, seconds: Double, megabytes: Double, items: Int?) {
        var line = String(format: "%@: %.3f s, %.1f MB/s", name, seconds, megabytes / seconds)
        if let items { line += String(format: ", %d items, %.0f items/s", items, Double(items) / seconds) }
        print(line)
    }

    /// Writes the corpus once; later runs reuse it.
    private func prepareCorpus() throws -> [URL] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var corpus = WireFeedCorpus()
        var files: [URL] = []
        var written = 0
        var index = 0
        while written < megabytes * 1_048_576 {
            let file = directory.appendingPathComponent(String(format: "feed-%04d.xml", index))
            let feed = corpus.feed(index)  // always generated, so that the sequence stays deterministic
            if let size = (try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? Int,
                size == feed.utf8.count
            {
                written += size
            } else {
                try Data(feed.utf8).write(to: file)
                written += feed.utf8.count
            }
            files.append(file)
            index += 1
        }
        return files
    }

    private func timeXMLLint(_ files: [URL]) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xmllint", "--stream", "--noout"] + files.map(\.path)
        process.standardOutput = FileHandle.nullDevice
        return try ResourceUsage.time {
            try process.run()
            process.waitUntilExit()
        }
    }
}
