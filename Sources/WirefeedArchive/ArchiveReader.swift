// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation

/// The archived fetches of some feeds in a time range, in the order the ledger committed them (in
/// the order they were fetched where that was not noted), each verified against its hash: what
/// `wirefeed replay` drives through the pipeline.
///
/// An entry whose object is missing, does not decompress or does not hash to its name is skipped:
/// it is passed to `onDamage` and kept in ``damaged``, and the next entry follows. The index is
/// read a page at a time, so a week of fetches is never in memory at once. Reading blocks on the
/// file system: drive it from a thread of its own or a command, not from a task of a busy pool.
public struct ArchiveReader {
    public let archive: RawArchive
    public let feeds: [String]
    public let from: Date?
    public let until: Date?
    /// The entries skipped so far, in the order read.
    public private(set) var damaged: [ArchiveDamage] = []
    /// How many fetches were read and verified so far.
    public private(set) var verified = 0
    private let onDamage: @Sendable (ArchiveDamage) -> Void
    private var page: [ArchiveEntry] = []
    private var cursor: ArchiveCursor?
    private var exhausted = false
    static let pageSize = 256

    init(
        archive: RawArchive,
        feeds: [String],
        from: Date?,
        until: Date?,
        onDamage: @escaping @Sendable (ArchiveDamage) -> Void
    ) {
        self.archive = archive
        self.feeds = feeds
        self.from = from
        self.until = until
        self.onDamage = onDamage
    }

    /// The next verified fetch, or nil at the end.
    /// - Throws: ``ArchiveError`` only when the index itself cannot be read (a damaged object is
    ///   skipped, not thrown).
    public mutating func next() throws(ArchiveError) -> ArchivedFetch? {
        while true {
            if page.isEmpty {
                guard !exhausted else { return nil }
                page = try archive.entriesInReplayOrder(
                    feeds: feeds,
                    from: from,
                    until: until,
                    after: cursor,
                    limit: Self.pageSize
                )
                page.reverse()  // popped from the end
                exhausted = page.count < Self.pageSize
                if page.isEmpty { return nil }
            }
            let entry = page.removeLast()
            cursor = ArchiveCursor(after: entry)
            do {
                let fetch = try archive.read(entry)
                verified += 1
                return fetch
            } catch {
                let damage = ArchiveDamage(entry: entry, error: error)
                damaged.append(damage)
                onDamage(damage)
            }
        }
    }
}
