// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

extension Sequence where Element == UInt8 {
    /// The bytes as lowercase hexadecimal (a digest's usual spelling).
    public var hexString: String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
