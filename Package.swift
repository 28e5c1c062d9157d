// swift-tools-version:6.2
import PackageDescription

/// Settings every target of ours shares: Swift 6 mode, the upcoming features we opted into,
/// and warnings as errors so that CI and `make test` agree.
let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "Lector",
    products: [
        .executable(name: "lector", targets: ["lector"]),
        // Example plugins (Plugins/examples): an exec plugin in Swift and a shared-library
        // plugin in Swift; `make plugins` builds them.
        .executable(name: "lector-example-reading-time", targets: ["LectorExampleReadingTime"]),
        .library(name: "LectorExampleTextStats", type: .dynamic, targets: ["LectorExampleTextStats"]),
        // Test-only processors (`test_delay`) as a shared-library plugin that the end-to-end
        // tests load with a `library:` step; built from Tests/, never linked into `lector`.
        .library(name: "LectorTestProcessors", type: .dynamic, targets: ["LectorTestProcessors"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .systemLibrary(
            name: "CNATS",
            pkgConfig: "libnats",
            providers: [.apt(["libnats-dev"])]
        ),
        .target(
            name: "LectorNATS",
            dependencies: [
                "CNATS", "LectorCore", "LectorConfig", "LectorPipeline", "LectorDaemon", "LectorSystem",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // SHA-256 blocks in C at -O2 in every configuration: model files (tens of MB) are
        // hashed whenever a chain loads them, and the tests run the debug binary.
        .target(name: "CLectorSHA256", cSettings: [.unsafeFlags(["-O2"])]),
        .target(
            name: "LectorCore",
            dependencies: ["CLectorSHA256", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LectorText",
            swiftSettings: strictSettings
        ),
        // The one YAML reader (libyaml's event API): config.yaml and article front matter.
        .target(
            name: "LectorYAML",
            dependencies: ["CYAML", "LectorCore"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LectorConfig",
            dependencies: ["LectorCore", "LectorSystem", "LectorYAML"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LectorMetadata",
            dependencies: ["LectorCore", "LectorText", "LectorYAML"],
            path: "Plugins/Metadata",
            swiftSettings: strictSettings
        ),
        .target(
            name: "LectorExternal",
            dependencies: ["CLectorSystem", "LectorCore"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LectorSummary",
            dependencies: ["LectorCore", "LectorText"],
            path: "Plugins/Summary",
            swiftSettings: strictSettings
        ),
        .target(
            name: "LectorEntities",
            dependencies: ["LectorCore", "LectorText"],
            path: "Plugins/Entities",
            swiftSettings: strictSettings
        ),
        .target(
            name: "LectorSentiment",
            dependencies: ["LectorCore", "LectorText"],
            path: "Plugins/Sentiment",
            swiftSettings: strictSettings
        ),
        .target(
            name: "LectorLanguage",
            dependencies: ["LectorCore", "LectorText"],
            path: "Plugins/Language",
            swiftSettings: strictSettings
        ),
        // Evaluation and training: scorers, corpora readers and trainers for `lector eval` and
        // `lector train`. Apart from the runtime plugin modules, which the chain links.
        .target(
            name: "LectorEvaluation",
            dependencies: [
                "LectorCore", "LectorText", "LectorSystem", "LectorEntities", "LectorLanguage", "LectorSentiment",
                "LectorSummary",
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LectorPipeline",
            dependencies: [
                "LectorCore", "LectorConfig", "LectorSystem", "LectorText",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // `ProcessorRegistry.builtIn`: every processor the `lector` binary ships. The one
        // target that links them all, so that the pipeline links none.
        .target(
            name: "LectorBuiltIn",
            dependencies: [
                "LectorPipeline", "LectorMetadata", "LectorLanguage", "LectorEntities", "LectorSummary",
                "LectorSentiment", "LectorExternal",
            ],
            swiftSettings: strictSettings
        ),
        .target(name: "CLectorSystem"),
        // The system-call layer: byte paths, typed `Errno`, whole-file reads and the one
        // atomic writer. No Lector dependency, so every target may use it.
        .target(
            name: "LectorSystem",
            dependencies: ["CLectorSystem"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LectorDaemon",
            dependencies: [
                "CLectorSystem", "LectorCore", "LectorConfig", "LectorPipeline", "LectorSystem",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "lector",
            dependencies: [
                "LectorBuiltIn", "LectorCore", "LectorConfig", "LectorPipeline", "LectorText", "LectorDaemon",
                "LectorNATS", "LectorSystem", "LectorEvaluation",
                "LectorSummary", "LectorEntities", "LectorSentiment", "LectorLanguage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "LectorExampleReadingTime",
            dependencies: ["LectorCore"],
            path: "Plugins/examples/ReadingTime",
            swiftSettings: strictSettings
        ),
        .target(
            name: "LectorExampleTextStats",
            dependencies: ["LectorCore", "LectorText"],
            path: "Plugins/examples/TextStats",
            swiftSettings: strictSettings
        ),
        .target(
            name: "LectorFuzzTargets",
            dependencies: [
                "LectorBuiltIn", "LectorCore", "LectorConfig", "LectorText", "LectorPipeline", "LectorExternal",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(name: "CLectorFuzz"),
        .executableTarget(
            name: "lector-fuzz",
            dependencies: ["CLectorFuzz", "LectorFuzzTargets"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LectorTestProcessors",
            dependencies: ["LectorCore"],
            path: "Tests/LectorTestProcessors",
            swiftSettings: strictSettings
        ),
        .target(
            name: "LectorTestSupport",
            dependencies: [
                "LectorCore", "LectorDaemon", "LectorPipeline",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/LectorTestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LectorCoreTests",
            dependencies: ["LectorCore", "LectorTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LectorTextTests",
            dependencies: ["LectorText"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LectorConfigTests",
            dependencies: ["LectorConfig", "LectorCore", "LectorYAML"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LectorMetadataTests",
            dependencies: [
                "LectorMetadata", "LectorCore", "LectorTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LectorSummaryTests",
            dependencies: ["LectorSummary", "LectorCore", "LectorTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LectorEntitiesTests",
            dependencies: [
                "LectorEntities", "LectorEvaluation", "LectorCore", "LectorText", "LectorPipeline", "LectorTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LectorSentimentTests",
            dependencies: [
                "LectorSentiment", "LectorEvaluation", "LectorCore", "LectorPipeline", "LectorTestSupport",
                "LectorText",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LectorLanguageTests",
            dependencies: [
                "LectorLanguage", "LectorEvaluation", "LectorCore", "LectorText", "LectorTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LectorEvaluationTests",
            dependencies: ["LectorEvaluation", "LectorSentiment", "LectorSummary"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LectorPipelineTests",
            dependencies: ["LectorPipeline", "LectorBuiltIn", "LectorCore", "LectorConfig", "LectorTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LectorDaemonTests",
            dependencies: ["LectorDaemon", "LectorCore", "LectorPipeline", "LectorSystem", "LectorTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LectorNATSTests",
            dependencies: ["LectorNATS", "LectorCore", "LectorPipeline"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LectorExternalTests",
            dependencies: [
                "LectorExternal", "LectorCore",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LectorFuzzTargetsTests",
            dependencies: ["LectorFuzzTargets"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LectorEndToEndTests",
            dependencies: ["LectorTestSupport", "LectorCore"],
            exclude: ["validate_schema.py", "Fixtures"],
            swiftSettings: strictSettings
        ),
    ]
)
