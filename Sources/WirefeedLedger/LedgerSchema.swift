// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import GRDB

/// The ledger's schema, as migrations: a migration, once released, never changes.
enum LedgerSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE feeds (
                        id TEXT PRIMARY KEY,
                        url TEXT NOT NULL,
                        state BLOB NOT NULL,               -- FeedState as JSON
                        last_body_at DATETIME,             -- the last time a body was parsed
                        guid_strikes INTEGER NOT NULL DEFAULT 0,
                        guids_unreliable INTEGER NOT NULL DEFAULT 0
                    );
                    CREATE TABLE stories (
                        id INTEGER PRIMARY KEY,
                        key TEXT NOT NULL UNIQUE,          -- StoryKey as "kind:value"
                        feed_id TEXT NOT NULL,
                        slug TEXT NOT NULL UNIQUE,
                        uri TEXT NOT NULL,
                        version INTEGER NOT NULL,
                        hash TEXT NOT NULL,                -- content hash of the current version
                        first_created DATETIME NOT NULL,
                        first_seen DATETIME NOT NULL,
                        last_seen DATETIME NOT NULL,
                        spool_name TEXT NOT NULL,          -- the current version's file name
                        staged INTEGER NOT NULL DEFAULT 1  -- 1 until its files are in new/
                    );
                    CREATE INDEX stories_feed ON stories(feed_id, first_seen);
                    CREATE UNIQUE INDEX stories_spool_name ON stories(spool_name);
                    CREATE INDEX stories_staged ON stories(staged) WHERE staged = 1;
                    CREATE TABLE hashes (
                        hash TEXT PRIMARY KEY,
                        story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE
                    ) WITHOUT ROWID;
                    CREATE INDEX hashes_story ON hashes(story_id);
                    CREATE TABLE aliases (
                        key TEXT PRIMARY KEY,
                        story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
                        feed_id TEXT NOT NULL,
                        first_seen DATETIME NOT NULL
                    ) WITHOUT ROWID;
                    CREATE INDEX aliases_story ON aliases(story_id);
                    CREATE TABLE tombstones (
                        key TEXT PRIMARY KEY,
                        pruned_at DATETIME NOT NULL
                    ) WITHOUT ROWID;
                    CREATE TABLE counters (
                        name TEXT PRIMARY KEY,
                        value INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    INSERT INTO counters (name, value) VALUES ('spool_sequence', 0);
                    """
            )
        }
        migrator.registerMigration("v2") { db in
            // A staged version's files may still be under the name of the draft its poll wrote.
            // Which versions are in new/ is one watermark, every sequence up to it, instead of a
            // flag per story that cost an update per story and a transaction per batch.
            try db.execute(
                sql: """
                    ALTER TABLE stories ADD COLUMN staged_from TEXT;
                    INSERT INTO counters (name, value) VALUES ('published_sequence', COALESCE(
                        (SELECT MIN(CAST(substr(spool_name, 1, 12) AS INTEGER)) - 1 FROM stories WHERE staged = 1),
                        (SELECT value FROM counters WHERE name = 'spool_sequence')));
                    DROP INDEX stories_staged;
                    ALTER TABLE stories DROP COLUMN staged;
                    """
            )
        }
        migrator.registerMigration("v3") { db in
            // The text fingerprint of every story version, beside its content hash, and its SimHash
            // bands: a near-duplicate lookup is one indexed probe per band. Stories recorded before
            // have none and are simply never found as near-duplicates. `aliases.near` marks an
            // identity recorded through its text's fingerprint rather than its exact content hash.
            try db.execute(
                sql: """
                    CREATE TABLE fingerprints (
                        hash TEXT PRIMARY KEY REFERENCES hashes(hash) ON DELETE CASCADE,
                        story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
                        feed_id TEXT NOT NULL,
                        first_seen DATETIME NOT NULL,
                        sim_hash INTEGER NOT NULL,         -- the 64-bit SimHash, as a signed integer
                        sketch BLOB NOT NULL,              -- bottom-k shingle hashes, 8 bytes each
                        anchors BLOB NOT NULL              -- number and name hashes, 8 bytes each
                    ) WITHOUT ROWID;
                    CREATE INDEX fingerprints_story ON fingerprints(story_id);
                    CREATE TABLE fingerprint_bands (
                        band INTEGER NOT NULL,             -- band number in the top byte, band bits below
                        hash TEXT NOT NULL REFERENCES fingerprints(hash) ON DELETE CASCADE,
                        PRIMARY KEY (band, hash)
                    ) WITHOUT ROWID;
                    CREATE INDEX fingerprint_bands_hash ON fingerprint_bands(hash);
                    ALTER TABLE aliases ADD COLUMN near INTEGER NOT NULL DEFAULT 0;
                    """
            )
        }
        migrator.registerMigration("v4") { db in
            // The SimHash bands moved into memory (NearDuplicateIndex): eight band rows per version
            // made each lookup read a 256th of the window per band. Fingerprints (a kilobyte each)
            // move into a rowid table, appended in arrival order, instead of a tree keyed by a
            // random hash whose every insert splits pages and spills to overflow pages, and keep
            // the top half of each sketch and anchor hash (NearDuplicateIndex.blob); the window's
            // SimHashes load through one covering index.
            try db.execute(
                sql: """
                    DROP TABLE fingerprint_bands;
                    CREATE TABLE fingerprints_v4 (
                        id INTEGER PRIMARY KEY,
                        hash TEXT NOT NULL UNIQUE REFERENCES hashes(hash) ON DELETE CASCADE,
                        story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
                        feed_id TEXT NOT NULL,
                        first_seen DATETIME NOT NULL,
                        sim_hash INTEGER NOT NULL,         -- the 64-bit SimHash, as a signed integer
                        sketch BLOB NOT NULL,              -- bottom-k shingle hashes, top 4 bytes each
                        anchors BLOB NOT NULL              -- number and name hashes, top 4 bytes each
                    );
                    INSERT INTO fingerprints_v4 (hash, story_id, feed_id, first_seen, sim_hash, sketch, anchors)
                        SELECT hash, story_id, feed_id, first_seen, sim_hash, sketch, anchors
                        FROM fingerprints ORDER BY first_seen;
                    DROP TABLE fingerprints;
                    ALTER TABLE fingerprints_v4 RENAME TO fingerprints;
                    CREATE INDEX fingerprints_story ON fingerprints(story_id);
                    CREATE INDEX fingerprints_window ON fingerprints(first_seen, sim_hash);
                    """
            )
            let narrow = try db.makeStatement(sql: "UPDATE fingerprints SET sketch = ?, anchors = ? WHERE id = ?")
            for row in try Row.fetchAll(db, sql: "SELECT id, sketch, anchors FROM fingerprints") {
                try narrow.execute(arguments: [
                    NearDuplicateIndex.blob(fromWide: row["sketch"]), NearDuplicateIndex.blob(fromWide: row["anchors"]),
                    row["id"] as Int64,
                ])
            }
        }
        return migrator
    }
}
