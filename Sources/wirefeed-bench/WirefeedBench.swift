// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import WirefeedParse

/// The benchmarks, run from a release build: `make bench-parse`, or
/// `swift run -c release wirefeed-bench parse [MEGABYTES] [DIRECTORY]`.
@main
enum WirefeedBench {
    static func main() throws {
        LibXML2.initialize()
        let arguments = CommandLine.arguments.dropFirst()
        switch arguments.first {
        case "parse":
            let megabytes = arguments.dropFirst().first.flatMap { Int($0) } ?? 60
            let directory = arguments.dropFirst(2).first.map { URL(fileURLWithPath: $0) }
                ?? URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("wirefeed-bench-corpus")
            try ParseBenchmark(megabytes: megabytes, directory: directory).run()
        default:
            FileHandle.standardError.write(Data("usage: wirefeed-bench parse [MEGABYTES] [DIRECTORY]\n".utf8))
            exit(64)
        }
    }
}
