// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation

/// One response header, as archived.
public struct ArchiveHeader: Sendable, Equatable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A fetched body to archive, with what the poller knew about it.
public struct ArchiveInput: Sendable {
    public var feedID: String
    /// The URL the body came from (after redirects); its userinfo is removed before it is stored.
    public var url: String
    /// When the poll that fetched it ran: the time the pipeline stamped its stories with.
    public var fetchedAt: Date
    public var status: Int
    /// The response headers, in order; cookies and credentials are dropped before they are stored.
    public var headers: [ArchiveHeader]
    /// The body as parsed (after any content encoding was undone).
    public var body: [UInt8]
    /// The body's SHA-256 in hex, when the caller has computed it already; else the archive does.
    public var bodyHash: String?

    public init(
        feedID: String,
        url: String,
        fetchedAt: Date,
        status: Int,
        headers: [ArchiveHeader],
        body: [UInt8],
        bodyHash: String? = nil
    ) {
        self.feedID = feedID
        self.url = url
        self.fetchedAt = fetchedAt
        self.status = status
        self.headers = headers
        self.body = body
        self.bodyHash = bodyHash
    }
}

/// One archived fetch, as the index lists it (without its body).
public struct ArchiveEntry: Sendable, Equatable {
    /// The order of archiving; ties of ``fetchedAt`` are broken by it.
    public var sequence: Int64
    public var feedID: String
    /// The URL, userinfo and secret-looking query values removed.
    public var url: String
    public var fetchedAt: Date
    public var status: Int
    /// The response headers, cookies and credentials removed.
    public var headers: [ArchiveHeader]
    /// SHA-256 of the body, in hex: the object's name.
    public var hash: String
    /// The body's size, and its object's size on disk.
    public var size: Int
    public var storedSize: Int
    /// Where the ledger committed this fetch's stories among all archived fetches (see
    /// ``RawArchive/noteCommitted(_:)``); nil when that was not noted.
    public var committed: Int64? = nil

    /// The object's path inside the archive folder: `objects/ab/abcd….zst`.
    public var objectName: String { RawArchive.objectName(hash) }
}

/// An archived fetch with its body, verified against its hash.
public struct ArchivedFetch: Sendable, Equatable {
    public var entry: ArchiveEntry
    public var body: [UInt8]

    /// The last value of a header, by case-insensitive name.
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return entry.headers.last { $0.name.lowercased() == lowered }?.value
    }
}

/// An entry whose object is missing, does not decompress, or does not hash to its name.
public struct ArchiveDamage: Sendable, Equatable, CustomStringConvertible {
    public var entry: ArchiveEntry
    public var error: ArchiveError

    public var description: String {
        "\(entry.objectName) (feed \(entry.feedID), fetched \(RawArchive.rfc3339(entry.fetchedAt))): \(error.message)"
    }
}

/// What a prune removed.
public struct ArchivePruneResult: Sendable, Equatable {
    /// Index entries older than the cut-off.
    public var entries: Int
    /// Objects no remaining entry referred to, and the bytes their files took.
    public var objects: Int
    public var bytes: Int
    /// Object files no index row named (an interrupted store's), removed once an hour old.
    public var strays: Int
}

/// The archive's totals.
public struct ArchiveStatistics: Sendable, Equatable {
    public var entries: Int
    public var objects: Int
    /// The bodies' bytes, each object counted once, and their objects' bytes on disk.
    public var bytes: Int
    public var storedBytes: Int
}
