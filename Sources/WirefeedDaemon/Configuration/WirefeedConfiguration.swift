// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import WirefeedFetch

/// Everything the daemon is told, built once at start (and on reload) and passed down.
///
/// Every key of the YAML file, its type and default, is documented in
/// `Config/wirefeed.example.yaml`.
public struct WirefeedConfiguration: Sendable, Equatable {
    /// Where per-feed state lives. Default `/var/lib/wirefeed`.
    public var stateDirectory = "/var/lib/wirefeed"
    /// Where stories are written. Default `/var/spool/wirefeed`.
    public var spoolDirectory = "/var/spool/wirefeed"
    public var polling = PollingSettings()
    public var http = HTTPSettings()
    /// Spool formats: `json` (always) and `txt`. Default both.
    public var outputFormats: [String] = ["json", "txt"]
    /// Stories older than this are not re-ingested. Default 30 days.
    public var retention: Duration = .seconds(30 * 86400)
    /// Fetched bodies are kept in `<state>/archive/` this long; zero disables the archive. Default 7 days.
    public var archiveRetention: Duration = .seconds(7 * 86400)
    /// How far back a story's text is looked up as a near-copy of an earlier one (a re-send under
    /// a new guid, the same wire copy on another feed); zero turns that tier off. Default 72 hours.
    public var nearDuplicateWindow: Duration = .seconds(72 * 3600)
    public var feeds: [FeedSource] = []
    /// Where to write the Prometheus textfile every cycle (node_exporter's textfile collector);
    /// nil for none.
    public var metricsFile: String?

    public init() {}

    /// The `User-Agent` of every request: `wirefeed/<version> (+<contact>)`.
    public var userAgent: String {
        guard let contact = http.contactURL else { return "wirefeed/\(WirefeedVersion.current)" }
        return "wirefeed/\(WirefeedVersion.current) (+\(contact))"
    }
}

/// How often feeds are polled.
public struct PollingSettings: Sendable, Equatable {
    /// Default interval between polls of a feed. Default 5 minutes.
    public var interval: Duration = .seconds(300)
    /// Publisher hints are honoured within these bounds. Default 1 minute … 6 hours.
    public var minimumInterval: Duration = .seconds(60)
    public var maximumInterval: Duration = .seconds(6 * 3600)
    /// Each next poll moves by up to this fraction of the interval, either way. Default 0.1.
    public var jitter: Double = 0.1
    /// Exponential backoff after errors stops growing here. Default 6 hours.
    public var backoffCap: Duration = .seconds(6 * 3600)
    /// A server's `Retry-After` is honoured up to this. Default 8 hours.
    public var retryAfterCap: Duration = .seconds(8 * 3600)
    /// Consecutive polls a 301/308 must hold before the stored URL follows it. Default 3.
    public var permanentRedirectPolls = 3

    public init() {}
}

/// How requests are made.
public struct HTTPSettings: Sendable, Equatable {
    /// A URL the `User-Agent` names, for publishers to reach the operator.
    public var contactURL: String?
    /// Transfers in flight, all hosts together. Default 32.
    public var maximumConcurrency = 32
    /// Transfers in flight to one host. Default 2.
    public var maximumPerHost = 2
    public var limits = FetchLimits()
    /// A proxy for every request; nil leaves libcurl to `http_proxy`/`https_proxy`/`no_proxy`.
    public var proxy: String?
    /// An extra CA bundle for TLS verification (which is always on).
    public var certificateAuthorityFile: String?
    /// Lets a feed on a global address be redirected into loopback, link-local or private
    /// networks. Default false.
    public var allowPrivateRedirects = false

    public init() {}
}

/// The version wirefeed reports.
public enum WirefeedVersion {
    public static let current = "0.2.0"
}
