// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Logging
import WirefeedLedger
import WirefeedSpool

@testable import WirefeedDaemon

extension StoryPipeline {
    /// A pipeline over `ledger` and a spool in `spoolDirectory`, text files included, reconciled
    /// as the daemon reconciles it before the first poll.
    static func reconciled(ledger: Ledger, spoolDirectory: String, logger: Logger) throws -> StoryPipeline {
        let pipeline = StoryPipeline(
            ledger: ledger,
            spool: SpoolWriter(directory: spoolDirectory),
            writesText: true,
            logger: logger
        )
        try pipeline.reconcile()
        return pipeline
    }
}
