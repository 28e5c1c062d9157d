import Foundation
import LectorConfig
import LectorCore
import Testing

@Suite("ConfigurationLoader")
struct ConfigurationLoaderTests {
    static let fullConfiguration = """
        inbox: var/inbox          # relative to this file
        outbox: var/outbox
        failed: var/failed
        archive: /var/archive/
        workers: 2
        max_bytes: 512KB
        min_age: 2s
        shutdown_timeout: 1m
        include_text: false
        pipeline:
          - metadata
          - language: {min_confidence: 0.5}
          - entities: {when: {language: [en, de], metadata: {source: reuters}}, on_error: skip}
          - summary:
          - exec: {name: keywords, command: [Plugins/examples/keywords.py], timeout: 5s}
        """

    @Test("a full configuration round-trips into typed values")
    func fullRoundTrip() throws {
        let configuration = try ConfigFixture.load(Self.fullConfiguration, purpose: .daemon)
        #expect(configuration.sha256.count == 64)
        let expected = LectorConfiguration(
            file: "config.yaml",
            directory: "/srv/lector",
            sha256: configuration.sha256,
            spool: SpoolConfiguration(
                inbox: "/srv/lector/var/inbox",
                outbox: "/srv/lector/var/outbox",
                failed: "/srv/lector/var/failed",
                archive: "/var/archive",
                minAge: 2
            ),
            workers: 2,
            maxBytes: 512_000,
            shutdownTimeout: 60,
            includeText: false,
            pipeline: [
                StepConfiguration(processor: "metadata", location: .at(11, 5), keyPath: "pipeline[0]"),
                StepConfiguration(
                    processor: "language",
                    location: .at(12, 5),
                    options: ConfigValue(
                        .mapping([
                            ConfigEntry(
                                key: "min_confidence",
                                keyLocation: .at(12, 16),
                                value: ConfigValue(.scalar("0.5", quoted: false), at: .at(12, 32))
                            )
                        ]),
                        at: .at(12, 15)
                    ),
                    keyPath: "pipeline[1]"
                ),
                StepConfiguration(
                    processor: "entities",
                    location: .at(13, 5),
                    condition: StepCondition(
                        languages: ["en", "de"],
                        metadata: [MetadataCondition(key: "source", test: .equals(["reuters"]), location: .at(13, 54))],
                        location: .at(13, 22)
                    ),
                    onError: .skip,
                    keyPath: "pipeline[2]"
                ),
                StepConfiguration(processor: "summary", location: .at(14, 5), keyPath: "pipeline[3]"),
            ],
        )
        #expect(Array(configuration.pipeline.prefix(4)) == expected.pipeline)
        var rest = configuration
        rest.pipeline = expected.pipeline
        #expect(rest == expected)

        let exec = try #require(configuration.pipeline.last)
        #expect(exec.processor == "exec")
        #expect(exec.keyPath == "pipeline[4]")
        let options = try #require(exec.options)
        #expect(try options.mapping().map(\.key) == ["name", "command", "timeout"])
        #expect(try options.mapping()[1].value.stringList() == ["Plugins/examples/keywords.py"])
    }

    @Test("the options of a step leave out `when` and `on_error`")
    func optionsWithoutLoaderKeys() throws {
        let configuration = try ConfigFixture.load(
            """
            pipeline:
              - summary: {sentences: 3, when: {language: en}, on_error: fail}
              - sentiment: {on_error: skip}
            """
        )
        let summary = configuration.pipeline[0]
        #expect(try summary.options?.mapping().map(\.key) == ["sentences"])
        #expect(summary.condition?.languages == ["en"])
        #expect(summary.onError == .fail)
        #expect(configuration.pipeline[1].options == nil)
        #expect(configuration.pipeline[1].onError == .skip)
    }

