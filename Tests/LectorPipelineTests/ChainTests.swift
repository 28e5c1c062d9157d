import LectorConfig
import LectorCore
import LectorPipeline
import LectorTestSupport
import Logging
import Testing

@Suite("Chain")
struct ChainTests {
    private let logger = Logger(label: "test")
    private let identity = ChainIdentity(configHash: "sha256:" + String(repeating: "0", count: 64), generation: 1)

    private func condition(languages: [String]? = nil, metadata: [MetadataCondition] = []) -> StepCondition {
        StepCondition(languages: languages, metadata: metadata, location: SourceLocation(line: 1, column: 1))
    }

    @Test("every step runs in order and is timed")
    func runsInOrder() {
        let first = RecordingProcessor(field: "first")
        let second = RecordingProcessor(field: "second")
        let chain = Chain(
            steps: [ChainStep(name: "first", processor: first), ChainStep(name: "second", processor: second)],
            identity: identity
        )
        let result = chain.run(Document(id: "a", text: "Hello."), logger: logger)
        #expect(result.succeeded)
        #expect(result.document.annotations.keys == ["first", "second"])
        #expect(result.steps.map(\.name) == ["first", "second"])
        #expect(result.steps.allSatisfy { $0.status == .ok && $0.milliseconds >= 0 })
        #expect(first.documentIDs == ["a"])
    }

    @Test("a false when: condition skips the step with a reason")
    func conditionSkips() {
        let recorder = RecordingProcessor()
        let chain = Chain(
            steps: [
                ChainStep(name: "language", processor: FixedLanguageProcessor(code: "de")),
                ChainStep(name: "entities", processor: recorder, condition: condition(languages: ["en"])),
            ],
            identity: identity
        )
        let result = chain.run(Document(id: "a", text: "Guten Tag."), logger: logger)
        #expect(result.steps[1].status == .skipped(reason: "condition not met: language is 'de', not en"))
        #expect(recorder.documentIDs.isEmpty)
    }

    @Test("metadata conditions: equals any of the values, exists")
    func metadataConditions() {
        let recorder = RecordingProcessor()
        let tests = [
            MetadataCondition(
                key: "section",
                test: .equals(["world", "politics"]),
                location: .init(line: 1, column: 1)
            ),
            MetadataCondition(key: "date", test: .exists(true), location: .init(line: 1, column: 1)),
        ]
        let chain = Chain(
            steps: [ChainStep(name: "recorder", processor: recorder, condition: condition(metadata: tests))],
            identity: identity
        )
        let matching = Document(
            id: "yes",
            text: "x",
            metadata: JSONObject([("section", "world"), ("date", "2022-02-16")])
        )
        let noDate = Document(id: "no-date", text: "x", metadata: JSONObject([("section", "world"), ("date", nil)]))
        let otherSection = Document(id: "sport", text: "x", metadata: JSONObject([("section", "sport")]))
        #expect(chain.run(matching, logger: logger).steps[0].status == .ok)
        #expect(
            chain.run(noDate, logger: logger).steps[0].status
                == .skipped(reason: "condition not met: metadata 'date' is missing")
        )
        #expect(
            chain.run(otherSection, logger: logger).steps[0].status
                == .skipped(reason: "condition not met: metadata 'section' is 'sport', not 'world' or 'politics'")
        )
        #expect(recorder.documentIDs == ["yes"])
    }

    @Test("a processor for some languages runs when the language is unknown and skips an unsupported one")
    func supportedLanguages() {
        let recorder = RecordingProcessor(supportedLanguages: ["en", "es"])
        let unknown = Chain(steps: [ChainStep(name: "entities", processor: recorder)], identity: identity)
        #expect(unknown.run(Document(id: "a", text: "x"), logger: logger).steps[0].status == .ok)

        let undetermined = Chain(
            steps: [
                ChainStep(name: "language", processor: FixedLanguageProcessor(code: "und")),
                ChainStep(name: "entities", processor: recorder),
            ],
            identity: identity
        )
        #expect(undetermined.run(Document(id: "b", text: "x"), logger: logger).steps[1].status == .ok)

        let german = Chain(
            steps: [
                ChainStep(name: "language", processor: FixedLanguageProcessor(code: "de")),
                ChainStep(name: "entities", processor: recorder),
            ],
            identity: identity
        )
        #expect(
            german.run(Document(id: "c", text: "x"), logger: logger).steps[1].status
                == .skipped(reason: "language 'de' is not supported (supported: en, es)")
        )
        #expect(recorder.documentIDs == ["a", "b"])
    }

    @Test("on_error: fail stops the chain; on_error: skip records the error and goes on")
    func errorPolicy() {
        let after = RecordingProcessor(field: "after")
        let failing = FailingProcessor(error: ProcessorError(.invalidInput, "cannot read this"))
        let skipping = Chain(
            steps: [
                ChainStep(name: "broken", processor: failing, onError: .skip),
                ChainStep(name: "after", processor: after),
            ],
            identity: identity
        )
        let skipped = skipping.run(Document(id: "a", text: "x"), logger: logger)
        #expect(skipped.succeeded)
        #expect(skipped.steps[0].status == .failed(code: "invalid_input", message: "cannot read this", continued: true))
        #expect(skipped.steps[1].status == .ok)

        let failingChain = Chain(
            steps: [ChainStep(name: "broken", processor: failing), ChainStep(name: "after", processor: after)],
            identity: identity
        )
        let failed = failingChain.run(Document(id: "b", text: "x"), logger: logger)
        #expect(failed.failure == StepFailure(step: "broken", code: "invalid_input", message: "cannot read this"))
        #expect(failed.steps.map(\.name) == ["broken"])
        #expect(after.documentIDs == ["a"])
    }

    @Test("the step records encode as processing.steps entries")
    func stepJSON() {
        let skipped = StepRecord(name: "x", status: .skipped(reason: "why"), milliseconds: 0)
        #expect(skipped.json.encodedString() == #"{"name":"x","status":"skipped","reason":"why","ms":0}"#)
        let failed = StepRecord(
            name: "y",
            status: .failed(code: "timed_out", message: "slow", continued: false),
            milliseconds: 1.23456
        )
        #expect(
            failed.json.encodedString()
                == #"{"name":"y","status":"failed","error":{"code":"timed_out","message":"slow"},"on_error":"fail","ms":1.235}"#
        )
    }
}
