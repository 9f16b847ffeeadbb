// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import WirefeedModel

/// RFC 3339 timestamps in UTC, whole seconds: `2016-07-26T09:05:00Z`.
public enum Timestamp {
    public static func rfc3339(_ date: Date) -> String {
        UTCTime(date).rfc3339
    }
}
