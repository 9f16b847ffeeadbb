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
        var nextAction = 0
        /// What runs once shutdown is asked for (a cycle's cancellation).
        var shutdownActions: [Int: @Sendable () -> Void] = [:]
    }

    private let state = Mutex(State())
    private let clock: any Clock<Duration>

    /// - Parameter clock: what `wait(for:)` measures its time on.
    public init(clock: any Clock<Duration> = ContinuousClock()) {
        self.clock = clock
    }

    public func requestManualFetch() { raise { $0.manual = true } }
    public func requestReload() { raise { $0.reload = true } }
    public func requestShutdown() { raise { $0.shutdown = true } }

    /// Waits for `duration` on the clock or a request, whichever comes first, and takes the
    /// requests.
    public func wait(for duration: Duration) async -> Requests {
        let clock = clock
        let timer = Task {
            guard (try? await clock.sleep(for: duration)) != nil else { return }
            self.resumeWaiter()
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = state.withLock { state -> Bool in
                if state.requests != Requests() || duration <= .zero { return true }
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

    /// Runs `action` when shutdown is asked for (at once if it already was), unless it is
    /// removed first with ``removeShutdownAction(_:)``.
    /// - Returns: the action's id.
    @discardableResult
    public func whenShuttingDown(_ action: @escaping @Sendable () -> Void) -> Int {
        let (id, now) = state.withLock { state -> (Int, Bool) in
            defer { state.nextAction += 1 }
            if state.requests.shutdown { return (state.nextAction, true) }
            state.shutdownActions[state.nextAction] = action
            return (state.nextAction, false)
        }
        if now { action() }
        return id
    }

    public func removeShutdownAction(_ id: Int) {
        _ = state.withLock { $0.shutdownActions.removeValue(forKey: id) }
    }

    private func raise(_ change: (inout Requests) -> Void) {
        let (waiter, actions) = state.withLock { state -> (CheckedContinuation<Void, Never>?, [@Sendable () -> Void]) in
            change(&state.requests)
            defer { state.waiter = nil }
            var actions: [@Sendable () -> Void] = []
            if state.requests.shutdown {
                actions = Array(state.shutdownActions.values)
                state.shutdownActions = [:]
            }
            return (state.waiter, actions)
        }
        waiter?.resume()
        for action in actions { action() }
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
