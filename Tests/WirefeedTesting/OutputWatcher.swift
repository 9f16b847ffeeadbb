// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Synchronization

/// Collects what a child process writes to a pipe and lets a test wait for a line to appear:
/// an event to wait on instead of a sleep. The timeout is only the bound of a failing test.
public final class OutputWatcher: Sendable {
    public let pipe = Pipe()

    private struct State {
        var text = ""
        var waiters: [(id: Int, text: String, count: Int, continuation: CheckedContinuation<Bool, Never>)] = []
        var nextID = 0
    }

    private let state = Mutex(State())

    public init() {
        pipe.fileHandleForReading.readabilityHandler = { [self] handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil }
            let due = state.withLock { state -> [CheckedContinuation<Bool, Never>] in
                state.text += String(decoding: data, as: UTF8.self)
                let text = state.text
                let due = state.waiters.filter { Self.occurrences(of: $0.text, in: text) >= $0.count }
                state.waiters.removeAll { Self.occurrences(of: $0.text, in: text) >= $0.count }
                return due.map(\.continuation)
            }
            for waiter in due { waiter.resume(returning: true) }
        }
    }

    /// Everything read so far.
    public var text: String { state.withLock { $0.text } }

    /// Waits until `text` has appeared `count` times, or `timeout` has passed.
    /// - Returns: whether it appeared.
    public func waitFor(_ text: String, count: Int = 1, timeout: Duration = .seconds(30)) async -> Bool {
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        let bound = Task { [self] in
            try? await Task.sleep(for: timeout)
            let waiter = state.withLock { state -> CheckedContinuation<Bool, Never>? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index).continuation
            }
            waiter?.resume(returning: false)
        }
        defer { bound.cancel() }
        return await withCheckedContinuation { continuation in
            let now = state.withLock { state -> Bool in
                if Self.occurrences(of: text, in: state.text) >= count { return true }
                state.waiters.append((id, text, count, continuation))
                return false
            }
            if now { continuation.resume(returning: true) }
        }
    }

    private static func occurrences(of needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }
}
