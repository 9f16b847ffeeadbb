// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Logging
import Synchronization
import WirefeedArchive

/// The raw archive of a running configuration: opened on first use in `<state>/archive/`, kept
/// open across cycles and reloads (like the ledger, it does not move when a reload changes
/// `state_directory`), and not filled while `archive_retention` is 0.
///
/// An archive that cannot be opened is logged and tried again on the next cycle; the polls go on
/// without it (the archive is a record, not a gate on ingest).
public final class ArchiveHandle: Sendable {
    private let opened = Mutex<RawArchive?>(nil)

    public init() {}

    /// The archive folder of a configuration.
    public static func directory(_ configuration: WirefeedConfiguration) -> String {
        configuration.stateDirectory + "/archive"
    }

    /// The archive to fill this cycle, or nil when archiving is off or the archive cannot be opened.
    public func archive(for configuration: WirefeedConfiguration, logger: Logger) -> RawArchive? {
        guard configuration.archiveRetention > .zero else { return nil }
        let directory = Self.directory(configuration)
        return opened.withLock { archive in
            if let archive { return archive }
            do {
                archive = try RawArchive(directory: directory)
            } catch {
                logger.error(
                    "the raw archive cannot be opened; bodies are not archived this cycle",
                    metadata: ["archive.path": "\(directory)", "error": "\(error)"]
                )
                archive = nil
            }
            return archive
        }
    }

    /// Prunes entries older than `archive_retention` (nothing while it is 0, or before the archive
    /// was opened); a failure is logged and retried at the next prune.
    public func prune(_ configuration: WirefeedConfiguration, now: Date, logger: Logger) {
        guard configuration.archiveRetention > .zero, let archive = opened.withLock({ $0 }) else { return }
        do {
            let pruned = try archive.prune(olderThan: now.addingTimeInterval(-configuration.archiveRetention.seconds))
            if pruned.entries > 0 || pruned.strays > 0 {
                logger.info(
                    "archive pruned",
                    metadata: [
                        "archive.pruned.entries": "\(pruned.entries)", "archive.pruned.objects": "\(pruned.objects)",
                        "archive.pruned.bytes": "\(pruned.bytes)", "archive.pruned.strays": "\(pruned.strays)",
                    ]
                )
            }
        } catch {
            logger.warning("pruning the archive failed; retried next time", metadata: ["error": "\(error)"])
        }
    }
}
