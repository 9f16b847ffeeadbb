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
        var text = TextWords()
        text.append(TextTokenizer.strippingWirePrefixes(headline))
        for paragraph in paragraphs { text.append(paragraph) }
        var shingles = text.shingles(width: Self.shingleWidth)
        // The distinct shingles, ascending.
        shingles.sort()
        var distinct = 0
        for shingle in shingles where distinct == 0 || shingles[distinct - 1] != shingle {
            shingles[distinct] = shingle
            distinct += 1
        }
        shingles.removeLast(shingles.count - distinct)
        let simHash = Self.majorityBits(of: shingles)
        self.simHash = simHash
        self.sketch = Array(shingles.prefix(Self.sketchSize))
        var anchors = text.anchors
        anchors.sort()
        self.anchors = anchors.enumerated().compactMap { index, anchor in
            index > 0 && anchors[index - 1] == anchor ? nil : anchor
        }
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

    /// The hash whose bit `i` is set when more than half of `hashes` have bit `i` set. Counts
    /// eight bits per addition: byte `k` of `lanes[j]` counts bit `8k + j`, emptied into
    /// `counts` before it can overflow.
    static func majorityBits(of hashes: [UInt64]) -> UInt64 {
        var counts = [Int](repeating: 0, count: 64)
        var lanes = [UInt64](repeating: 0, count: 8)
        func empty() {
            for j in 0..<8 {
                for k in 0..<8 { counts[8 * k + j] += Int(truncatingIfNeeded: lanes[j] >> UInt64(8 * k)) & 0xFF }
                lanes[j] = 0
            }
        }
        for (index, hash) in hashes.enumerated() {
            for j in 0..<8 { lanes[j] &+= (hash >> UInt64(j)) & 0x0101_0101_0101_0101 }
            if index % 255 == 254 { empty() }
        }
        empty()
        var bits: UInt64 = 0
        for bit in 0..<64 where 2 * counts[bit] > hashes.count { bits |= 1 << UInt64(bit) }
        return bits
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
