// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation

/// A date's calendar fields in UTC, computed arithmetically: formatting a timestamp this way costs
/// nanoseconds where `DateFormatter` and `String(format:)` cost microseconds, and the spool and the
/// ledger format several per story.
public struct UTCTime: Sendable, Equatable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    public var millisecond: Int

    public init(_ date: Date) {
        let milliseconds = Int((date.timeIntervalSince1970 * 1000).rounded(.down))
        var days = milliseconds / 86_400_000
        var remainder = milliseconds % 86_400_000
        if remainder < 0 {
            remainder += 86_400_000
            days -= 1
        }
        (year, month, day) = Self.civil(fromDays: days)
        hour = remainder / 3_600_000
        minute = remainder % 3_600_000 / 60_000
        second = remainder % 60_000 / 1000
        millisecond = remainder % 1000
    }

    /// `2016-07-26T09:05:00Z` (RFC 3339, whole seconds).
    public var rfc3339: String {
        var bytes = date(separator: UInt8(ascii: "T"))
        bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `2016-07-26 09:05:00.000`: the text SQLite's date functions and GRDB read and write.
    public var sqliteText: String {
        var bytes = date(separator: UInt8(ascii: " "))
        bytes.append(UInt8(ascii: "."))
        Self.appendDigits(millisecond, width: 3, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private func date(separator: UInt8) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        if (0...9999).contains(year) {
            Self.appendDigits(year, width: 4, to: &bytes)
        } else {
            bytes.append(contentsOf: String(year).utf8)
        }
        for (value, before) in [
            (month, UInt8(ascii: "-")), (day, UInt8(ascii: "-")), (hour, separator), (minute, UInt8(ascii: ":")),
            (second, UInt8(ascii: ":")),
        ] {
            bytes.append(before)
            Self.appendDigits(value, width: 2, to: &bytes)
        }
        return bytes
    }

    /// Appends a non-negative number as exactly `width` decimal digits, zero-padded.
    private static func appendDigits(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    /// Year, month and day of a count of days since 1970-01-01 (Howard Hinnant's algorithm).
    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
