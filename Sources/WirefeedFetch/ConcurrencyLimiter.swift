// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Synchronization

/// Admits at most `total` transfers at once, and at most `perHost` to any one host, first come
/// first served; waiters are resumed as slots free up.
final class ConcurrencyLimiter: Sendable {
    private struct Waiter {
        var host: String
        var continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var running = 0
        var perHost: [String: Int] = [:]
        var waiters: [Waiter] = []
    }

    private let total: Int
    private let perHost: Int
    private let state = Mutex(State())

    init(total: Int, perHost: Int) {
        self.total = max(1, total)
        self.perHost = max(1, perHost)
    }

    func acquire(host: String) async throws {
        try Task.checkCancellation()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let admitted = state.withLock { state -> Bool in
                if state.running < total, state.perHost[host, default: 0] < perHost {
                    state.running += 1
                    state.perHost[host, default: 0] += 1
                    return true
                }
                state.waiters.append(Waiter(host: host, continuation: continuation))
                return false
            }
            if admitted { continuation.resume() }
        }
    }

    func release(host: String) {
        let admitted = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.running -= 1
            state.perHost[host, default: 1] -= 1
            if state.perHost[host] == 0 { state.perHost[host] = nil }
            var admitted: [CheckedContinuation<Void, Never>] = []
            var index = 0
            while index < state.waiters.count, state.running < total {
                let waiter = state.waiters[index]
                if state.perHost[waiter.host, default: 0] < perHost {
                    state.running += 1
                    state.perHost[waiter.host, default: 0] += 1
                    admitted.append(waiter.continuation)
                    state.waiters.remove(at: index)
                } else {
                    index += 1
                }
            }
            return admitted
        }
        for continuation in admitted { continuation.resume() }
    }
}
