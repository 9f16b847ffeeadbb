// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Logging
import WirefeedDaemon
import WirefeedLedger
import WirefeedModel
import WirefeedSpool

/// What `fetch` and `replay` ingest into: the configured state's ledger, its feeds' saved states,
/// and a pipeline over the configured spool, reconciled with what a crash may have left.
struct IngestTarget {
    let ledger: Ledger
    let pipeline: StoryPipeline
    let states: [String: FeedState]

    /// - Throws: ``CommandFailure`` 74 when the ledger or the spool cannot be opened or reconciled.
    init(configuration: WirefeedConfiguration, logger: Logger) throws {
        do {
            ledger = try Ledger(directory: configuration.stateDirectory)
            ledger.nearDuplicateWindow = configuration.nearDuplicateWindow.seconds
            states = try ledger.feedStates()
            pipeline = StoryPipeline(
                ledger: ledger,
                spool: SpoolWriter(directory: configuration.spoolDirectory),
                writesText: configuration.outputFormats.contains("txt"),
                logger: logger
            )
            try pipeline.reconcile()
        } catch {
            throw CommandFailure(exitCode: CommandFailure.ioError, message: "\(error)")
        }
    }
}
