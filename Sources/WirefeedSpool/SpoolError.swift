// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

/// A spool operation that failed, with the system call, the path and errno.
public struct SpoolError: Error, Sendable, CustomStringConvertible, Equatable {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: String, Hashable, Sendable {
            case noSpace = "no-space"
            case readOnly = "read-only"
            case permission
            case io
        }

        private let wrapped: Wrapped

        /// ENOSPC or EDQUOT: the disk is full.
        public static let noSpace = Code(wrapped: .noSpace)
        /// EROFS: the spool is on a read-only file system.
        public static let readOnly = Code(wrapped: .readOnly)
        /// EACCES or EPERM.
        public static let permission = Code(wrapped: .permission)
        public static let io = Code(wrapped: .io)

        public var description: String { wrapped.rawValue }

        static func from(errno: Int32) -> Code {
            switch errno {
            case 28, 122: .noSpace  // ENOSPC, EDQUOT
            case 30: .readOnly  // EROFS
            case 13, 1: .permission  // EACCES, EPERM
            default: .io
            }
        }
    }

    public var code: Code
    public var systemCall: String
    public var path: String
    public var errno: Int32
    public var detail: String

    public var description: String { "\(systemCall) '\(path)' failed: \(detail) (errno \(errno))" }
}
