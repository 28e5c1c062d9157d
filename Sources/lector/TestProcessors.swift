import Glibc
import LectorBuiltIn
import LectorCore
import LectorPipeline

/// The registry the commands use: the built-in processors, plus — only when
/// `LECTOR_TEST_PROCESSORS=1` — two processors that exist for the end-to-end tests:
/// `test_delay` (sleeps `ms` milliseconds per document) and `test_fail` (fails documents
/// whose text contains `marker`).
enum Processors {
    static var registry: ProcessorRegistry {
        guard Environment.value("LECTOR_TEST_PROCESSORS") == "1" else { return .builtIn }
        return ProcessorRegistry.builtIn.adding([DelayFactory(), FailFactory()])
    }
}

private struct DelayFactory: ProcessorFactory {
    let name = "test_delay"
    let summary = "Test only: sleeps per document."
    let options = [
        OptionDescription("ms", type: "integer", default: "100", "Milliseconds to sleep per document."),
        OptionDescription(
            "load_ms",
            type: "integer",
            default: "0",
            "Milliseconds to sleep when built, like a model load."
        ),
    ]

    func makeProcessor(options: inout ProcessorOptions) throws -> any Processor {
        let delay = try options.int("ms", default: 100, in: 0...60_000)
        usleep(UInt32(try options.int("load_ms", default: 0, in: 0...60_000) * 1000))
        return DelayProcessor(microseconds: UInt32(delay * 1000))
    }
}

private struct DelayProcessor: Processor {
    let microseconds: UInt32

    func process(_ document: Document, context: ProcessingContext) throws -> Document {
        usleep(microseconds)
        var result = document
        result.annotations["test_delay"] = ["ms": .int(Int(microseconds / 1000))]
        return result
    }
}

private struct FailFactory: ProcessorFactory {
    let name = "test_fail"
    let summary = "Test only: fails documents whose text contains a marker."
    let options = [OptionDescription("marker", type: "string", default: "FAIL", "The text that fails a document.")]

    func makeProcessor(options: inout ProcessorOptions) throws -> any Processor {
        FailProcessor(marker: try options.string("marker", default: "FAIL"))
    }
}

private struct FailProcessor: Processor {
    let marker: String

    func process(_ document: Document, context: ProcessingContext) throws -> Document {
        if document.text.contains(marker) {
            throw ProcessorError(.invalidInput, "the text contains the marker '\(marker)'")
        }
        return document
    }
}
