// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

/// Why a document could not be read as a feed.
public struct ParseError: Error, Sendable, CustomStringConvertible, Equatable {
    /// A bounded set of reasons, usable as a metric label.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: String, Hashable, Sendable {
            case tooLarge = "too-large"
            case empty
            case notXML = "not-xml"
            case notAFeed = "not-a-feed"
            case malformed
            case tooDeep = "too-deep"
        }

        private let wrapped: Wrapped

        /// The document is larger than the configured cap.
        public static let tooLarge = Code(wrapped: .tooLarge)
        /// The document holds no bytes (or only white space).
        public static let empty = Code(wrapped: .empty)
        /// The bytes are not XML at all (JSON, binary, plain text).
        public static let notXML = Code(wrapped: .notXML)
        /// Well-formed enough, but not RSS or Atom (an HTML page, an OPML outline).
        public static let notAFeed = Code(wrapped: .notAFeed)
        /// XML too broken to recover even the feed's root.
        public static let malformed = Code(wrapped: .malformed)
        /// Nesting deeper than any feed needs (a hostile document).
        public static let tooDeep = Code(wrapped: .tooDeep)

        public var description: String { wrapped.rawValue }
    }

    public var code: Code
    /// One sentence naming the reason, with the line where libxml2 gave one.
    public var message: String
    /// The line of the input the problem was found on, when known.
    public var line: Int?

    public init(code: Code, message: String, line: Int? = nil) {
        self.code = code
        self.message = message
        self.line = line
    }

    public var description: String {
        if let line { return "\(message) (line \(line))" }
        return message
    }
}
