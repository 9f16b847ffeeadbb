// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

extension Sequence where Element == UInt8 {
    /// The bytes as lowercase hexadecimal (a digest's usual spelling).
    ///
    /// Inlinable, so that it is specialized for the caller's sequence (a digest is iterated without
    /// a call per byte): it runs for every story, several times.
    @inlinable
    public var hexString: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            bytes.append(Self.hexDigit(byte >> 4))
            bytes.append(Self.hexDigit(byte & 0x0F))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @inlinable
    static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") &+ nibble : UInt8(ascii: "a") &+ nibble &- 10
    }
}
