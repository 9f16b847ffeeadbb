// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

/// What a story's text looks like to near-duplicate detection: a 64-bit SimHash over word
/// shingles, the smallest shingle hashes (a bottom-k sketch for Jaccard confirmation) and the
/// hashes of its anchors (numbers and capitalized names), which templated stories differ in.
public struct TextFingerprint: Sendable, Equatable, Hashable {
    public var simHash: UInt64
    /// The `sketchSize` smallest distinct shingle hashes, ascending.
    public var sketch: [UInt64]
    /// Distinct hashes of number and name tokens, ascending.
    public var anchors: [UInt64]

    public static let shingleWidth = 3
    public static let sketchSize = 128

    public init(simHash: UInt64, sketch: [UInt64], anchors: [UInt64]) {
        self.simHash = simHash
        self.sketch = sketch
        self.anchors = anchors
    }

    /// The fingerprint of a headline and body paragraphs.
    public init(headline: String, paragraphs: [String]) {
        var tokens = TextTokenizer.tokens(of: TextTokenizer.strippingWirePrefixes(headline))
        for paragraph in paragraphs { tokens.append(contentsOf: TextTokenizer.tokens(of: paragraph)) }
        var shingles = Set<UInt64>()
        let width = Self.shingleWidth
        if tokens.count <= width {
            shingles.insert(Self.hash(tokens.map(\.text)))
        } else {
            for start in 0...(tokens.count - width) {
                shingles.insert(Self.hash(tokens[start..<(start + width)].map(\.text)))
            }
        }
        var counts = [Int](repeating: 0, count: 64)
        for shingle in shingles {
            for bit in 0..<64 { counts[bit] += (shingle >> UInt64(bit)) & 1 == 1 ? 1 : -1 }
        }
        var simHash: UInt64 = 0
        for bit in 0..<64 where counts[bit] > 0 { simHash |= 1 << UInt64(bit) }
        self.simHash = simHash
        self.sketch = Array(shingles.sorted().prefix(Self.sketchSize))
        self.anchors = Set(tokens.filter(\.isAnchor).map { Self.hash([$0.text]) }).sorted()
    }

    public func hammingDistance(to other: TextFingerprint) -> Int {
        (simHash ^ other.simHash).nonzeroBitCount
    }

    /// Estimated Jaccard similarity of the two shingle sets (exact when both fit the sketch).
    public func jaccard(with other: TextFingerprint) -> Double {
        let mine = Set(sketch)
        let theirs = Set(other.sketch)
        let union = mine.union(theirs).sorted().prefix(Self.sketchSize)
        guard !union.isEmpty else { return 1 }
        let shared = union.filter { mine.contains($0) && theirs.contains($0) }.count
        return Double(shared) / Double(union.count)
    }

    /// True when one text's anchors all occur in the other's: an added sentence may bring new
    /// names or figures, but a changed figure, team or region is a different story.
    public func anchorsNest(with other: TextFingerprint) -> Bool {
        let (small, large) = anchors.count <= other.anchors.count ? (anchors, other.anchors) : (other.anchors, anchors)
        let largeSet = Set(large)
        return small.allSatisfy { largeSet.contains($0) }
    }

    /// FNV-1a over the tokens (a unit separator between them), finished with a 64-bit mixer.
    static func hash(_ parts: [String]) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for (index, part) in parts.enumerated() {
            if index > 0 {
                value ^= 0x1F
                value &*= 0x0000_0100_0000_01B3
            }
            for byte in part.utf8 {
                value ^= UInt64(byte)
                value &*= 0x0000_0100_0000_01B3
            }
        }
        value ^= value >> 33
        value &*= 0xff51_afd7_ed55_8ccd
        value ^= value >> 33
        value &*= 0xc4ce_b9fe_1a85_ec53
        value ^= value >> 33
        return value
    }
}

/// The thresholds that make two fingerprints the same story's text.
public struct NearDuplicateRule: Sendable, Equatable {
    /// Largest SimHash Hamming distance of a candidate; the index probes `maxDistance + 1` bands.
    public var maxDistance: Int
    /// Smallest shingle Jaccard similarity that confirms a candidate.
    public var minJaccard: Double

    public static let standard = NearDuplicateRule(maxDistance: 7, minJaccard: 0.85)

    public init(maxDistance: Int, minJaccard: Double) {
        self.maxDistance = maxDistance
        self.minJaccard = minJaccard
    }

    public func matches(_ a: TextFingerprint, _ b: TextFingerprint) -> Bool {
        a.hammingDistance(to: b) <= maxDistance && a.anchorsNest(with: b) && a.jaccard(with: b) >= minJaccard
    }
}
