// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

/// SimHash bands for lookup by Hamming distance: with the 64 bits cut into `maxDistance + 1`
/// bands, two hashes within that distance agree on at least one band (pigeonhole), so a lookup
/// is one probe per band.
public enum FingerprintBands {
    /// The band values of a hash, one per band, each tagged with its band number in the top byte.
    public static func keys(of simHash: UInt64, maxDistance: Int) -> [Int64] {
        let count = maxDistance + 1
        let width = 64 / count
        return (0..<count).map { band in
            let shift = band * width
            let bits = band == count - 1 ? 64 - shift : width
            let mask: UInt64 = bits >= 64 ? .max : (1 << UInt64(bits)) - 1
            return Int64(band) << 56 | Int64((simHash >> UInt64(shift)) & mask)
        }
    }
}

/// An in-memory index of whole fingerprints, for callers without a ledger.
public struct FingerprintIndex<ID: Hashable & Sendable>: Sendable {
    public let rule: NearDuplicateRule
    private var entries: [ID: TextFingerprint] = [:]
    private var simHashes: SimHashIndex<ID>

    public init(rule: NearDuplicateRule) {
        self.rule = rule
        simHashes = SimHashIndex(maxDistance: rule.maxDistance)
    }

    public mutating func insert(_ fingerprint: TextFingerprint, for id: ID) {
        entries[id] = fingerprint
        simHashes.insert(fingerprint.simHash, id: id)
    }

    /// The entries that the rule accepts as near-duplicates of the fingerprint, closest first.
    public func matches(of fingerprint: TextFingerprint) -> [ID] {
        simHashes.neighbours(of: fingerprint.simHash).compactMap { neighbour in
            entries[neighbour.id].flatMap { rule.matches($0, fingerprint) ? neighbour.id : nil }
        }
    }
}
