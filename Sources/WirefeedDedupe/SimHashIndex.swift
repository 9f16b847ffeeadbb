// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

/// SimHashes in memory, by band (``FingerprintBands``): the entries within `maxDistance` of a
/// hash are found by one probe per band, comparing only the SimHashes stored in those bands.
public struct SimHashIndex<ID: Hashable & Sendable>: Sendable {
    public let maxDistance: Int
    /// Every entry's id and SimHash, by slot, in insertion order.
    private var ids: [ID] = []
    private var simHashes: [UInt64] = []
    /// Each band's SimHashes and slots side by side, so that a probe reads only SimHashes.
    private var bands: [Int64: Band] = [:]

    private struct Band: Sendable {
        var simHashes: [UInt64] = []
        var slots: [Int32] = []
    }

    public init(maxDistance: Int) {
        self.maxDistance = maxDistance
    }

    /// How many entries the index holds.
    public var count: Int { ids.count }

    public mutating func insert(_ simHash: UInt64, id: ID) {
        let slot = Int32(ids.count)
        ids.append(id)
        simHashes.append(simHash)
        for key in FingerprintBands.keys(of: simHash, maxDistance: maxDistance) {
            bands[key, default: Band()].simHashes.append(simHash)
            bands[key, default: Band()].slots.append(slot)
        }
    }

    /// The entries within `maxDistance` of `simHash`, each once: the closest first, and the
    /// earliest inserted first among equally close ones.
    public func neighbours(of simHash: UInt64) -> [(distance: Int, id: ID)] {
        var found: [(distance: Int, slot: Int32)] = []
        for key in FingerprintBands.keys(of: simHash, maxDistance: maxDistance) {
            guard let band = bands[key] else { continue }
            for (position, stored) in band.simHashes.enumerated() {
                let distance = (stored ^ simHash).nonzeroBitCount
                // Only a close entry can be met again in another band: only those are compared.
                guard distance <= maxDistance else { continue }
                let slot = band.slots[position]
                if !found.contains(where: { $0.slot == slot }) { found.append((distance, slot)) }
            }
        }
        found.sort { ($0.distance, $0.slot) < ($1.distance, $1.slot) }
        return found.map { ($0.distance, ids[Int($0.slot)]) }
    }

    /// Removes every entry whose id `shouldRemove` accepts.
    public mutating func removeAll(where shouldRemove: (ID) -> Bool) {
        let kept = zip(ids, simHashes).filter { !shouldRemove($0.0) }
        self = SimHashIndex(maxDistance: maxDistance)
        for (id, simHash) in kept { insert(simHash, id: id) }
    }
}
