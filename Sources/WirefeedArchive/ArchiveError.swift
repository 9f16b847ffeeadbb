// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

/// An archive operation that failed, or an archived object that is not what its name says.
public struct ArchiveError: Error, Sendable, CustomStringConvertible, Equatable {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: String, Hashable, Sendable {
            case io
            case damaged
            case index
        }

        private let wrapped: Wrapped

        /// Reading or writing a file failed (errno in the message).
        public static let io = Code(wrapped: .io)
        /// An object is missing, does not decompress, or does not hash to its name.
        public static let damaged = Code(wrapped: .damaged)
        /// The SQLite index could not be opened, read or written.
        public static let index = Code(wrapped: .index)

        public var description: String { wrapped.rawValue }
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
