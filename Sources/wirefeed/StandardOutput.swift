// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation

/// Writing to standard output, with a closed pipe reported as an I/O failure (exit 74).
enum StandardOutput {
    static func write(_ data: Data) throws {
        do {
            try FileHandle.standardOutput.write(contentsOf: data)
        } catch {
            throw CommandFailure(
                exitCode: CommandFailure.ioError,
                message: "standard output: write failed: \(error.localizedDescription)"
            )
        }
    }
}
