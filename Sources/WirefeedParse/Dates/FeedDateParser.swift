// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation

/// Reads the dates that feeds write, as UTC instants.
///
/// Accepted: RFC 822/2822 (`Tue, 10 Jun 2003 04:00:00 GMT`) with obsolete zone names (UT, GMT, Z,
/// EST…PDT, military letters, which RFC 2822 says to read as UTC), numeric zones with or without a
/// colon; RFC 3339 / ISO 8601 and the W3C-DTF forms of `dc:date` (`2003`, `2003-06`, `2003-06-10`,
/// with or without seconds, fractions or zone); and the broken forms seen in real feeds: two-digit
/// years, a missing or wrong weekday, extra spaces, full or German month names, `Month DD, YYYY`,
/// asctime order, Unix timestamps. A date that cannot be read is nil: none is ever invented.
public enum FeedDateParser {
    /// The instant a date string names, or nil when it names none.
    public static func parse(_ text: String) -> Date? {
        var utf8 = Array(text.utf8)
        while let last = utf8.last, last == 0x20 || last == 0x09 || last == 0x0A || last == 0x0D { utf8.removeLast() }
        guard let first = utf8.firstIndex(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) else {
            return nil
        }
        let bytes = Array(utf8[first...])
        if bytes.count >= 4, bytes[0..<4].allSatisfy(\.isASCIIDigit),
            bytes.count == 4 || !bytes[4].isASCIIDigit || bytes.count == 8
        {
            if let date = parseISO(bytes) ?? parseYearFirstNumeric(bytes) { return date }
        }
        if bytes.count >= 9, bytes.count <= 10, bytes.allSatisfy(\.isASCIIDigit),
            let seconds = Double(String(decoding: bytes, as: UTF8.self))
        {
            return Date(timeIntervalSince1970: seconds)
        }
        return parseRFC822(bytes)
    }

    // MARK: - ISO 8601 / RFC 3339 / W3C-DTF

    private static func parseISO(_ bytes: [UInt8]) -> Date? {
        var scanner = ByteScanner(bytes: bytes)
        guard let year = scanner.number(digits: 4) else { return nil }
        var month = 1
        var day = 1
        var hour = 0
        var minute = 0
        var second = 0.0
        var offset = 0
        let compact = bytes.count >= 8 && bytes[4].isASCIIDigit
        if compact || scanner.skip(UInt8(ascii: "-")) {
            guard let value = scanner.number(digits: 2) else { return nil }
            month = value
            if compact || scanner.skip(UInt8(ascii: "-")) {
                guard let value = scanner.number(digits: 2) else { return nil }
                day = value
            }
        }
        if scanner.skip(UInt8(ascii: "T")) || scanner.skip(UInt8(ascii: "t")) || scanner.skipSpaces() {
            guard let h = scanner.number(maxDigits: 2), scanner.skip(UInt8(ascii: ":")),
                let m = scanner.number(digits: 2)
            else { return nil }
            hour = h
            minute = m
            if scanner.skip(UInt8(ascii: ":")) {
                guard let s = scanner.number(digits: 2) else { return nil }
                second = Double(s)
                if scanner.skip(UInt8(ascii: ".")) || scanner.skip(UInt8(ascii: ",")) {
                    var scale = 0.1
                    while let digit = scanner.digit() {
                        second += Double(digit) * scale
                        scale /= 10
                    }
                }
            }
            _ = scanner.skipSpaces()
            if let zone = scanner.zoneOffset() {
                offset = zone
            } else if !scanner.atEnd {
                return nil
            }
        }
        _ = scanner.skipSpaces()
        guard scanner.atEnd else { return nil }
        return makeDate(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset)
    }

