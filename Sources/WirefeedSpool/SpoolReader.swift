// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

/// Reads the stories in a spool's `new/`, in ingestion order, and waits for more: what
/// `wirefeed tail` and downstream consumers need. Only `.json` files count: they are renamed into
/// `new/` last, whole.
public struct SpoolReader: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public var newDirectory: String { directory + "/new" }

    /// The story names (without extension) after `name`, in order.
    public func names(after name: String? = nil) throws(SpoolError) -> [String] {
        let names = try Syscalls.list(newDirectory).filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }
            .sorted()
        guard let name else { return names }
        return names.filter { $0 > name }
    }

    /// Watches `new/` with inotify; call ``SpoolWatch/arrivals(milliseconds:)`` to block until
    /// stories arrive and learn their names.
    public func watch() throws(SpoolError) -> SpoolWatch {
        SpoolWatch(descriptor: try Syscalls.watch(newDirectory))
    }
}

/// An inotify watch on a spool's `new/`.
public final class SpoolWatch {
    private let descriptor: Int32

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        Syscalls.closeDescriptor(descriptor)
    }

    /// Blocks until stories arrive in `new/` or the time is up, and names them (in arrival order,
    /// without extension; only `.json` files count): no listing of a folder that may hold a
    /// million files. `[]` when the time is up; nil when the kernel dropped events, and the caller
    /// must list the folder (``SpoolReader/names(after:)``).
    public func arrivals(milliseconds: Int32) -> [String]? {
        Syscalls.arrivals(descriptor, timeoutMilliseconds: milliseconds)?
            .filter { $0.hasSuffix(".json") }
            .map { String($0.dropLast(5)) }
    }
}
