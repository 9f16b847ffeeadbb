// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import WirefeedSpool

/// `wirefeed-bench trigger`: from SIGUSR1 to the first new story file in `new/`.
///
/// Each trial rewrites one feed of the farm with a new item, sends SIGUSR1 to the daemon, and waits
/// (inotify) until that story's `.json` is in the spool.
struct TriggerBenchmark {
    var pid: Int32
    var spool: String
    var changingFeed: String
    var trials: Int

    func run() throws {
        let reader = SpoolReader(directory: spool)
        var latencies: [Double] = []
        for trial in 1...trials {
            let marker = "trigger-story-\(trial)-"
            try feed(trial).write(toFile: changingFeed, atomically: true, encoding: .utf8)
            let watch = try reader.watch()
            let start = DispatchTime.now().uptimeNanoseconds
            kill(pid, SIGUSR1)
            var found = false
            while !found {
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                if elapsed > 10_000 { break }
                // Named by the watch as they arrive, as a consumer tailing the spool sees them;
                // listing a folder of 50,000 files would measure the listing.
                let names = try watch.arrivals(milliseconds: 100) ?? reader.names()
                found = names.contains { $0.contains(marker) }
            }
            let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            guard found else {
                print("trial \(trial): no story after 10 s")
                continue
            }
            latencies.append(milliseconds)
            usleep(600_000)  // let the cycle finish: a trigger during a cycle waits for it, by design
        }
        latencies.sort()
        func percentile(_ p: Double) -> Double {
            latencies[min(latencies.count - 1, Int((Double(latencies.count) * p).rounded(.up)) - 1)]
        }
        print(
            String(
                format: "SIGUSR1 → new story in new/: %d trials, p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                latencies.count,
                percentile(0.5),
                percentile(0.99),
                latencies.last ?? 0
            )
        )
    }

    /// The feed for a trial; its size differs from every other trial's, so that a static server's
    /// ETag (mtime and size) changes even within one second.
    private func feed(_ trial: Int) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Trigger desk</title><link>http://127.0.0.1/trigger/</link>
        <item><title>Trigger story \(trial) lands</title><link>http://127.0.0.1/trigger/\(trial)</link>
        <guid isPermaLink="false">trigger-\(trial)</guid><description>Story number \(trial).</description></item>
        </channel></rss>
        <!-- \(String(repeating: "-", count: trial)) -->
        """
    }
}
