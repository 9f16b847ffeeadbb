// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation

/// The value forms the configuration files use: durations (`90s`, `5m`, `2h`, `1d`, `250ms`, or
/// plain seconds) and sizes (`16MiB`, `512KB`, or plain bytes).
///
/// Numbers are decimal (`1.5h`, `2e3s`), never negative, and bounded before any conversion:
/// durations up to ``maximumDuration``, sizes up to ``maximumSize``. So no value a file can hold
/// reaches an arithmetic trap, here or downstream (the scheduler multiplies intervals).
public enum ConfigValueParsing {
    /// The longest duration any key accepts: one year.
    public static let maximumDuration: Duration = .seconds(365 * 86400)
    /// The largest size any key accepts: 1 GiB.
    public static let maximumSize = 1 << 30

    /// Why a value was refused.
    public enum Failure: Error, Equatable {
        /// Not a number with a known unit.
        case malformed
        /// A number, but past the bound (which the message names).
        case outOfRange
    }

    public static func duration(_ text: String) -> Duration? {
        try? parseDuration(text).get()
    }

    public static func size(_ text: String) -> Int? {
        try? parseSize(text).get()
    }

    /// A duration, or why not.
    public static func parseDuration(_ text: String) -> Result<Duration, Failure> {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400)]
        let limit = maximumDuration.seconds
        switch scaled(text, units: units, limit: limit) {
        case .failure(let failure): return .failure(failure)
        case .success(let seconds): return .success(.milliseconds(Int64((seconds * 1000).rounded())))
        }
    }

    /// A size in bytes, or why not.
    public static func parseSize(_ text: String) -> Result<Int, Failure> {
        let units: [(String, Double)] = [
            ("kib", 1024), ("mib", 1024 * 1024), ("gib", 1024 * 1024 * 1024), ("kb", 1000), ("mb", 1_000_000),
            ("gb", 1_000_000_000), ("k", 1024), ("m", 1024 * 1024), ("b", 1),
        ]
        switch scaled(text, units: units, limit: Double(maximumSize)) {
        case .failure(let failure): return .failure(failure)
        case .success(let bytes): return .success(Int(bytes.rounded()))
        }
    }

    /// `number unit`, the number times the unit's scale, within `0...limit`. The first unit whose
    /// suffix matches wins (so list `ms` before `m` and `s`); no unit means a scale of 1.
    private static func scaled(_ text: String, units: [(String, Double)], limit: Double) -> Result<Double, Failure> {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        var number = Substring(trimmed)
        var scale = 1.0
        for (suffix, unitScale) in units where trimmed.hasSuffix(suffix) {
            number = trimmed.dropLast(suffix.count)
            scale = unitScale
            break
        }
        number = Substring(number.trimmingCharacters(in: .whitespaces))
        guard isDecimal(number), let value = Double(number) else { return .failure(.malformed) }
        // Compared as Doubles, before any conversion to an integer type: `1e30` is out of range, not a trap.
        guard value.isFinite, value * scale <= limit else { return .failure(.outOfRange) }
        return .success(value * scale)
    }

    /// Digits, an optional fraction, an optional exponent: no sign, no `inf`, `nan` or hex.
    private static func isDecimal(_ text: Substring) -> Bool {
        var bytes = text.utf8[...]
        func digits() -> Int {
            let count = bytes.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        var mantissa = digits()
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if bytes.first == UInt8(ascii: "e") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }

    /// How a bound reads in messages.
    static let durationBound = "365d"
    static let sizeBound = "1GiB"
}
