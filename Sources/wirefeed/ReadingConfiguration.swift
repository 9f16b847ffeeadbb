// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import WirefeedDaemon

extension WirefeedConfiguration {
    /// The configuration a reading command (`status`, `archive`, `replay`) starts from: the file at
    /// `path`, or the defaults with the state in ./wirefeed-state.
    /// - Throws: ``CommandFailure`` 64 for a bad file, with its path and line.
    static func forReading(path: String?) throws -> WirefeedConfiguration {
        guard let path else {
            var configuration = WirefeedConfiguration()
            configuration.stateDirectory = "wirefeed-state"
            return configuration
        }
        do {
            return try ConfigurationLoader.load(path: path)
        } catch {
            throw CommandFailure(exitCode: CommandFailure.usage, message: "\(error)")
        }
    }
}
