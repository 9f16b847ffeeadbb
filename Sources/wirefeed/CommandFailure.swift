// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation

/// A command that could not do its work: one readable line on stderr and a sysexits code.
struct CommandFailure: Error {
    /// EX_USAGE: the command line or the configuration is wrong.
    static let usage: Int32 = 64
    /// EX_DATAERR: the input is not what it should be.
    static let badData: Int32 = 65
    /// EX_NOINPUT: an input file does not exist or cannot be read.
    static let missingInput: Int32 = 66
    /// EX_IOERR: reading or writing failed.
    static let ioError: Int32 = 74

    var exitCode: Int32
    var message: String

    func report() {
        FileHandle.standardError.write(Data("wirefeed: \(message)\n".utf8))
    }
}
