import LectorConfig
import LectorCore
import Testing

@Suite("ConfigurationError")
struct ConfigurationErrorTests {
    @Test("one line: FILE:LINE:COLUMN: message, or FILE: message without a location")
    func description() {
        let located = ConfigurationError(
            file: "/etc/lector/config.yaml",
            location: .at(4, 3),
            keyPath: "workrs",
            message: "unknown key 'workrs' (did you mean 'workers'?)"
        )
        #expect(located.description == "/etc/lector/config.yaml:4:3: unknown key 'workrs' (did you mean 'workers'?)")
        let unlocated = ConfigurationError(file: "config.yaml", location: nil, keyPath: "", message: "cannot read")
        #expect(unlocated.description == "config.yaml: cannot read")
    }

    @Test("a collection sorts by location, stably, errors without a location first")
    func sorting() {
        func error(_ location: LectorCore.SourceLocation?, _ message: String) -> ConfigurationError {
            ConfigurationError(file: "c.yaml", location: location, keyPath: "", message: message)
        }
        let errors = ConfigurationErrors([
            error(.at(3, 1), "c"), error(.at(1, 5), "b1"), error(nil, "a"), error(.at(1, 5), "b2"),
            error(.at(1, 2), "b0"),
        ])
        #expect(errors.errors.map(\.message) == ["a", "b0", "b1", "b2", "c"])
        #expect(errors.description == "c.yaml: a\nc.yaml:1:2: b0\nc.yaml:1:5: b1\nc.yaml:1:5: b2\nc.yaml:3:1: c")
    }
}

@Suite("ConfigurationError from ProcessorError")
struct ConfigurationErrorFromProcessorErrorTests {
    @Test("keeps the option's location, or falls back to the step's")
    func wrapping() {
        let located = ProcessorError(.invalidOptions, "unknown option 'sentnces'", location: .at(7, 18))
        #expect(
            ConfigurationError(
                file: "config.yaml",
                keyPath: "pipeline[3]",
                fallback: .at(7, 5),
                processorError: located
            )
            .description == "config.yaml:7:18: unknown option 'sentnces'"
        )
        let unlocated = ProcessorError(.unavailable, "model file missing")
        #expect(
            ConfigurationError(
                file: "config.yaml",
                keyPath: "pipeline[3]",
                fallback: .at(7, 5),
                processorError: unlocated
            )
            .description == "config.yaml:7:5: model file missing"
        )
    }
}
