import LectorConfig
import LectorCore
import Testing

/// Each mistake, as the exact line `lector check` prints.
@Suite("ConfigurationLoader errors")
struct ConfigurationLoaderErrorTests {
    @Test(
        "top-level mistakes",
        arguments: [
            ("workers: two\npipeline: [m]\n", "config.yaml:1:10: workers: expected a whole number, found 'two'"),
            ("workers: 0\npipeline: [m]\n", "config.yaml:1:10: workers must be between 1 and 256, found 0"),
            ("workers: 300\npipeline: [m]\n", "config.yaml:1:10: workers must be between 1 and 256, found 300"),
            ("pipeline: [m]\nworkrs: 2\n", "config.yaml:2:1: unknown key 'workrs' (did you mean 'workers'?)"),
            (
                "pipeline: [m]\ncolour: red\n",
                "config.yaml:2:1: unknown key 'colour'; known keys: inbox, outbox, failed, archive, min_age, min_free_space, rescan_interval, "
                    + "workers, max_bytes, shutdown_timeout, include_text, metrics_file, input, output, pipeline"
            ),
            (
                "max_bytes: lots\npipeline: [m]\n",
                "config.yaml:1:12: max_bytes: expected a size such as 10MiB or 512KB, found 'lots'"
            ),
            (
                "max_bytes: 2GiB\npipeline: [m]\n",
                "config.yaml:1:12: max_bytes must be between 1 byte and 1GiB, found 2147483648 bytes"
            ),
            (
                "max_bytes: 0\npipeline: [m]\n",
                "config.yaml:1:12: max_bytes must be between 1 byte and 1GiB, found 0 bytes"
            ),
            (
                "shutdown_timeout: 2h\npipeline: [m]\n",
                "config.yaml:1:19: shutdown_timeout must be between 0s and 3600s, found 7200s"
            ),
            (
                "pipeline: [m]\nmin_age: -1s\n",
                "config.yaml:2:10: min_age: expected a duration such as 500ms, 5s, 2m or 1h, found '-1s'"
            ),
            (
                "inbox: i\noutbox: o\nfailed: f\nrescan_interval: 2h\npipeline: [m]\n",
                "config.yaml:4:18: rescan_interval must be between 0.1s and 3600s, found 7200s"
            ),
            (
                "include_text: maybe\npipeline: [m]\n",
                "config.yaml:1:15: include_text: expected true or false, found 'maybe'"
            ),
            ("workers: \"2\"\npipeline: [m]\n", "config.yaml:1:10: workers: expected a whole number, found '2'"),
            ("- a\n- b\n", "config.yaml:1:1: the file must be a mapping of keys such as 'pipeline:', found a list"),
            ("just text\n", "config.yaml:1:1: the file must be a mapping of keys such as 'pipeline:', found a scalar"),
            ("workers: 2\n", "config.yaml:1:1: missing required key 'pipeline'"),
            ("# settings\n\n  workers: 2\n", "config.yaml:3:3: missing required key 'pipeline'"),
        ]
    )
    func topLevel(yaml: String, expected: String) {
        #expect(ConfigFixture.errors(yaml) == [expected])
    }

