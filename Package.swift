// swift-tools-version:6.1
// Chronicle: an HTTP/1.1 JSON API over events, actors and quotes taken from source documents.
//
// Module arrows point one way (ARCHITECTURE.md explains each module and what may import what):
//   ChronicleSockets (POSIX, epoll)      ChronicleHTTP (codec, no I/O)
//            ^                                   ^
//            +------- ChronicleServer -----------+          ChronicleRouter (HTTP types only)
//                                                                   ^
//   ChronicleStore  ChronicleExtraction  ChronicleGenerator         |
//         ^   ^          ^   ^                 ^                    |
//         |   +----------|---+-- ChronicleRecords <-- ChronicleText |
//         +--------------+-------------- ChronicleAPI --------------+
//                                             ^
//                                        chronicle (executable)
//   ChronicleSync (Locked, the one lock) lies below every module that locks.
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "Chronicle",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "chronicle", targets: ["chronicle"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0", traits: []),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenSSL", path: "Sources/COpenSSL", pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]),
        .systemLibrary(
            name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),
        .target(name: "CSystem"),
        // A lock ThreadSanitizer can see (ARCHITECTURE.md, "Locks"); below every module that locks.
        .target(name: "ChronicleSync", swiftSettings: strict),
        .target(name: "ChronicleSockets", dependencies: ["CSystem", "COpenSSL"], swiftSettings: strict),
        .target(
            name: "ChronicleHTTP",
            dependencies: ["CZlib", .product(name: "HTTPTypes", package: "swift-http-types")],
            swiftSettings: strict),
        .target(
            name: "ChronicleServer",
            dependencies: [
                "ChronicleSockets", "ChronicleHTTP", "ChronicleSync",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strict),
        .target(
            name: "ChronicleRouter",
            dependencies: ["ChronicleHTTP", "ChronicleSync", .product(name: "Prometheus", package: "swift-prometheus")],
            swiftSettings: strict),
        // The domain, in five modules with one-way arrows (ARCHITECTURE.md): text analysis, then the
        // records, then the store, extraction and the generator beside each other.
        .target(name: "ChronicleText", dependencies: ["ChronicleSync"], swiftSettings: strict),
        .target(
            name: "ChronicleRecords", dependencies: ["ChronicleText", .product(name: "Crypto", package: "swift-crypto")],
            resources: [.embedInCode("Resources/cameo-plover.tsv")],
            swiftSettings: strict),
        .target(
            name: "ChronicleStore",
            dependencies: ["CSystem", "ChronicleText", "ChronicleRecords", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict),
        .target(name: "ChronicleExtraction", dependencies: ["ChronicleText", "ChronicleRecords"], swiftSettings: strict),
        .target(name: "ChronicleGenerator", dependencies: ["ChronicleRecords"], swiftSettings: strict),
        .target(
            name: "ChronicleAPI",
            dependencies: [
                "ChronicleText", "ChronicleRecords", "ChronicleStore", "ChronicleRouter", "ChronicleHTTP", "ChronicleSync",
            ],
            resources: [.embedInCode("openapi.json")] + ["index.html", "main.js", "api.js", "state.js", "i18n.js", "timeline.js", "network.js", "map.js", "world.json", "source.js", "dom.js", "palette.js", "style.css", "favicon.svg"].map { .embedInCode("Dashboard/\($0)") },
            swiftSettings: strict),
        .executableTarget(
            name: "chronicle",
            dependencies: [
                "ChronicleAPI", "ChronicleServer", "ChronicleRecords", "ChronicleStore", "ChronicleExtraction", "ChronicleGenerator",
                "ChronicleRouter", "ChronicleSockets", "ChronicleSync",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        .testTarget(name: "ChronicleHTTPTests", dependencies: ["ChronicleHTTP"], swiftSettings: strict),
        .testTarget(name: "ChronicleRouterTests", dependencies: ["ChronicleRouter", "CSystem"], swiftSettings: strict),
        .testTarget(
            name: "ChronicleServerTests",
            dependencies: ["ChronicleServer", "ChronicleRouter", "ChronicleSockets", "COpenSSL", "ChronicleAPI", "ChronicleRecords", "ChronicleStore"],
            swiftSettings: strict),
        .testTarget(
            name: "ChronicleDomainTests",
            dependencies: [
                "ChronicleText", "ChronicleRecords", "ChronicleStore", "ChronicleExtraction", "ChronicleGenerator",
                .product(name: "Crypto", package: "swift-crypto"),
            ], exclude: ["search-cases.tsv", "extraction-corpus"],
            swiftSettings: strict),
        .testTarget(
            name: "ChronicleAPITests",
            dependencies: ["ChronicleAPI", "ChronicleServer", "ChronicleRouter", "ChronicleRecords", "ChronicleStore", "ChronicleGenerator"],
            // The crawl's record, read from the source tree by path (and rewritten there), not a bundle resource.
            exclude: ["crawl.tsv"],
            swiftSettings: strict),
        .testTarget(
            name: "ChronicleCLITests",
            dependencies: ["chronicle", "ChronicleAPI", "ChronicleServer", "ChronicleRecords", "ChronicleStore", "ChronicleGenerator", "ChronicleHTTP"],
            swiftSettings: strict),
    ]
)
