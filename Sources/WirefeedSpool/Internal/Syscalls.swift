// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

internal import CSpoolShims
import Glibc

/// The spool's system calls: each retries EINTR and turns errno into a ``SpoolError`` that names
/// the call and the path.
enum Syscalls {
    static func error(_ call: String, _ path: String, _ code: Int32 = errno) -> SpoolError {
        SpoolError(
            code: .from(errno: code),
            systemCall: call,
            path: path,
            errno: code,
            detail: String(cString: strerror(code))
        )
    }

    static func retrying<T: BinaryInteger>(_ body: () -> T) -> T {
        while true {
            let result = body()
            if result == -1 && errno == EINTR { continue }
            return result
        }
    }

    /// Creates `path` (which must not exist; with `replacing`, an existing file is truncated) and
    /// writes all of `bytes` to it; with `sync`, also makes the contents durable (fdatasync) before
    /// closing it.
    static func createFile(
        _ path: String,
        contents bytes: [UInt8],
        sync: Bool = false,
        replacing: Bool = false
    ) throws(SpoolError) {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (replacing ? O_TRUNC : O_EXCL)
        let descriptor = retrying { open(path, flags, 0o640) }
        guard descriptor >= 0 else { throw error("open", path) }
        var written = 0
        let failure: SpoolError? = bytes.withUnsafeBytes { buffer -> SpoolError? in
            while written < buffer.count {
                let count = retrying { write(descriptor, buffer.baseAddress! + written, buffer.count - written) }
                guard count > 0 else { return error("write", path) }
                written += count
            }
            if sync && retrying({ fdatasync(descriptor) }) != 0 { return error("fdatasync", path) }
            return nil
        }
        if close(descriptor) != 0, failure == nil {
            throw error("close", path)
        }
        if let failure {
            unlink(path)
            throw failure
        }
    }

    /// Flushes every dirty page of the file system holding `directory`: one call makes a whole
    /// batch of new files durable. The corresponding C function is `syncfs`.
    static func syncFileSystem(of directory: String) throws(SpoolError) {
        let descriptor = retrying { open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard descriptor >= 0 else { throw error("open", directory) }
        defer { close(descriptor) }
        guard retrying({ wirefeed_syncfs(descriptor) }) == 0 else { throw error("syncfs", directory) }
    }

    /// Makes a file's contents durable; a missing file is not an error (returns false).
    static func syncFileIfPresent(_ path: String) throws(SpoolError) -> Bool {
        let descriptor = retrying { open(path, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else {
            if errno == ENOENT { return false }
            throw error("open", path)
        }
        defer { close(descriptor) }
        guard retrying({ fdatasync(descriptor) }) == 0 else { throw error("fdatasync", path) }
        return true
    }

    /// Makes a directory's entries (renames into it) durable.
    static func syncDirectory(_ directory: String) throws(SpoolError) {
        let descriptor = retrying { open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard descriptor >= 0 else { throw error("open", directory) }
        defer { close(descriptor) }
        guard retrying({ fsync(descriptor) }) == 0 else { throw error("fsync", directory) }
    }

    /// Renames a file that may be missing; returns whether it was there.
    static func renameIfPresent(_ from: String, _ to: String) throws(SpoolError) -> Bool {
        if retrying({ Glibc.rename(from, to) }) == 0 { return true }
        let code = errno
        // ENOENT names the source only when the source is indeed missing (not the target's folder).
        if code == ENOENT && !exists(from) { return false }
        throw error("rename", from, code)
    }

    /// Removes a file; a missing file is not an error.
    static func remove(_ path: String) {
        _ = unlink(path)
    }

    /// Creates a directory unless it exists (a hardened service may see EPERM or EROFS from
    /// mkdir on a folder that is there already).
    static func makeDirectory(_ path: String) throws(SpoolError) {
        var information = stat()
        if stat(path, &information) == 0 && (information.st_mode & S_IFMT) == S_IFDIR { return }
        if mkdir(path, 0o775) != 0 && errno != EEXIST { throw error("mkdir", path) }
    }

    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// An inotify watch on `directory` for files arriving in it.
    static func watch(_ directory: String) throws(SpoolError) -> Int32 {
        let descriptor = wirefeed_watch_directory(directory)
        guard descriptor >= 0 else { throw error("inotify_add_watch", directory) }
        return descriptor
    }

    /// The names that arrived in a watched directory within the time: `[]` on timeout, nil when
    /// events were lost and the caller must list the directory.
    static func arrivals(_ descriptor: Int32, timeoutMilliseconds: Int32) -> [String]? {
        var buffer = [CChar](repeating: 0, count: 64 * 1024)
        let used = buffer.withUnsafeMutableBufferPointer {
            wirefeed_read_arrivals(descriptor, timeoutMilliseconds, $0.baseAddress!, UInt($0.count))
        }
        if used == 0 { return [] }
        if used < 0 { return nil }
        return buffer[..<Int(used)].split(separator: 0).map {
            String(decoding: $0.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    static func closeDescriptor(_ descriptor: Int32) {
        close(descriptor)
    }

    /// The names in a directory, unsorted.
    static func list(_ directory: String) throws(SpoolError) -> [String] {
        guard let handle = opendir(directory) else { throw error("opendir", directory) }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