    /// `2020/1/10 14:33:00`, `2020-1-5 3:04`, `2020.01.10`: year, month and day of one or two digits
    /// with one separator, then optionally a time (seconds optional, `AM`/`PM` read) and a zone.
    private static func parseYearFirstNumeric(_ bytes: [UInt8]) -> Date? {
        var scanner = ByteScanner(bytes: bytes)
        guard let year = scanner.number(digits: 4), scanner.position < bytes.count else { return nil }
        let separator = bytes[scanner.position]
        guard separator == UInt8(ascii: "/") || separator == UInt8(ascii: "-") || separator == UInt8(ascii: "."),
            scanner.skip(separator), let month = scanner.number(maxDigits: 2), scanner.skip(separator),
            let day = scanner.number(maxDigits: 2)
        else { return nil }
        var hour = 0
        var minute = 0
        var second = 0.0
        var offset = 0
        if scanner.skip(UInt8(ascii: "T")) || scanner.skipSpaces() {
            guard let h = scanner.number(maxDigits: 2), scanner.skip(UInt8(ascii: ":")),
                let m = scanner.number(digits: 2), h < 24
            else { return nil }
            hour = h
            minute = m
            if scanner.skip(UInt8(ascii: ":")) {
                guard let s = scanner.number(digits: 2) else { return nil }
                second = Double(s)
            }
            _ = scanner.skipSpaces()
            if let pm = scanner.meridiem() {
                guard (1...12).contains(hour) else { return nil }
                hour = hour % 12 + (pm ? 12 : 0)
                _ = scanner.skipSpaces()
            }
            if let zone = scanner.zoneOffset() { offset = zone }
        }
        _ = scanner.skipSpaces()
        guard scanner.atEnd else { return nil }
        return makeDate(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset)
    }

    // MARK: - RFC 822 and its relatives

    private static func parseRFC822(_ bytes: [UInt8]) -> Date? {
        var numbers: [(value: Int, digits: Int)] = []
        var month: Int?
        var time: (Int, Int, Double)?
        var offset: Int?
        var pm: Bool?
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte.isASCIIDigit {
                var end = index
                while end < bytes.count,
                    bytes[end].isASCIIDigit || bytes[end] == UInt8(ascii: ":") || bytes[end] == UInt8(ascii: ".")
                {
                    end += 1
                }
                let token = Array(bytes[index..<end])
                if token.contains(UInt8(ascii: ":")) {
                    guard time == nil, let parsed = parseTime(token) else { return nil }
                    time = parsed
                } else if let value = Int(String(decoding: token.filter(\.isASCIIDigit), as: UTF8.self)),
                    !token.contains(UInt8(ascii: "."))
                {
                    numbers.append((value, token.count))
                }
                index = end
            } else if byte == UInt8(ascii: "+") || (byte == UInt8(ascii: "-") && time != nil) {
                var scanner = ByteScanner(bytes: Array(bytes[index...]))
                guard let zone = scanner.zoneOffset() else { return nil }
                offset = zone
                index += scanner.position
            } else if byte.isASCIILetter {
                var end = index
                while end < bytes.count, bytes[end].isASCIILetter || bytes[end] >= 0x80 { end += 1 }
                let word = String(decoding: bytes[index..<end], as: UTF8.self).lowercased()
                if let value = monthNumber(word) {
                    if month == nil { month = value }
                } else if time != nil, let zone = zoneOffset(named: word) {
                    offset = zone
                } else if word == "am" || word == "pm" {
                    pm = word == "pm"
                }
                index = end
            } else {
                index += 1
            }
        }
        guard let month, numbers.count >= 2 else { return nil }
        let yearIndex = numbers.firstIndex { $0.digits == 4 } ?? (numbers.count - 1)
        var year = numbers[yearIndex].value
        if numbers[yearIndex].digits <= 2 { year += year < 50 ? 2000 : 1900 }
        guard let day = numbers.enumerated().first(where: { $0.offset != yearIndex })?.element.value else { return nil }
        var (hour, minute, second) = time ?? (0, 0, 0)
        if let pm {
            if pm && hour < 12 { hour += 12 }
            if !pm && hour == 12 { hour = 0 }
        }
        return makeDate(
            year: year,
            month: month,
            day: day,
            hour: hour,
            minute: minute,
            second: second,
            offset: offset ?? 0
        )
    }

    private static func parseTime(_ token: [UInt8]) -> (Int, Int, Double)? {
        let parts = token.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
            let hour = Int(String(decoding: parts[0], as: UTF8.self)),
            let minute = Int(String(decoding: parts[1], as: UTF8.self))
        else { return nil }
        var second = 0.0
        if parts.count == 3 {
            guard let value = Double(String(decoding: parts[2], as: UTF8.self)) else { return nil }
            second = value
        }
        return (hour, minute, second)
    }

    private static func monthNumber(_ word: String) -> Int? {
        guard word.count >= 3 else { return nil }
        switch word.prefix(3) {
        case "jan": return 1
        case "feb": return 2
        case "mar", "mär", "mrz": return 3
        case "apr": return 4
        case "may", "mai": return 5
        case "jun": return 6
        case "jul": return 7
        case "aug": return 8
        case "sep": return 9
        case "oct", "okt": return 10
        case "nov": return 11
        case "dec", "dez": return 12
        default: return nil
        }
    }

    /// Offsets in seconds east of UTC for the zone names RFC 822 and common feeds use.
    private static func zoneOffset(named name: String) -> Int? {
        switch name {
        case "ut", "utc", "gmt", "z", "wet": return 0
        case "edt": return -4 * 3600
        case "est", "cdt": return -5 * 3600
        case "cst", "mdt": return -6 * 3600
        case "mst", "pdt": return -7 * 3600
        case "pst": return -8 * 3600
        case "akdt": return -8 * 3600
        case "akst": return -9 * 3600
        case "hst": return -10 * 3600
        case "bst", "cet", "met", "west": return 3600
        case "cest", "mest", "eet": return 2 * 3600
        case "eest", "msk": return 3 * 3600
        case "ist": return 19800
        case "jst", "kst": return 9 * 3600
        case "aest": return 10 * 3600
        case "aedt": return 11 * 3600
        default:
            // RFC 2822 §4.3: military zone letters were defined with the wrong sign; read them as UTC.
            if name.count == 1, let letter = name.first, letter != "j" { return 0 }
            return nil
        }
    }

    private static func makeDate(
        year: Int,
        month: Int,
        day: Int,
        hour: Int,
        minute: Int,
        second: Double,
        offset: Int
    )
        -> Date?
    {
        guard (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day), day <= daysIn(month, year),
            (0...24).contains(hour), (0...59).contains(minute), second >= 0, second < 61
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = Double(days) * 86400 + Double(hour * 3600 + minute * 60) + second - Double(offset)
        return Date(timeIntervalSince1970: seconds)
    }

    private static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }
}

