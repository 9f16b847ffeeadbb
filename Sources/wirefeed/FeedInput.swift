// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import ArgumentParser
import Foundation
import WirefeedParse

/// The options shared by the commands that read one feed document.
struct FeedInput: ParsableArguments {
    @Argument(help: "The feed document to read, or - for standard input.")
    var path: String

    @Option(help: "The URL the document came from: the base for relative links.")
    var baseURL: String?

    @Option(help: "The charset the transport declared (trusted after a BOM and the XML declaration).")
    var charset: String?

    @Option(help: "Refuse documents larger than this many bytes.")
    var maxSize: Int = FeedParserOptions.defaultMaximumDocumentSize

    /// Reads and parses the document; errors become ``CommandFailure``s.
    func parse() throws -> ParsedFeed {
        let bytes = try read()
        let options = FeedParserOptions(maximumDocumentSize: maxSize, documentURL: baseURL, transportCharset: charset)
        do {
            return try FeedParser.parse(bytes, options: options)
        } catch let error as ParseError {
            throw CommandFailure(exitCode: CommandFailure.badData, message: "\(displayName): \(error)")
        }
    }

    private var displayName: String { path == "-" ? "standard input" : path }

    private func read() throws -> [UInt8] {
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
                message: "\(displayName): read failed: \(error.localizedDescription)"
            )
        }
    }
}
