// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import ArgumentParser
import Foundation
import WirefeedDaemon
import WirefeedSpool

/// `wirefeed tail`: the stories in the spool, in order; with `--follow`, the new ones as they arrive.
struct TailCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case txt
        case json
        case path
    }

    static let configuration = CommandConfiguration(
        commandName: "tail",
        abstract: "Print the stories in the spool in order; with --follow, wait for new ones (like tail -f).",
        discussion: "Safe to run while wirefeed writes: a story appears only once its files are whole in new/."
    )

    @Option(help: "The spool directory (default: the configuration's, or ./wirefeed-spool).")
    var spool: String?

    @Option(help: "The YAML configuration file, for its spool directory.")
    var config: String?

    @Flag(name: [.short, .long], help: "Keep waiting for new stories.")
    var follow = false

    @Option(help: "Start after this file name (with or without extension).")
    var since: String?

    @Option(
        help:
            "txt: the text rendering, stories separated by form feeds; json: one ninjs object per line; path: the .json paths."
    )
    var format: Format = .txt

    func run() throws {
        let directory = try spoolDirectory()
        let reader = SpoolReader(directory: directory)
        guard FileManager.default.fileExists(atPath: reader.newDirectory) else {
            throw CommandFailure(
                exitCode: CommandFailure.missingInput,
                message: "\(reader.newDirectory): no such spool folder."
            )
        }
        var last = since.map {
            $0.hasSuffix(".json") ? String($0.dropLast(5)) : $0.hasSuffix(".txt") ? String($0.dropLast(4)) : $0
        }
        let watch = follow ? try reader.watch() : nil
        var first = true
        // The folder is listed once (and again only if the kernel drops events); then the watch
        // names what arrives, so that following a spool of a million files costs nothing per story.
        var arrived: [String]?
        repeat {
            var names: [String]
            if let arrived {
                names = arrived.filter { last == nil || $0 > last! }.sorted()
            } else {
                do {
                    names = try reader.names(after: last)
                } catch {
                    throw CommandFailure(exitCode: CommandFailure.ioError, message: "\(error)")
                }
            }
            for name in names {
                try emit(name, directory: reader.newDirectory, first: first)
                first = false
                last = name
            }
            if let watch {
                // Until something arrives; nil (events lost) lists the folder again.
                repeat { arrived = watch.arrivals(milliseconds: 1000) } while arrived == []
            }
        } while follow
    }

    private func spoolDirectory() throws -> String {
        if let spool { return spool }
        if let config {
            do {
                return try ConfigurationLoader.load(path: config).spoolDirectory
            } catch {
                throw CommandFailure(exitCode: CommandFailure.usage, message: "\(error)")
            }
        }
        return "wirefeed-spool"
    }

    private func emit(_ name: String, directory: String, first: Bool) throws {
        let json = directory + "/" + name + ".json"
        var output: String
        switch format {
        // A spool written by an older version may hold controls and bidi overrides from a feed:
        // they are shown escaped, never written to the terminal raw.
        case .path:
            output = TerminalText.escaped(json, keepingNewlines: false) + "\n"
        case .json:
            output = TerminalText.escapedForJSON((try? String(contentsOfFile: json, encoding: .utf8)) ?? "")
            if !output.hasSuffix("\n") { output += "\n" }
        case .txt:
            let text =
                (try? String(contentsOfFile: directory + "/" + name + ".txt", encoding: .utf8))
                ?? Self.textFromNinjs(json)
            output = (first ? "" : "\u{0C}\n") + TerminalText.escaped(text)
        }
        do {
            try FileHandle.standardOutput.write(contentsOf: Data(output.utf8))
        } catch {
            throw ExitCode.success  // the reader went away (a closed pipe): nothing more to do
        }
    }

    /// The text rendering rebuilt from a ninjs file, when the spool holds no `.txt`.
    static func textFromNinjs(_ path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return "" }
        let headline = ((object["headlines"] as? [[String: Any]])?.first?["value"] as? String) ?? ""
        let slug = object["slugline"] as? String ?? ""
        let body =
            (object["bodies"] as? [[String: Any]])?.first { $0["contenttype"] as? String == "text/plain" }?["value"]
            as? String ?? ""
        return [headline, "", slug].joined(separator: "\n") + (body.isEmpty ? "" : "\n\n" + body) + "\n"
    }
}
