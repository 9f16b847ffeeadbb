// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import WirefeedModel

/// One story version as the spool stores it: `<name>.json` (ninjs) and, when the text format is
/// on, `<name>.txt`, written before the `.json` that consumers key on.
public struct SpoolFile: Sendable, Equatable {
    /// `<12-digit sequence>-<slug>-v<version>` (``SpoolName``), without extension.
    public var name: String
    public var json: [UInt8]
    public var text: [UInt8]?

    public init(name: String, json: [UInt8], text: [UInt8]?) {
        self.name = name
        self.json = json
        self.text = text
    }
}

/// A staged story version to move into `new/`: its files are `tmp/<source>.txt` and
/// `tmp/<source>.json` (a draft's name, or the final name itself), renamed to `new/<name>.…`.
public struct SpoolMove: Sendable, Equatable, Hashable {
    public var name: String
    public var source: String

    public init(name: String, source: String? = nil) {
        self.name = name
        self.source = source ?? name
    }
}

/// The maildir-style spool: files are written in `tmp/`, made durable, then renamed into `new/`,
/// so that a file in `new/` is never partial.
///
/// Durability costs per batch, not per file: a batch's files are written into `tmp/`, flushed with
/// one `syncfs` (a small batch: file by file), renamed, and `new/` is fsync'd once.
public struct SpoolWriter: Sendable {
    public let directory: String
    /// `<directory>/tmp`, and below `/` (built once: every file's path starts with it).
    public let temporaryDirectory: String
    private let temporaryPrefix: String
    /// `<directory>/new`, and below `/`.
    public let newDirectory: String
    private let newPrefix: String
    private let spareDrafts: SpareDrafts

    /// - Parameter spareDraftCapacity: discarded drafts kept to be overwritten (``SpareDrafts``).
    public init(directory: String, spareDraftCapacity: Int = 4096) {
        self.directory = directory
        temporaryDirectory = directory + "/tmp"
        temporaryPrefix = temporaryDirectory + "/"
        newDirectory = directory + "/new"
        newPrefix = newDirectory + "/"
        self.spareDrafts = SpareDrafts(capacity: spareDraftCapacity)
    }

    /// Creates `tmp/` (with its draft folders) and `new/` when missing.
    public func prepare() throws(SpoolError) {
        try Syscalls.makeDirectory(directory)
        try Syscalls.makeDirectory(temporaryDirectory)
        for folder in DraftName.folders {
            try Syscalls.makeDirectory(temporaryPrefix + folder)
        }
        try Syscalls.makeDirectory(newDirectory)
    }

    /// Writes a story version's files into a draft folder of `tmp/` under a draft name
    /// (`drafts-<n>/draft-…`, relative to `tmp/`), not yet durable: the poll that rendered it
    /// writes it, on any core, and the batch that publishes it makes it durable with the rest
    /// (``stage(_:drafts:)``). A discarded draft's files are overwritten when there is one
    /// (``SpareDrafts``), else new ones are created. On failure nothing is left behind.
    /// - Returns: the draft name, for ``publish(_:)-swift.method`` as a ``SpoolMove/source``.
    public func writeDraft(json: [UInt8], text: [UInt8]?) throws(SpoolError) -> String {
        let spare = spareDrafts.take()
        let name = spare ?? DraftName.next()
        let reusing = spare != nil
        let textPath = temporaryPrefix + name + ".txt"
        do {
            if let text {
                try Syscalls.createFile(textPath, contents: text, replacing: reusing)
            } else if reusing {
                Syscalls.remove(textPath)  // the spare's text, if it had one
            }
            try Syscalls.createFile(temporaryPrefix + name + ".json", contents: json, replacing: reusing)
        } catch {
            Syscalls.remove(textPath)
            Syscalls.remove(temporaryPrefix + name + ".json")
            throw error
        }
        return name
    }

    /// Sets aside drafts that no batch publishes (their story turned out to be a repeat, or a
    /// batch failed): the next drafts overwrite them, and those beyond the pool's capacity are
    /// removed.
    public func discardDrafts(_ names: [String]) {
        for name in names where !spareDrafts.keep(name) {
            remove(draft: name)
        }
    }

    /// Removes the discarded drafts kept for re-use: call it when a run of work is done (the end
    /// of a fetch, of a daemon's cycle).
    public func removeSpareDrafts() {
        for name in spareDrafts.takeAll() {
            remove(draft: name)
        }
    }

    /// How many discarded drafts wait to be overwritten.
    public var spareDraftCount: Int { spareDrafts.count }

