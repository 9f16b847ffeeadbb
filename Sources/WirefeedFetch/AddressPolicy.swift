// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

/// What kind of network an IP address is in, for the private-network guard on redirects.
public enum AddressRange: String, Sendable, Equatable {
    case global
    /// 127.0.0.0/8, ::1.
    case loopback
    /// 169.254.0.0/16 (where cloud metadata services live), fe80::/10.
    case linkLocal = "link-local"
    /// 10/8, 172.16/12, 192.168/16, 100.64/10 (carrier NAT), fec0::/10 (old site-local).
    case privateNetwork = "private"
    /// fc00::/7.
    case uniqueLocal = "unique-local"
    /// 0.0.0.0/8 and ::, which Linux connects to the local host.
    case unspecified

    /// Anything but ``global``: a public feed may not be redirected here.
    public var isInternal: Bool { self != .global }

    /// The range of a 4-byte IPv4 or 16-byte IPv6 address (network order). IPv4-mapped
    /// (`::ffff:a.b.c.d`) and NAT64 (`64:ff9b::a.b.c.d`) addresses are judged by their IPv4 part.
    /// Anything else is judged ``unspecified``, so that it is refused rather than trusted.
    public static func of(_ bytes: [UInt8]) -> AddressRange {
        switch bytes.count {
        case 4: return ofIPv4(bytes[0], bytes[1])
        case 16: break
        default: return .unspecified
        }
        let mappedPrefix: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF]
        let nat64Prefix: [UInt8] = [0, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0]
        if Array(bytes[0..<12]) == mappedPrefix || Array(bytes[0..<12]) == nat64Prefix {
            return ofIPv4(bytes[12], bytes[13])
        }
        if bytes[0..<15].allSatisfy({ $0 == 0 }) {
            return bytes[15] == 1 ? .loopback : bytes[15] == 0 ? .unspecified : .global
        }
        switch (bytes[0], bytes[1] & 0xC0) {
        case (0xFE, 0x80): return .linkLocal
        case (0xFE, 0xC0): return .privateNetwork
        case _ where bytes[0] & 0xFE == 0xFC: return .uniqueLocal
        default: return .global
        }
    }

    private static func ofIPv4(_ first: UInt8, _ second: UInt8) -> AddressRange {
        switch (first, second) {
        case (0, _): return .unspecified
        case (127, _): return .loopback
        case (169, 254): return .linkLocal
        case (10, _), (192, 168): return .privateNetwork
        case (172, 16...31): return .privateNetwork
        case (100, 64...127): return .privateNetwork
        default: return .global
        }
    }
}

/// Where redirects may lead. A feed whose configured URL resolves to a global address may not be
/// redirected to an internal one (``AddressRange/isInternal``); the check runs on the address
/// each hop's socket connects to, after DNS resolution, so a name that resolves differently the
/// second time is caught too. A feed configured on an internal address may redirect anywhere.
public struct RedirectPolicy: Sendable, Equatable {
    /// `http.allow_private_redirects`: turns the guard off. Default false.
    public var allowPrivateRedirects: Bool
    /// Test seam: addresses (as text, `127.0.0.2`) judged ``AddressRange/global``, so that the
    /// guard can be exercised on loopback. Never set outside tests.
    package var treatedAsGlobal: Set<String> = []

    public init(allowPrivateRedirects: Bool = false) {
        self.allowPrivateRedirects = allowPrivateRedirects
    }

    /// The range of `address` (its bytes and its text), the test seam applied.
    func range(of bytes: [UInt8], text: String) -> AddressRange {
        treatedAsGlobal.contains(text) ? .global : AddressRange.of(bytes)
    }
}
