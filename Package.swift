// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "wirefeed",
    products: [
        .executable(name: "wirefeed", targets: ["wirefeed"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        // Test only: the loopback HTTP server the fetch tests talk to.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
    ],
    targets: [
        // MARK: - C boundary: the only targets that see libcurl, libxml2 and libzstd headers
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "CLibXML2Shims",
            dependencies: ["CLibXML2"]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"])]
        ),

        // MARK: - Pipeline stages
        .target(name: "WirefeedModel"),
        .target(
            name: "WirefeedParse",
            dependencies: ["WirefeedModel", "CLibXML2Shims"]
        ),
        .target(
            name: "WirefeedFetch",
            dependencies: ["CCurl"]
        ),
        .target(
            name: "WirefeedDedupe",
            dependencies: [
                "WirefeedModel",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "CSpoolShims"),
        .target(name: "CJemalloc", linkerSettings: [.linkedLibrary("jemalloc")]),
        .target(
            name: "WirefeedSpool",
            dependencies: ["WirefeedModel", "CSpoolShims"]
        ),
        .target(
            name: "WirefeedLedger",
            dependencies: [
                "WirefeedModel",
                "WirefeedDedupe",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "WirefeedArchive",
            dependencies: [
                "WirefeedModel",
                "CZstd",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "WirefeedDaemon",
            dependencies: [
                "WirefeedArchive",
                "WirefeedModel",
                "WirefeedDedupe",
                "WirefeedLedger",
                "WirefeedSpool",
                "WirefeedFetch",
                "WirefeedParse",
                "WirefeedNormalize",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "WirefeedNormalize",
            dependencies: [
                "WirefeedModel",
                "WirefeedParse",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),

        // MARK: - Executables
        .executableTarget(
            name: "wirefeed",
            dependencies: [
                "WirefeedArchive",
                "WirefeedModel",
                "WirefeedFetch",
                "WirefeedDaemon",
                "WirefeedLedger",
                "WirefeedSpool",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                "WirefeedParse",
                "WirefeedNormalize",
                "WirefeedDedupe",
                "CJemalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "wirefeed-bench",
            dependencies: [
                "WirefeedParse", "WirefeedNormalize", "WirefeedSpool", "WirefeedDedupe", "WirefeedLedger",
                "WirefeedArchive",
            ]
        ),

        // MARK: - Tests
        .target(
            name: "WirefeedTesting",
            dependencies: [
                "WirefeedParse",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/WirefeedTesting"
        ),
        .testTarget(
            name: "WirefeedParseTests",
            dependencies: ["WirefeedParse", "WirefeedModel", "WirefeedTesting"]
        ),
        .testTarget(
            name: "WirefeedFetchTests",
            dependencies: ["WirefeedFetch", "WirefeedTesting"]
        ),
        .testTarget(
            name: "WirefeedArchiveTests",
            dependencies: [
                "WirefeedArchive", "WirefeedModel", "WirefeedTesting", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "WirefeedDaemonTests",
            dependencies: [
                "WirefeedArchive", "WirefeedDaemon", "WirefeedFetch", "WirefeedLedger", "WirefeedModel",
                "WirefeedSpool",
                "WirefeedTesting",
            ]
        ),
        .testTarget(
            name: "WirefeedDedupeTests",
            dependencies: ["WirefeedDedupe", "WirefeedModel"]
        ),
        .testTarget(
            name: "WirefeedLedgerTests",
            dependencies: [
                "WirefeedLedger", "WirefeedDedupe", "WirefeedModel", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "WirefeedModelTests",
            dependencies: ["WirefeedModel", "WirefeedTesting"]
        ),
        .testTarget(
            name: "WirefeedSpoolTests",
            dependencies: ["WirefeedSpool"]
        ),
        .testTarget(
            name: "WirefeedNormalizeTests",
            dependencies: ["WirefeedNormalize", "WirefeedDedupe", "WirefeedParse", "WirefeedModel", "WirefeedTesting"]
        ),
    ]
)

// The libFuzzer target builds only on request (`make fuzz`): libFuzzer supplies its `main`, which an
// ordinary build would lack.
if Context.environment["WIREFEED_FUZZ"] == "1" {
    package.targets.append(
        .executableTarget(
            name: "wirefeed-fuzz",
            dependencies: ["WirefeedParse", "WirefeedNormalize"]
        )
    )
}

for target in package.targets where [.regular, .test, .executable].contains(target.type) {
    var settings = target.swiftSettings ?? []
    settings.append(.swiftLanguageMode(.v6))
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.treatAllWarnings(as: .error))
    target.swiftSettings = settings
}
