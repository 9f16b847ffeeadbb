// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import GRDB

/// The archive index's schema, as migrations (a migration, once released, never changes), and the
/// mapping of its rows.
enum ArchiveSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE objects (
                        hash TEXT PRIMARY KEY,             -- SHA-256 of the body, hex: the file's name
                        size INTEGER NOT NULL,             -- the body's bytes
                        stored_size INTEGER NOT NULL       -- the zstd frame's bytes
                    ) WITHOUT ROWID;
                    CREATE TABLE fetches (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,  -- archiving order, the tie-break
                        feed_id TEXT NOT NULL,
                        url TEXT NOT NULL,                 -- userinfo and secret query values removed
                        fetched_at REAL NOT NULL,          -- seconds since 2001-01-01Z: the Date, exactly
                        status INTEGER NOT NULL,
                        headers TEXT NOT NULL,             -- "Name: value" lines, secrets removed
                        hash TEXT NOT NULL REFERENCES objects(hash)
                    );
                    CREATE INDEX fetches_feed_time ON fetches(feed_id, fetched_at, seq);
                    CREATE INDEX fetches_time ON fetches(fetched_at, seq);
                    CREATE INDEX fetches_hash ON fetches(hash);
                    """
            )
        }
        migrator.registerMigration("v2") { db in
            // The order the ledger committed each fetch's stories in: what replay follows. NULL for
            // fetches archived before it was noted, or whose batch was never committed.
            try db.execute(
                sql: """
                    ALTER TABLE fetches ADD COLUMN committed INTEGER;
                    CREATE UNIQUE INDEX fetches_committed ON fetches(committed) WHERE committed IS NOT NULL;
                    """
            )
        }
        return migrator
    }

    /// The `SELECT` of entries; `withCommitted` false for an index the `v2` migration has not reached.
    static func entrySelect(withCommitted: Bool) -> String {
        """
        SELECT fetches.seq, fetches.feed_id, fetches.url, fetches.fetched_at, fetches.status, fetches.headers,
            fetches.hash, objects.size, objects.stored_size, \(withCommitted ? "fetches.committed" : "NULL")
        FROM fetches JOIN objects ON objects.hash = fetches.hash
        """
    }

    static func entry(_ row: Row) -> ArchiveEntry {
        ArchiveEntry(
            sequence: row[0],
            feedID: row[1],
            url: row[2],
            fetchedAt: Date(timeIntervalSinceReferenceDate: row[3]),
            status: row[4],
            headers: decode(row[5]),
            hash: row[6],
            size: row[7],
            storedSize: row[8],
            committed: row[9]
        )
    }

    /// Headers as `Name: value` lines (a header line holds no line break).
    static func encode(_ headers: [ArchiveHeader]) -> String {
        headers.map { "\($0.name): \($0.value)\n" }.joined()
    }

    static func decode(_ text: String) -> [ArchiveHeader] {
        text.split(separator: "\n").compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            var value = line[line.index(after: colon)...]
            if value.first == " " { value = value.dropFirst() }
            return ArchiveHeader(name: String(line[..<colon]), value: String(value))
        }
    }
}
