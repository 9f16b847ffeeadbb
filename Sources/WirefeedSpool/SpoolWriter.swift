// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

/// One story version as the spool stores it: `<name>.json` (ninjs) and, when the text format is
/// on, `<name>.txt`, written before the `.json` that consumers key on.
public struct SpoolFile: Sendable, Equatable {
    /// `<12-digit sequence>-<slug>-v<version>`, without extension.
    public var name: String
    public var json: [UInt8]
    public var text: [UInt8]?

    public init(name: String, json: [UInt8], text: [UInt8]?) {
        self.name = name
        self.json = json
        self.text = text
    }

    /// The file name for a story version: names sort in ingestion order and say what they hold.
    public static func name(sequence: Int64, slug: String, version: Int) -> String {
        let digits = String(sequence)
        return String(repeating: "0", count: max(0, 12 - digits.count)) + digits + "-\(slug)-v\(version)"
    }
}

/// The maildir-style spool: files are written in `tmp/`, made durable, then renamed into `new/`,
/// so that a file in `new/` is never partial.
///
/// Durability costs per batch, not per file: a batch's files are written into `tmp/`, flushed with
/// one `syncfs`, renamed, and `new/` is fsync'd once.
public struct SpoolWriter: Sendable {
    public let directory: String

    public var temporaryDirectory: String { directory + "/tmp" }
    public var newDirectory: String { directory + "/new" }

    public init(directory: String) {
        self.directory = directory
    }

    /// Creates `tmp/` and `new/` when missing.
    public func prepare() throws(SpoolError) {
        try Syscalls.makeDirectory(directory)
        try Syscalls.makeDirectory(temporaryDirectory)
        try Syscalls.makeDirectory(newDirectory)
    }

    /// Writes a batch into `tmp/` and makes it durable. On failure nothing of the batch is left.
    public func stage(_ files: [SpoolFile]) throws(SpoolError) {
        guard !files.isEmpty else { return }
        var written: [String] = []
        do {
            for file in files {
                if let text = file.text {
                    let path = temporaryDirectory + "/" + file.name + ".txt"
                    try Syscalls.createFile(path, contents: text)
                    written.append(path)
                }
                let path = temporaryDirectory + "/" + file.name + ".json"
                try Syscalls.createFile(path, contents: file.json)
                written.append(path)
            }
            try Syscalls.syncFileSystem(of: temporaryDirectory)
        } catch {
            for path in written { Syscalls.remove(path) }
            throw error
        }
    }

    /// Moves staged files into `new/` (`.txt` before `.json`) and makes the renames durable.
    /// A name whose files are already in `new/` is skipped, so that publishing is idempotent.
    public func publish(_ names: [String]) throws(SpoolError) {
        guard !names.isEmpty else { return }
        for name in names {
            for suffix in [".txt", ".json"] {
                let source = temporaryDirectory + "/" + name + suffix
                guard Syscalls.exists(source) else { continue }
                try Syscalls.rename(source, newDirectory + "/" + name + suffix)
            }
        }
        try Syscalls.syncDirectory(newDirectory)
    }

    /// After a crash: staged files the ledger recorded are published; any other file in `tmp/`
    /// belonged to a batch that never committed and is removed.
    /// - Returns: the names published.
    public func reconcile(recorded: Set<String>) throws(SpoolError) -> [String] {
        var toPublish: Set<String> = []
        for file in try Syscalls.list(temporaryDirectory) {
            let name = file.hasSuffix(".json") ? String(file.dropLast(5)) : file.hasSuffix(".txt") ? String(file.dropLast(4)) : file
            if recorded.contains(name) {
                toPublish.insert(name)
            } else {
                Syscalls.remove(temporaryDirectory + "/" + file)
            }
        }
        let names = toPublish.sorted()
        try publish(names)
        return names
    }

    /// Whether `new/<name>.json` exists.
    public func isPublished(_ name: String) -> Bool {
        Syscalls.exists(newDirectory + "/" + name + ".json")
    }

    /// The names of the stories in `new/`, in ingestion order.
    public func publishedNames() throws(SpoolError) -> [String] {
        try Syscalls.list(newDirectory).filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }
}
