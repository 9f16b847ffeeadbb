// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import WirefeedParse

/// The benchmarks, run from a release build: `make bench-parse`, or
/// `swift run -c release wirefeed-bench parse [MEGABYTES] [DIRECTORY]`.
@main
enum WirefeedBench {
    static func usage() -> Never {
        FileHandle.standardError.write(
            Data(
                """
                usage: wirefeed-bench parse [MEGABYTES] [DIRECTORY]   parse throughput beside xmllint --stream
                       wirefeed-bench farm COUNT DIRECTORY            write a farm of COUNT feeds (~100 KB, 50 items)
                       wirefeed-bench parse-dir DIRECTORY             parse + normalize every file of a directory
                       wirefeed-bench trigger PID SPOOL FEED-FILE [N] SIGUSR1 → new story latency over N triggers
                       wirefeed-bench ledger [STORIES] [DIRECTORY]   the ledger's commits alone, cold then repeats
                       wirefeed-bench archive SOURCE [DIRECTORY]      the raw archive alone: store, store again, verify

                """.utf8
            )
        )
        exit(64)
    }

    static func main() throws {
        LibXML2.initialize()
        let arguments = CommandLine.arguments.dropFirst()
        switch arguments.first {
        case "parse":
            let megabytes = arguments.dropFirst().first.flatMap { Int($0) } ?? 60
            let directory =
                arguments.dropFirst(2).first.map { URL(fileURLWithPath: $0) }
                ?? URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("wirefeed-bench-corpus")
            try ParseBenchmark(megabytes: megabytes, directory: directory).run()
        case "farm":
            guard let count = arguments.dropFirst().first.flatMap({ Int($0) }),
                let directory = arguments.dropFirst(2).first
            else {
                usage()
            }
            try FeedFarm(count: count, directory: URL(fileURLWithPath: directory)).write()
        case "trigger":
            let rest = Array(arguments.dropFirst())
            guard rest.count >= 3, let pid = Int32(rest[0]) else { usage() }
            try TriggerBenchmark(
                pid: pid,
                spool: rest[1],
                changingFeed: rest[2],
                trials: rest.count > 3 ? Int(rest[3]) ?? 100 : 100
            ).run()
        case "ledger":
            let stories = arguments.dropFirst().first.flatMap { Int($0) } ?? 100_000
            let directory =
                arguments.dropFirst(2).first.map { URL(fileURLWithPath: $0) }
                ?? URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("wirefeed-bench-ledger")
            try LedgerBenchmark(stories: stories, directory: directory).run()
        case "archive":
            guard let source = arguments.dropFirst().first else { usage() }
            let directory =
                arguments.dropFirst(2).first.map { URL(fileURLWithPath: $0) }
                ?? URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("wirefeed-bench-archive")
            try ArchiveBenchmark(source: URL(fileURLWithPath: source), directory: directory).run()
        case "parse-dir":
            guard let directory = arguments.dropFirst().first else { usage() }
            try ParseBenchmark.timeDirectory(URL(fileURLWithPath: directory))
        default:
            usage()
        }
    }
}
