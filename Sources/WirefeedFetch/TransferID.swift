// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Synchronization

/// The id of a submitted transfer, and whether its task was cancelled, whichever comes first.
final class TransferID: Sendable {
    private struct State {
        var id: UInt64?
        var cancelled = false
    }

    private let state = Mutex(State())

    /// Records the id; returns true when the task was cancelled already (so the caller cancels).
    func store(_ id: UInt64) -> Bool {
        state.withLock { state in
            state.id = id
            return state.cancelled
        }
    }

    /// Records the cancellation; returns the id when the transfer was already submitted.
    func markCancelled() -> UInt64? {
        state.withLock { state in
            state.cancelled = true
            return state.id
        }
    }
}