    private func remove(draft name: String) {
        Syscalls.remove(temporaryPrefix + name + ".txt")
        Syscalls.remove(temporaryPrefix + name + ".json")
    }

    /// Up to this many files, a batch is made durable file by file (fdatasync each, then `tmp/`);
    /// above it, with one `syncfs`. A small batch — a manual fetch's news — then never waits for
    /// whatever else is dirty on the file system, and a large one costs one call.
    public static let fileSyncLimit = 16

    /// Writes a batch into `tmp/` and makes it durable, with the drafts its polls wrote there
    /// already. On failure nothing of the batch's own files is left.
    public func stage(_ files: [SpoolFile], drafts: [String] = []) throws(SpoolError) {
        let fileCount = files.reduce(0) { $0 + ($1.text == nil ? 1 : 2) } + drafts.count * 2
        guard fileCount > 0 else { return }
        let fileByFile = fileCount <= Self.fileSyncLimit
        var written: [String] = []
        do {
            for file in files {
                if let text = file.text {
                    let path = temporaryPrefix + file.name + ".txt"
                    try Syscalls.createFile(path, contents: text, sync: fileByFile)
                    written.append(path)
                }
                let path = temporaryPrefix + file.name + ".json"
                try Syscalls.createFile(path, contents: file.json, sync: fileByFile)
                written.append(path)
            }
            if fileByFile {
                for draft in drafts {
                    _ = try Syscalls.syncFileIfPresent(temporaryPrefix + draft + ".txt")
                    _ = try Syscalls.syncFileIfPresent(temporaryPrefix + draft + ".json")
                }
                try Syscalls.syncDirectory(temporaryDirectory)
                for folder in Set(drafts.compactMap(DraftName.folder(of:))) {
                    try Syscalls.syncDirectory(temporaryPrefix + folder)
                }
            } else {
                try Syscalls.syncFileSystem(of: temporaryDirectory)
            }
        } catch {
            for path in written { Syscalls.remove(path) }
            throw error
        }
    }

    /// A version's files in the order they move into `new/`: consumers key on the `.json`.
    private static let publishOrder = [".txt", ".json"]

    /// Moves staged files into `new/` (`.txt` before `.json`) and makes the renames durable.
    /// A name whose files are already in `new/` is skipped, so that publishing is idempotent.
    public func publish(_ names: [String]) throws(SpoolError) {
        try publish(names.map { SpoolMove(name: $0) })
    }

    /// Moves staged files, drafts or not, into `new/` under their names (`.txt` before `.json`) and
    /// makes the renames durable. Files already moved are skipped: publishing is idempotent.
    public func publish(_ moves: [SpoolMove]) throws(SpoolError) {
        guard !moves.isEmpty else { return }
        for move in moves {
            for suffix in Self.publishOrder {
                _ = try Syscalls.renameIfPresent(temporaryPrefix + move.source + suffix, newPrefix + move.name + suffix)
            }
        }
        try Syscalls.syncDirectory(newDirectory)
    }

    /// After a crash: staged files the ledger recorded are published; any other file in `tmp/`
    /// belonged to a batch that never committed (or was a draft no batch used) and is removed.
    /// - Returns: the names published.
    public func reconcile(recorded: Set<String>) throws(SpoolError) -> [String] {
        try reconcile(recorded: recorded.map { SpoolMove(name: $0) })
    }

    /// ``reconcile(recorded:)-(Set<String>)`` for staged versions that may still be under a
    /// draft's name.
    public func reconcile(recorded: [SpoolMove]) throws(SpoolError) -> [String] {
        let bySource = Dictionary(recorded.map { ($0.source, $0) }, uniquingKeysWith: { first, _ in first })
        var toPublish: Set<SpoolMove> = []
        let draftFolders = Set(DraftName.folders)
        var files: [String] = []
        for entry in try Syscalls.list(temporaryDirectory) {
            if draftFolders.contains(entry) {
                files += try Syscalls.list(temporaryPrefix + entry).map { entry + "/" + $0 }
            } else {
                files.append(entry)
            }
        }
        for file in files {
            let name =
                file.hasSuffix(".json")
                ? String(file.dropLast(5)) : file.hasSuffix(".txt") ? String(file.dropLast(4)) : file
            if let move = bySource[name] {
                toPublish.insert(move)
            } else {
                Syscalls.remove(temporaryPrefix + file)
            }
        }
        let moves = toPublish.sorted { $0.name < $1.name }
        try publish(moves)
        return moves.map(\.name)
    }

    /// Whether `new/<name>.json` exists.
    public func isPublished(_ name: String) -> Bool {
        Syscalls.exists(newPrefix + name + ".json")
    }
}
