// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Synchronization

/// What wakes the scheduler: the time of the next due poll, a manual fetch (SIGUSR1), a reload
/// (SIGHUP), or shutdown. Requests that arrive while a cycle runs are kept, never lost, and never
/// start a second cycle beside it.
public final class Wakeup: Sendable {
    public struct Requests: Sendable, Equatable {
        public var manual = false
        public var reload = false
        public var shutdown = false
    }

    private struct State {
        var requests = Requests()
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    public init() {}

    public func requestManualFetch() { raise { $0.manual = true } }
    public func requestReload() { raise { $0.reload = true } }
    public func requestShutdown() { raise { $0.shutdown = true } }

    /// Waits until `deadline` or a request, whichever comes first, and takes the requests.
    public func wait(until deadline: ContinuousClock.Instant) async -> Requests {
        let timer = Task {
            try? await Task.sleep(until: deadline, clock: .continuous)
            self.resumeWaiter()
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = state.withLock { state -> Bool in
                if state.requests != Requests() || ContinuousClock.now >= deadline { return true }
                state.waiter = continuation
                return false
            }
            if resumeNow { continuation.resume() }
        }
        timer.cancel()
        return state.withLock { state in
            let requests = state.requests
            // Shutdown stays raised; the others are consumed.
            state.requests = Requests(shutdown: requests.shutdown)
            return requests
        }
    }

    /// Whether shutdown was asked for.
    public var isShuttingDown: Bool { state.withLock { $0.requests.shutdown } }

    private func raise(_ change: (inout Requests) -> Void) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            change(&state.requests)
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    private func resumeWaiter() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }
}

extension Wakeup.Requests {
    init(shutdown: Bool) {
        self.init()
        self.shutdown = shutdown
    }
}
