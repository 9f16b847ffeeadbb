// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

// The archive's only unsafe corner: libzstd and the system calls of an atomic write. Everything
// else in WirefeedArchive is safe Swift (deploy/check-c-boundary.sh checks it).

internal import CZstd
import Glibc

/// zstd frames, one per archived body: a plain `.zst` file that `zstd -d` reads by hand.
enum Zstd {
    /// The level of every frame: zstd's default, well within the archive's size target at a
    /// fraction of the higher levels' cost (docs/benchmarks.md, "The archive's zstd level").
    static let level: Int32 = 3

    /// One frame of `bytes`, with the content size and a content checksum in its header and trailer.
    /// - Throws: ``ArchiveError`` when libzstd fails (it does not for valid input and memory).
    static func compress(_ bytes: [UInt8]) throws(ArchiveError) -> [UInt8] {
        guard let context = ZSTD_createCCtx() else { throw ArchiveError(.io, "zstd: out of memory") }
        defer { ZSTD_freeCCtx(context) }
        for (parameter, value) in [(ZSTD_c_compressionLevel, level), (ZSTD_c_checksumFlag, 1)] {
            let code = ZSTD_CCtx_setParameter(context, parameter, value)
            if ZSTD_isError(code) != 0 { throw ArchiveError(.io, "zstd: \(errorName(code))") }
        }
        var output = [UInt8](repeating: 0, count: ZSTD_compressBound(bytes.count))
        let capacity = output.count
        let written = output.withUnsafeMutableBytes { destination in
            bytes.withUnsafeBytes { source in
                ZSTD_compress2(context, destination.baseAddress, capacity, source.baseAddress, source.count)
            }
        }
        if ZSTD_isError(written) != 0 { throw ArchiveError(.io, "zstd: \(errorName(written))") }
        output.removeSubrange(written...)
        return output
    }

    /// The content of one frame, which must hold exactly `expectedSize` bytes.
    /// - Throws: ``ArchiveError/Code/damaged`` for a truncated, corrupt or wrong-sized frame.
    static func decompress(_ frame: [UInt8], expectedSize: Int) throws(ArchiveError) -> [UInt8] {
        let declared = frame.withUnsafeBytes { ZSTD_getFrameContentSize($0.baseAddress, $0.count) }
        // ZSTD_CONTENTSIZE_UNKNOWN and ZSTD_CONTENTSIZE_ERROR are the two largest values.
        guard declared < UInt64.max - 1 else { throw ArchiveError(.damaged, "not a zstd frame with a content size") }
        guard declared == UInt64(expectedSize) else {
            throw ArchiveError(.damaged, "the frame holds \(declared) bytes, the index says \(expectedSize)")
        }
        // One byte more than expected, so that a frame that says less than it holds is caught too.
        var output = [UInt8](repeating: 0, count: expectedSize + 1)
        let capacity = output.count
        let produced = output.withUnsafeMutableBytes { destination in
            frame.withUnsafeBytes { source in
                ZSTD_decompress(destination.baseAddress, capacity, source.baseAddress, source.count)
            }
        }
        if ZSTD_isError(produced) != 0 { throw ArchiveError(.damaged, "zstd: \(errorName(produced))") }
        guard produced == expectedSize else {
            throw ArchiveError(.damaged, "decompressed to \(produced) bytes, expected \(expectedSize)")
        }
        output.removeLast()
        return output
    }

    /// libzstd's version, for `wirefeed --version`-like reports.
    static var version: String { String(cString: ZSTD_versionString()) }

    private static func errorName(_ code: Int) -> String { String(cString: ZSTD_getErrorName(code)) }
}

/// The system calls of an atomic file write: a unique temporary file, `write`, `fsync`, `rename`,
/// and an `fsync` of the folder that now names the file. Each retries `EINTR`.
enum AtomicFile {
    /// Writes `bytes` to `path` so that the file is either absent or complete, even after a crash.
    /// - Parameter temporary: a path in the same file system as `path`, which must not exist.
    static func write(_ bytes: [UInt8], to path: String, through temporary: String) throws(ArchiveError) {
        let descriptor = retrying { open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644) }
        guard descriptor >= 0 else { throw failure("open", temporary) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                retrying { Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written) }
            }
            guard count > 0 else {
                let error = failure("write", temporary)
                close(descriptor)
                unlink(temporary)
                throw error
            }
            written += count
        }
        guard retrying({ fsync(descriptor) }) == 0 else {
            let error = failure("fsync", temporary)
            close(descriptor)
            unlink(temporary)
            throw error
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let error = failure("rename", path)
            unlink(temporary)
            throw error
        }
        try syncDirectory(containing: path)
    }

    /// `fsync` of the folder that holds `path`, so that a new name in it survives a power cut.
    static func syncDirectory(containing path: String) throws(ArchiveError) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        try syncDirectory(directory.isEmpty ? "/" : directory)
    }

    static func syncDirectory(_ directory: String) throws(ArchiveError) {
        let descriptor = retrying { open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard descriptor >= 0 else { throw failure("open", directory) }
        defer { close(descriptor) }
        guard retrying({ fsync(descriptor) }) == 0 else { throw failure("fsync", directory) }
    }

    private static func retrying<T: FixedWidthInteger>(_ call: () -> T) -> T {
        while true {
            let result = call()
            if result < 0 && errno == EINTR { continue }
            return result
        }
    }

    private static func failure(_ call: String, _ path: String) -> ArchiveError {
        ArchiveError(.io, "\(call) \(path): \(String(cString: strerror(errno)))")
    }
}
