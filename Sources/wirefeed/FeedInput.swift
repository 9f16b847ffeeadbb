// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import ArgumentParser
import Foundation
import WirefeedParse

/// The options shared by the commands that read feed documents: one, or several in one process.
struct FeedInput: ParsableArguments {
    @Argument(help: "The feed documents to read, in order; - for standard input.")
    var paths: [String]

    @Option(help: "The URL the document came from: the base for relative links.")
    var baseURL: String?

    @Option(help: "The charset the transport declared (trusted after a BOM and the XML declaration).")
    var charset: String?

    @Option(help: "Refuse documents larger than this many bytes.")
    var maxSize: Int = FeedParserOptions.defaultMaximumDocumentSize

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("Name at least one feed document, or - for standard input.") }
        guard paths.filter({ $0 == "-" }).count <= 1 else {
            throw ValidationError("Standard input (-) can be read only once.")
        }
    }

    /// Parses each document in order and hands it to `body`, with its warnings already reported.
    ///
    /// One document: its failure is the command's. Several: a document that cannot be read or parsed
    /// is reported in one line and the others still go on; the command then fails with the first
    /// failure's exit code, so that nothing unread passes silently.
    func forEachFeed(_ body: (ParsedFeed) throws -> Void) throws {
        var firstFailure: CommandFailure?
        var failures = 0
        for path in paths {
            let feed: ParsedFeed
            do {
                feed = try parse(path)
            } catch let failure as CommandFailure where paths.count > 1 {
                failure.report()
                failures += 1
                firstFailure = firstFailure ?? failure
                continue
            }
            // With several documents, a warning names the one it is about.
            let source = paths.count > 1 ? "\(Self.displayName(path)): " : ""
            for warning in feed.warnings {
                FileHandle.standardError.write(Data("wirefeed: warning: \(source)\(warning)\n".utf8))
            }
            try body(feed)
        }
        if let firstFailure {
            throw CommandFailure(
                exitCode: firstFailure.exitCode,
                message: "\(failures) of \(paths.count) documents could not be read."
            )
        }
    }

    /// Reads and parses one document; errors become ``CommandFailure``s.
    private func parse(_ path: String) throws -> ParsedFeed {
        let bytes = try read(path)
        let options = FeedParserOptions(maximumDocumentSize: maxSize, documentURL: baseURL, transportCharset: charset)
        do {
            return try FeedParser.parse(bytes, options: options)
        } catch let error as ParseError {
            throw CommandFailure(exitCode: CommandFailure.badData, message: "\(Self.displayName(path)): \(error)")
        }
    }

    private static func displayName(_ path: String) -> String { path == "-" ? "standard input" : path }

    private func read(_ path: String) throws -> [UInt8] {
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CommandFailure(exitCode: CommandFailure.missingInput, message: "\(path): no such file.")
            }
            guard !isDirectory.boolValue, let opened = FileHandle(forReadingAtPath: path) else {
                throw CommandFailure(
                    exitCode: CommandFailure.missingInput,
                    message: "\(path): cannot be opened for reading."
                )
            }
            handle = opened
        }
        defer { if path != "-" { try? handle.close() } }
        do {
            // Read one byte past the cap, so that an oversized input is refused without holding it all.
            var bytes: [UInt8] = []
            while bytes.count <= maxSize,
                let chunk = try handle.read(upToCount: min(1 << 20, maxSize + 1 - bytes.count)),
                !chunk.isEmpty
            {
                bytes.append(contentsOf: chunk)
            }
            return bytes
        } catch {
            throw CommandFailure(
                exitCode: CommandFailure.ioError,
                message: "\(Self.displayName(path)): read failed: \(error.localizedDescription)"
            )
        }
    }
}
