// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

/// The spool's file names, `<12-digit sequence>-<slug>-v<version>`: the ledger assigns them and
/// the spool stores under them. Names compare like their sequences.
public enum SpoolName {
    /// The name of a story version, without extension.
    public static func make(sequence: Int64, slug: String, version: Int) -> String {
        sequencePrefix(sequence) + "-\(slug)-v\(version)"
    }

    /// The 12-digit, zero-padded sequence every name of that sequence starts with.
    public static func sequencePrefix(_ sequence: Int64) -> String {
        let digits = String(sequence)
        return String(repeating: "0", count: max(0, 12 - digits.count)) + digits
    }
}