    @Test("metadata conditions: equals one, equals any, exists")
    func metadataConditions() throws {
        let configuration = try ConfigFixture.load(
            """
            pipeline:
              - entities:
                  when:
                    metadata:
                      source: reuters
                      section: [world, politics]
                      date: {exists: true}
                      draft: {exists: no}
                      year: 2024
            """
        )
        let condition = try #require(configuration.pipeline.first?.condition)
        #expect(condition.languages == nil)
        #expect(condition.location == .at(4, 9))
        #expect(
            condition.metadata == [
                MetadataCondition(key: "source", test: .equals(["reuters"]), location: .at(5, 11)),
                MetadataCondition(key: "section", test: .equals(["world", "politics"]), location: .at(6, 11)),
                MetadataCondition(key: "date", test: .exists(true), location: .at(7, 11)),
                MetadataCondition(key: "draft", test: .exists(false), location: .at(8, 11)),
                MetadataCondition(key: "year", test: .equals(["2024"]), location: .at(9, 11)),
            ]
        )
    }

    @Test("defaults apply when keys are absent")
    func defaults() throws {
        let configuration = try ConfigFixture.load("pipeline: [metadata]\n")
        #expect(
            configuration
                == LectorConfiguration(
                    file: "config.yaml",
                    directory: "/srv/lector",
                    sha256: configuration.sha256,
                    pipeline: [StepConfiguration(processor: "metadata", location: .at(1, 12), keyPath: "pipeline[0]")]
                )
        )
        #expect(configuration.spool == nil)
        #expect(configuration.workers == ProcessInfo.processInfo.activeProcessorCount)
        #expect(configuration.maxBytes == 10_485_760)
        #expect(configuration.shutdownTimeout == 30)
        #expect(configuration.includeText)
    }

    @Test(
        "relative paths resolve against the file's directory; ~ is not expanded",
        arguments: [
            ("var/inbox", "/srv/lector/var/inbox"),
            ("./in", "/srv/lector/in"),
            ("../spool/in", "/srv/spool/in"),
            ("/abs//in/", "/abs/in"),
            ("~/in", "/srv/lector/~/in"),
            ("'in box'", "/srv/lector/in box"),
        ]
    )
    func relativePaths(written: String, resolved: String) throws {
        let yaml = "inbox: \(written)\noutbox: o\nfailed: f\npipeline: [m]\n"
        #expect(try ConfigFixture.load(yaml).spool?.inbox == resolved)
    }

    @Test("a relative directory is taken from the working directory")
    func relativeDirectory() throws {
        let configuration = try ConfigFixture.load("inbox: in\noutbox: o\nfailed: f\npipeline: [m]\n", directory: "etc")
        let cwd = FileManager.default.currentDirectoryPath
        #expect(configuration.directory == cwd + "/etc")
        #expect(configuration.spool?.inbox == cwd + "/etc/in")
    }

    @Test(
        "sizes",
        arguments: [
            ("10MiB", 10_485_760), ("512KB", 512_000), ("1GiB", 1_073_741_824), ("4096", 4096), ("1K", 1024),
            ("2 MB", 2_000_000),
        ]
    )
    func sizes(written: String, bytes: Int) throws {
        #expect(try ConfigFixture.load("max_bytes: \(written)\npipeline: [m]\n").maxBytes == bytes)
    }

    @Test("durations", arguments: [("250ms", 0.25), ("2s", 2), ("1m", 60), ("3", 3), ("0s", 0), ("1.5s", 1.5)])
    func durations(written: String, seconds: Double) throws {
        let configuration = try ConfigFixture.load(
            "inbox: i\noutbox: o\nfailed: f\nmin_age: \(written)\nshutdown_timeout: \(written)\npipeline: [m]\n"
        )
        #expect(configuration.spool?.minAge == seconds)
        #expect(configuration.shutdownTimeout == seconds)
    }

    @Test("Booleans", arguments: [("true", true), ("no", false), ("Off", false), ("YES", true)])
    func booleans(written: String, value: Bool) throws {
        #expect(try ConfigFixture.load("include_text: \(written)\npipeline: [m]\n").includeText == value)
    }

    @Test("the digest is the SHA-256 of the bytes")
    func digest() throws {
        let configuration = try ConfigFixture.load("pipeline: [metadata]\n")
        #expect(configuration.sha256 == "08f21eafc0fda5f06edd86a2e9675cb896338def14ca15af9ffa4c16f7eb6f6b")
    }
}