/// A cursor over ASCII bytes for the date grammars.
private struct ByteScanner {
    let bytes: [UInt8]
    var position = 0

    var atEnd: Bool { position >= bytes.count }

    mutating func skip(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    mutating func skipSpaces() -> Bool {
        let start = position
        while position < bytes.count, bytes[position] == 0x20 { position += 1 }
        return position > start
    }

    mutating func digit() -> Int? {
        guard position < bytes.count, bytes[position].isASCIIDigit else { return nil }
        defer { position += 1 }
        return Int(bytes[position] - 0x30)
    }

    mutating func number(digits: Int) -> Int? {
        let start = position
        var value = 0
        for _ in 0..<digits {
            guard let digit = digit() else {
                position = start
                return nil
            }
            value = value * 10 + digit
        }
        return value
    }

    mutating func number(maxDigits: Int) -> Int? {
        var value = 0
        var count = 0
        while count < maxDigits, let digit = digit() {
            value = value * 10 + digit
            count += 1
        }
        return count > 0 ? value : nil
    }

    /// `AM` or `PM` (any case): whether it is PM; nil, and nothing consumed, when neither is here.
    mutating func meridiem() -> Bool? {
        guard position + 1 < bytes.count, bytes[position + 1] | 0x20 == UInt8(ascii: "m") else { return nil }
        switch bytes[position] | 0x20 {
        case UInt8(ascii: "a"):
            position += 2
            return false
        case UInt8(ascii: "p"):
            position += 2
            return true
        default: return nil
        }
    }

    /// `Z`, `+hh:mm`, `+hhmm`, `+hh`, `-hmm`, or a zone name, in seconds east of UTC.
    mutating func zoneOffset() -> Int? {
        guard position < bytes.count else { return nil }
        let byte = bytes[position]
        if byte == UInt8(ascii: "Z") || byte == UInt8(ascii: "z") {
            position += 1
            return 0
        }
        guard byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") else {
            let rest = String(decoding: bytes[position...], as: UTF8.self).lowercased()
            if ["utc", "gmt", "ut"].contains(rest) {
                position = bytes.count
                return 0
            }
            return nil
        }
        position += 1
        var digits = 0
        while position + digits < bytes.count, digits < 5, bytes[position + digits].isASCIIDigit { digits += 1 }
        let hours: Int
        var minutes = 0
        switch digits {
        case 3:
            // `-800`: one digit of hours, as some feeds write it.
            guard let h = number(digits: 1), let m = number(digits: 2) else { return nil }
            hours = h
            minutes = m
        case 1, 2, 4:
            guard let h = number(maxDigits: min(digits, 2)) else { return nil }
            hours = h
            _ = skip(UInt8(ascii: ":"))
            if let value = number(digits: 2) { minutes = value }
        default:
            return nil
        }
        guard hours <= 14, minutes < 60 else { return nil }
        let offset = hours * 3600 + minutes * 60
        return byte == UInt8(ascii: "-") ? -offset : offset
    }
}
