// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import ArgumentParser
import Foundation
import WirefeedArchive
import WirefeedDaemon
import WirefeedParse

/// `wirefeed archive`: the raw bodies the daemon archived, as the publishers sent them.
struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Show and list the raw feed bodies archived in the state directory.",
        subcommands: [ArchiveShowCommand.self, ArchiveListCommand.self]
    )
}

/// Where the archive is: `--state`, else the configuration's state directory, else ./wirefeed-state.
struct ArchiveLocation: ParsableArguments {
    @Option(help: "The YAML configuration file (for its state directory).")
    var config: String?

    @Option(help: "The state directory (default: the configuration's, or ./wirefeed-state).")
    var state: String?

    /// The archive, opened for reading.
    /// - Throws: ``CommandFailure`` 64 for a bad configuration, 66 when nothing was archived, 74
    ///   when the index cannot be read.
    func open() throws -> RawArchive {
        var configuration = try WirefeedConfiguration.forReading(path: config)
        if let state { configuration.stateDirectory = state }
        return try Self.open(directory: ArchiveHandle.directory(configuration))
    }

    /// The archive in `directory`, read through a copy of its index in `indexCopy` when given, so
    /// that `directory` stays untouched.
    /// - Throws: ``CommandFailure`` 66 when nothing was archived, 74 when the index cannot be read.
    static func open(directory: String, indexCopy: String? = nil) throws -> RawArchive {
        let archive: RawArchive?
        do {
            if let indexCopy {
                archive = try RawArchive.existing(directory: directory, indexCopiedTo: indexCopy)
            } else {
                archive = try RawArchive.existing(directory: directory)
            }
        } catch {
            throw CommandFailure(exitCode: CommandFailure.ioError, message: "\(error)")
        }
        guard let archive else {
            throw CommandFailure(
                exitCode: CommandFailure.missingInput,
                message: "\(directory): no archive here (nothing fetched yet, or archive_retention is 0)."
            )
        }
        return archive
    }

    /// A time given on the command line: RFC 3339 (`2026-12-07T02:00:00Z`), a date, or Unix seconds.
    static func time(_ text: String?, option: String) throws -> Date? {
        guard let text else { return nil }
        guard let date = FeedDateParser.parse(text) else {
            throw CommandFailure(
                exitCode: CommandFailure.usage,
                message: "\(option) '\(text)' is not a time (e.g. 2026-12-07T02:00:00Z)."
            )
        }
        return date
    }
}

/// `wirefeed archive show`: one archived body with its status line and headers, like `curl -i`.
struct ArchiveShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one archived body of a feed: status line, headers, a blank line, the body.",
        discussion: """
            The body fetched last at or before --at (the newest without it), verified against its \
            SHA-256. The HTTP version is not archived: the status line reads 'HTTP 200 OK'. Exits 66 \
            when nothing of the feed is archived (at that time), 65 when the entry's object is damaged.
            """
    )

    @OptionGroup var location: ArchiveLocation

    @Option(help: "The feed id.")
    var feed: String

    @Option(help: "Show the body fetched last at or before this time (RFC 3339, a date, or Unix seconds).")
    var at: String?

    func run() throws {
        // A time in whole seconds (as `list` prints them) covers that whole second.
        let time = try ArchiveLocation.time(at, option: "--at").map { date in
            date.timeIntervalSince1970.rounded(.down) == date.timeIntervalSince1970
                ? date.addingTimeInterval(0.999_999) : date
        }
        let archive = try location.open()
        let fetch: ArchivedFetch
        do {
            guard let entry = try archive.entry(feed: feed, atOrBefore: time) else {
                let when = at.map { " at or before \($0)" } ?? ""
                throw CommandFailure(
                    exitCode: CommandFailure.missingInput,
                    message: "nothing of feed '\(feed)' is archived\(when)."
                )
            }
            fetch = try archive.read(entry)
        } catch let failure as CommandFailure {
            throw failure
        } catch let error as ArchiveError where error.code == .damaged {
            throw CommandFailure(exitCode: CommandFailure.badData, message: "damaged archive entry: \(error)")
        } catch {
            throw CommandFailure(exitCode: CommandFailure.ioError, message: "\(error)")
        }
        var head = "HTTP \(fetch.entry.status) \(Self.reason(fetch.entry.status))\n"
        for header in fetch.entry.headers { head += "\(header.name): \(header.value)\n" }
        head += "\n"
        var output = Data(head.utf8)
        output.append(contentsOf: fetch.body)
        try StandardOutput.write(output)
    }

    /// The reason phrase of the statuses a parsed body comes with.
    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 203: "Non-Authoritative Information"
        case 206: "Partial Content"
        case 226: "IM Used"
        default: ""
        }
    }
}

/// `wirefeed archive list`: one line per archived fetch, in fetch order.
struct ArchiveListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List archived fetches in fetch order, one line each.",
        discussion: """
            Each line: fetch time, feed id, HTTP status, body bytes, stored bytes, object, URL. \
            Exits 66 when nothing (of the feed) is archived.
            """
    )

    @OptionGroup var location: ArchiveLocation

    @Option(help: "Only this feed id (repeatable).")
    var feed: [String] = []

    @Option(help: "Only fetches at or after this time.")
    var since: String?

    @Option(help: "Only fetches at or before this time.")
    var until: String?

    func run() throws {
        let from = try ArchiveLocation.time(since, option: "--since")
        let to = try ArchiveLocation.time(until, option: "--until")
        let archive = try location.open()
        var cursor: ArchiveCursor?
        var listed = 0
        do {
            while true {
                let page = try archive.entries(feeds: feed, from: from, until: to, after: cursor, limit: 1024)
                guard let last = page.last else { break }
                var text = ""
                for entry in page {
                    text +=
                        "\(RawArchive.rfc3339(entry.fetchedAt)) \(entry.feedID) \(entry.status) \(entry.size)B \(entry.storedSize)B \(entry.objectName) \(entry.url)\n"
                }
                try StandardOutput.write(Data(text.utf8))
                listed += page.count
                cursor = ArchiveCursor(after: last)
            }
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(exitCode: CommandFailure.ioError, message: "\(error)")
        }
        if listed == 0 {
            let which = feed.isEmpty ? "" : " of feed '\(feed.joined(separator: "', '"))'"
            throw CommandFailure(exitCode: CommandFailure.missingInput, message: "nothing\(which) is archived.")
        }
    }
}
