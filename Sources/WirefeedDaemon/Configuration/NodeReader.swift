// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Yams

/// Typed reads of YAML nodes, each failure a ``ConfigError`` at the node's line.
struct NodeReader {
    struct Key {
        var string: String
        var node: Node
    }

    let file: String

    static func line(_ node: Node) -> Int? {
        node.mark.map { $0.line }
    }

    func error(_ node: Node, _ message: String) -> ConfigError {
        ConfigError(file: file, line: Self.line(node), message: message)
    }

    func mapping(_ node: Node, _ what: String) throws -> [(key: Key, value: Node)] {
        guard case .mapping(let mapping) = node else {
            throw error(node, "\(what) must be a mapping of keys to values")
        }
        return try mapping.map { pair in
            guard case .scalar(let scalar) = pair.key else { throw error(pair.key, "keys must be plain words") }
            return (Key(string: scalar.string, node: pair.key), pair.value)
        }
    }

    func sequence(_ node: Node, _ what: String) throws -> [Node] {
        guard case .sequence(let sequence) = node else { throw error(node, "\(what) must be a list") }
        return Array(sequence)
    }

    func string(_ node: Node, _ what: String) throws -> String {
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
            throw error(node, "\(what) must be a non-empty text")
        }
        return scalar.string
    }

    func url(_ node: Node, _ what: String) throws -> String {
        let text = try string(node, what)
        if let problem = FeedURLCheck.problem(text, credentialKeys: "user: and password_file: (or token_file:)") {
            throw error(node, problem)
        }
        return text
    }

    func identifier(_ node: Node, _ what: String) throws -> String {
        let text = try string(node, what)
        guard FeedSource.isValidID(text) else {
            throw error(node, "feed id '\(text)' may hold only letters, digits, '-', '_' and '.'")
        }
        return text
    }

    func positiveDuration(_ node: Node, _ what: String) throws -> Duration {
        let value = try duration(node, what)
        guard value > .zero else { throw error(node, "\(what) must be longer than zero") }
        return value
    }

    func duration(_ node: Node, _ what: String) throws -> Duration {
        let text = try string(node, what)
        switch ConfigValueParsing.parseDuration(text) {
        case .success(let value): return value
        case .failure(.outOfRange):
            throw error(node, "\(what): '\(text)' is out of range (at most \(ConfigValueParsing.durationBound))")
        case .failure:
            throw error(node, "\(what): '\(text)' is not a duration (e.g. 90s, 5m, 2h, 1d)")
        }
    }

    func size(_ node: Node, _ what: String) throws -> Int {
        let text = try string(node, what)
        switch ConfigValueParsing.parseSize(text) {
        case .success(let value): return value
        case .failure(.outOfRange):
            throw error(node, "\(what): '\(text)' is out of range (at most \(ConfigValueParsing.sizeBound))")
        case .failure:
            throw error(node, "\(what): '\(text)' is not a size (e.g. 16MiB, 512KB, 1000)")
        }
    }

    /// A whole number in `1...maximum`: every such key sizes something (connections, redirects,
    /// polls), so each has a bound that keeps the arithmetic on it safe.
    func positiveInteger(_ node: Node, _ what: String, maximum: Int) throws -> Int {
        let text = try string(node, what)
        guard let value = Int(text), (1...maximum).contains(value) else {
            throw error(node, "\(what) must be a whole number from 1 to \(maximum)")
        }
        return value
    }

    func boolean(_ node: Node, _ what: String) throws -> Bool {
        switch try string(node, what).lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error(node, "\(what) must be true or false")
        }
    }

    func double(_ node: Node, _ what: String) throws -> Double {
        let text = try string(node, what)
        guard let value = Double(text.hasSuffix("%") ? String(text.dropLast()) : text) else {
            throw error(node, "\(what): '\(text)' is not a number")
        }
        return text.hasSuffix("%") ? value / 100 : value
    }
}
