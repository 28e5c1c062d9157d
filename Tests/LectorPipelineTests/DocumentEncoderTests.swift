import LectorCore
import LectorPipeline
import Testing

@Suite("DocumentEncoder")
struct DocumentEncoderTests {
    private let identity = ChainIdentity(configHash: "sha256:abc", generation: 3)

    @Test("fields come in the documented order; processors' fields before processing")
    func order() {
        var document = Document(
            id: "a",
            text: "Body.",
            source: .init(file: "a.txt", bytes: 5, sha256: "f", encoding: "utf-8"),
            metadata: JSONObject([("date", nil), ("title", nil)]),
            warnings: ["w"]
        )
        document.annotations["language"] = ["code": "en"]
        document.annotations["summary"] = ["sentences": []]
        let result = ProcessedDocument(
            document: document,
            steps: [StepRecord(name: "language", status: .ok, milliseconds: 0.5)],
            failure: nil,
            chain: identity
        )
        let json = DocumentEncoder.json(result, includeText: true)
        #expect(json.objectValue?.keys == ["id", "source", "metadata", "text", "language", "summary", "processing"])
        #expect(json["processing"]?["generation"] == 3)
        #expect(json["processing"]?["warnings"] == ["w"])
        #expect(json["processing"]?["lector"] == .string(LectorVersion.current))
        #expect(DocumentEncoder.json(result, includeText: false)["text"] == nil)
    }

    @Test(
        "source.modified is the input file's time in UTC, when known",
        arguments: [
            (Int64(0), "1970-01-01T00:00:00Z"), (Int64(1_798_880_400), "2027-01-02T09:00:00Z"),
            (Int64(-1), "1969-12-31T23:59:59Z"),
        ]
    )
    func modified(seconds: Int64, expected: String) {
        let source = Document.Source(file: "a.txt", bytes: 5, sha256: "f", encoding: "utf-8", modified: seconds)
        let result = ProcessedDocument(
            document: Document(id: "a", text: "Body.", source: source),
            steps: [],
            failure: nil,
            chain: identity
        )
        #expect(DocumentEncoder.json(result, includeText: false)["source"]?["modified"] == .string(expected))
        let unknown = ProcessedDocument(
            document: Document(
                id: "a",
                text: "Body.",
                source: .init(file: "a.txt", bytes: 5, sha256: "f", encoding: "utf-8")
            ),
            steps: [],
            failure: nil,
            chain: identity
        )
        #expect(DocumentEncoder.json(unknown, includeText: false)["source"]?["modified"] == nil)
    }

    @Test("a failed document records the step, code and message")
    func failure() {
        let result = ProcessedDocument(
            document: Document(id: "b", text: "x"),
            steps: [],
            failure: StepFailure(step: "entities", code: "timed_out", message: "too slow"),
            chain: identity
        )
        #expect(
            DocumentEncoder.failureRecord(result)["error"]
                == ["step": "entities", "code": "timed_out", "message": "too slow"]
        )
    }
}