    @Test("a misspelt required key is reported once, as unknown with a suggestion")
    func misspeltRequiredKey() {
        #expect(
            ConfigFixture.errors("workers: 2\npipline: [m]\n") == [
                "config.yaml:2:1: unknown key 'pipline' (did you mean 'pipeline'?)"
            ]
        )
    }

    @Test(
        "spool mistakes",
        arguments: [
            (
                "inbox: [a]\noutbox: o\nfailed: f\npipeline: [m]\n",
                "config.yaml:1:8: inbox: expected a string, found a list"
            ),
            ("inbox:\noutbox: o\nfailed: f\npipeline: [m]\n", "config.yaml:1:7: inbox: expected a string, found null"),
            (
                "inbox: ''\noutbox: o\nfailed: f\npipeline: [m]\n",
                "config.yaml:1:8: inbox must be a folder's path, found ''"
            ),
            (
                "inbox: a\noutbox: ./a\nfailed: f\npipeline: [m]\n",
                "config.yaml:2:9: outbox is the same folder as inbox (/srv/lector/a)"
            ),
            (
                "inbox: a\noutbox: o\nfailed: f\narchive: /srv/lector/f/\npipeline: [m]\n",
                "config.yaml:4:10: archive is the same folder as failed (/srv/lector/f)"
            ),
            (
                "inbox: a\noutbox: o\nfailed: f\nmetrics_file: a/lector.prom\npipeline: [m]\n",
                "config.yaml:4:15: metrics_file must not be in the inbox folder (/srv/lector/a/lector.prom)"
            ),
            (
                "inbox: a\noutbox: o\nfailed: f\nmetrics_file: ./o/x.json\npipeline: [m]\n",
                "config.yaml:4:15: metrics_file must not be in the outbox folder (/srv/lector/o/x.json)"
            ),
        ]
    )
    func spool(yaml: String, expected: String) {
        #expect(ConfigFixture.errors(yaml) == [expected])
    }

    @Test("a spool folder whose files' paths would pass PATH_MAX is refused with its length")
    func pathTooLong() {
        // Resolved under /srv/lector/ (12 bytes); the inbox may have 3,809 bytes, the others 3,839.
        let deep = String(repeating: String(repeating: "d", count: 99) + "/", count: 38).dropLast(3)
        #expect(deep.utf8.count == 3797)
        let inbox = "inbox: \(deep)a\noutbox: o\nfailed: f\npipeline: [m]\n"
        #expect(
            ConfigFixture.errors(inbox) == [
                "config.yaml:1:8: inbox is 3810 bytes long: a claimed file's path (inbox/.lector/work/ID/NAME) would pass the 4095-byte limit for a 255-byte name; at most 3809"
            ]
        )
        #expect(ConfigFixture.errors("inbox: i\noutbox: \(deep)a\nfailed: f\npipeline: [m]\n").isEmpty)
        let natsOutbox = "input: {nats: {}}\noutbox: \(deep)\(String(repeating: "o", count: 31))\npipeline: [m]\n"
        #expect(
            ConfigFixture.errors(natsOutbox) == [
                "config.yaml:2:9: outbox is 3840 bytes long: the path of a file in it would pass the 4095-byte limit for a 255-byte name; at most 3839"
            ],
            "with input.nats too"
        )
        let outbox = "inbox: i\noutbox: o\nfailed: \(deep)\(String(repeating: "f", count: 31))\npipeline: [m]\n"
        #expect(
            ConfigFixture.errors(outbox) == [
                "config.yaml:3:9: failed is 3840 bytes long: the path of a file in it would pass the 4095-byte limit for a 255-byte name; at most 3839"
            ]
        )
    }

    @Test("the daemon needs inbox, outbox and failed")
    func daemonNeedsSpool() {
        #expect(
            ConfigFixture.errors("workers: 2\npipeline: [m]\n", purpose: .daemon) == [
                "config.yaml:1:1: missing required key 'inbox'",
                "config.yaml:1:1: missing required key 'outbox'",
                "config.yaml:1:1: missing required key 'failed'",
            ]
        )
        #expect(ConfigFixture.errors("workers: 2\npipeline: [m]\n", purpose: .process) == [])
    }

    @Test("inbox, outbox and failed go together")
    func partialSpool() {
        #expect(
            ConfigFixture.errors("inbox: in\npipeline: [m]\n") == [
                "config.yaml:1:1: missing required key 'outbox' (inbox, outbox and failed go together)",
                "config.yaml:1:1: missing required key 'failed' (inbox, outbox and failed go together)",
            ]
        )
    }

    @Test("an alias draws one complaint, not a second one about its type")
    func aliasOnce() {
        #expect(
            ConfigFixture.errors("base: &w 2\nworkers: *w\npipeline: [m]\n") == [
                "config.yaml:1:1: unknown key 'base'; known keys: inbox, outbox, failed, archive, min_age, min_free_space, rescan_interval, "
                    + "workers, max_bytes, shutdown_timeout, include_text, metrics_file, input, output, pipeline",
                "config.yaml:2:10: aliases ('*w') are not supported in config files; write the value out",
            ]
        )
    }

    @Test("every mistake is collected in one pass, in file order")
    func manyMistakes() throws {
        let yaml = """
            workrs: 4
            workers: zero
            max_bytes: 0
            include_text: maybe
            include_text: true
            pipeline:
              - language: 0.5
              - entities: {when: {langauge: [en]}, on_error: ignore}
              - summary:
                sentences: 3
              - {}
            """
        let expected = [
            "config.yaml:1:1: unknown key 'workrs' (did you mean 'workers'?)",
            "config.yaml:2:10: workers: expected a whole number, found 'zero'",
            "config.yaml:3:12: max_bytes must be between 1 byte and 1GiB, found 0 bytes",
            "config.yaml:4:15: include_text: expected true or false, found 'maybe'",
            "config.yaml:5:1: duplicate key 'include_text' (first at 4:1)",
            "config.yaml:7:15: pipeline[0]: the options of 'language' must be a mapping, found '0.5'",
            "config.yaml:8:23: unknown key 'langauge' in 'when' (did you mean 'language'?)",
            "config.yaml:8:50: on_error must be 'fail' or 'skip', found 'ignore'",
            "config.yaml:10:5: pipeline[2]: a step must name exactly one processor, found 2 keys ('summary', "
                + "'sentences'); indent the options under 'summary'",
            "config.yaml:11:5: pipeline[3]: a step must name one processor, found an empty mapping",
        ]
        #expect(ConfigFixture.errors(yaml) == expected)

        let errors = try #require(throws: ConfigurationErrors.self) { try ConfigFixture.load(yaml) }
        #expect(errors.description == expected.joined(separator: "\n"))
        #expect(errors.errors.map(\.keyPath)[0...2] == ["workrs", "workers", "max_bytes"])
        #expect(errors.errors[6].keyPath == "pipeline[1].when.langauge")
        #expect(errors.errors[7].keyPath == "pipeline[1].on_error")
    }
}
