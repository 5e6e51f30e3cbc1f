// swift-tools-version:6.0
//
// The Verne Swift SDK: Relay and Gate clients for the Nautilus platform.
// No package dependencies: Foundation, Dispatch, Synchronization and the
// platform's crypto (CryptoKit on Apple systems, libcrypto on Linux) only.

import PackageDescription

/// Settings shared by every Swift target (Swift 6 language mode is the package default).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "verne-swift",
    platforms: [
        // The `Synchronization` module (the emulator's `Atomic`) first shipped in these
        // releases; `Duration` and `ContinuousClock` need older ones.
        .macOS(.v15), .iOS(.v18), .tvOS(.v18), .watchOS(.v11), .visionOS(.v2),
    ],
    products: [
        .library(name: "Verne", targets: ["Verne"]),
        .library(name: "VerneCore", targets: ["VerneCore"]),
        .library(name: "VerneRelay", targets: ["VerneRelay"]),
        .library(name: "VerneGate", targets: ["VerneGate"]),
        .library(name: "VerneTesting", targets: ["VerneTesting"]),
        .executable(name: "verne-emulator", targets: ["VerneEmulator"]),
    ],
    targets: [
        .systemLibrary(
            name: "CVerneOpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"]), .yum(["openssl-devel"])]
        ),
        .target(
            name: "VerneCore",
            dependencies: [
                .target(name: "CVerneOpenSSL", condition: .when(platforms: [.linux, .android]))
            ],
            swiftSettings: strictSettings
        ),
        .target(name: "VerneRelay", dependencies: ["VerneCore"], swiftSettings: strictSettings),
        .target(name: "VerneGate", dependencies: ["VerneCore"], swiftSettings: strictSettings),
        .target(
            name: "Verne",
            dependencies: ["VerneCore", "VerneRelay", "VerneGate"],
            swiftSettings: strictSettings
        ),
        .target(name: "VerneTesting", dependencies: ["VerneCore"], swiftSettings: strictSettings),
        .executableTarget(
            name: "VerneEmulator",
            dependencies: ["VerneTesting"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "QuickStart",
            dependencies: ["Verne", "VerneTesting"],
            path: "Examples/QuickStart",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "DocSnippets",
            dependencies: ["Verne", "VerneTesting"],
            path: "Examples/DocSnippets",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "VerneBenchmarks",
            dependencies: ["Verne", "VerneTesting"],
            path: "Benchmarks/VerneBenchmarks",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "VerneCoreTests",
            dependencies: ["VerneCore", "VerneTesting"],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "VerneRelayTests",
            dependencies: ["VerneRelay", "VerneTesting"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "VerneGateTests",
            dependencies: ["VerneGate", "VerneTesting"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "VerneTestingTests",
            dependencies: ["VerneTesting", "VerneCore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "VerneEndToEndTests",
            dependencies: ["Verne", "VerneTesting"],
            swiftSettings: strictSettings
        ),
    ]
)
