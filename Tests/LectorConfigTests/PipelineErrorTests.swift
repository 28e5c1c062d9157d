import LectorConfig
import LectorCore
import Testing

/// Mistakes in `pipeline:`, its steps and their `when:`.
@Suite("Pipeline errors")
struct PipelineErrorTests {
    @Test(
        "step shapes",
        arguments: [
            ("pipeline: []\n", "config.yaml:1:11: pipeline must list at least one step"),
            ("pipeline:\nworkers: 1\n", "config.yaml:1:1: pipeline must list at least one step"),
            ("pipeline: metadata\n", "config.yaml:1:11: pipeline: expected a list, found 'metadata'"),
            (
                "pipeline:\n  - [a, b]\n",
                "config.yaml:2:5: pipeline[0]: expected a processor name or a mapping with one key, found a list"
            ),
            ("pipeline:\n  - m\n  - ''\n", "config.yaml:3:5: pipeline[1]: expected a processor name, found ''"),
            (
                "pipeline:\n  - {}\n",
                "config.yaml:2:5: pipeline[0]: a step must name one processor, found an empty mapping"
            ),
            (
                "pipeline:\n  - language: {a: 1}\n    summary: {}\n",
                "config.yaml:3:5: pipeline[0]: a step must name exactly one processor, found 2 keys ('language', "
                    + "'summary'); indent the options under 'language'"
            ),
            (
                "pipeline:\n  - language: [a]\n",
                "config.yaml:2:15: pipeline[0]: the options of 'language' must be a mapping, found a list"
            ),
        ]
    )
    func stepShapes(yaml: String, expected: String) {
        #expect(ConfigFixture.errors(yaml) == [expected])
    }

    @Test(
        "on_error",
        arguments: [
            ("on_error: ignore", "config.yaml:2:26: on_error must be 'fail' or 'skip', found 'ignore'"),
            (
                "on_error: skp",
                "config.yaml:2:26: on_error must be 'fail' or 'skip', found 'skp' (did you mean 'skip'?)"
            ),
            ("on_error: [skip]", "config.yaml:2:26: pipeline[0].on_error: expected a string, found a list"),
        ]
    )
    func onError(written: String, expected: String) {
        #expect(ConfigFixture.errors("pipeline:\n  - entities: {\(written)}\n") == [expected])
    }

    @Test(
        "when",
        arguments: [
            ("when: {langauge: en}", "config.yaml:2:23: unknown key 'langauge' in 'when' (did you mean 'language'?)"),
            (
                "when: {colour: en}",
                "config.yaml:2:23: unknown key 'colour' in 'when'; known keys: language, metadata"
            ),
            (
                "when: en",
                "config.yaml:2:22: pipeline[0].when: expected a mapping with 'language' or 'metadata', found 'en'"
            ),
            (
                "when: {}",
                "config.yaml:2:22: pipeline[0].when: expected a mapping with 'language' or 'metadata', found nothing"
            ),
            (
                "when: {language: English}",
                "config.yaml:2:33: pipeline[0].when.language: 'English' is not a language code (2 or 3 lowercase letters, or 'und')"
            ),
            (
                "when: {language: [en, DE]}",
                "config.yaml:2:38: pipeline[0].when.language[1]: 'DE' is not a language code (2 or 3 lowercase "
                    + "letters, or 'und'); did you mean 'de'?"
            ),
            (
                "when: {language: []}",
                "config.yaml:2:33: pipeline[0].when.language: expected a language code or a list of them, found a list"
            ),
            (
                "when: {language: [[en]]}",
                "config.yaml:2:34: pipeline[0].when.language[0]: expected a string, found a list"
            ),
            (
                "when: {metadata: reuters}",
                "config.yaml:2:33: pipeline[0].when.metadata: expected a mapping of metadata fields to values, found 'reuters'"
            ),
            (
                "when: {metadata: {date: {exist: true}}}",
                "config.yaml:2:41: unknown key 'exist' in 'pipeline[0].when.metadata.date' (did you mean 'exists'?)"
            ),
            (
                "when: {metadata: {date: {exists: maybe}}}",
                "config.yaml:2:49: pipeline[0].when.metadata.date.exists: expected true or false, found 'maybe'"
            ),
            (
                "when: {metadata: {date: []}}",
                "config.yaml:2:40: pipeline[0].when.metadata.date: expected a value, a list of values or "
                    + "{exists: true|false}, found a list"
            ),
            (
                "when: {metadata: {date: [a, {b: c}]}}",
                "config.yaml:2:44: pipeline[0].when.metadata.date[1]: expected a string, found a mapping"
            ),
        ]
    )
    func when(written: String, expected: String) {
        #expect(ConfigFixture.errors("pipeline:\n  - entities: {\(written)}\n") == [expected])
    }

    @Test("a null `when:` and a null metadata field are reported at their keys")
    func nullConditionParts() {
        #expect(
            ConfigFixture.errors("pipeline:\n  - entities:\n      when:\n") == [
                "config.yaml:3:7: pipeline[0].when: expected a mapping with 'language' or 'metadata', found nothing"
            ]
        )
        #expect(
            ConfigFixture.errors("pipeline:\n  - entities:\n      when:\n        metadata:\n          date:\n") == [
                "config.yaml:5:11: pipeline[0].when.metadata.date: expected a value, a list of values or "
                    + "{exists: true|false}, found null"
            ]
        )
    }

    @Test("language codes", arguments: ["en", "de", "und", "yue"])
    func languageCodes(code: String) throws {
        let configuration = try ConfigFixture.load("pipeline:\n  - entities: {when: {language: \(code)}}\n")
        #expect(configuration.pipeline.first?.condition?.languages == [code])
    }

    @Test("a processor name is not checked here")
    func processorNamesPassThrough() throws {
        let configuration = try ConfigFixture.load("pipeline: [no_such_processor, 'quoted name']\n")
        #expect(configuration.pipeline.map(\.processor) == ["no_such_processor", "quoted name"])
    }
}
