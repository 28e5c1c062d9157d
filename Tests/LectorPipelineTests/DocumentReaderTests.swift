import LectorCore
import LectorPipeline
import Testing

@Suite("DocumentReader")
struct DocumentReaderTests {
    @Test(
        "ids drop the last extension only",
        arguments: [
            ("putin-scholz.txt", "putin-scholz"), ("a.b.txt", "a.b"), ("noext", "noext"), (".hidden", ".hidden"),
        ]
    )
    func identifiers(fileName: String, id: String) {
        #expect(DocumentReader.identifier(forFileName: fileName) == id)
    }

    @Test("a file becomes a document with its source")
    func fromFile() throws {
        let bytes = Array("Hello\r\nworld".utf8)
        let document = try DocumentReader.document(bytes: bytes, fileName: "greeting.txt")
        #expect(document.id == "greeting")
        #expect(document.text == "Hello\nworld")
        #expect(document.source?.bytes == 12)
        #expect(document.source?.encoding == "utf-8")
        #expect(document.source?.sha256.count == 64)
    }

    @Test("binary and oversized files are input errors")
    func badFiles() throws {
        let binary = try #require(throws: DocumentInputError.self) {
            try DocumentReader.document(bytes: [0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2], fileName: "a.out")
        }
        #expect(binary.code == "not_text")
        let large = try #require(throws: DocumentInputError.self) {
            try DocumentReader.document(bytes: Array(repeating: 65, count: 100), fileName: "big.txt", maximumBytes: 10)
        }
        #expect(large.code == "too_large")
    }

    @Test("a JSON Lines record gives id, text and metadata")
    func jsonLine() throws {
        let line = Array(#"{"id": 7, "text": "One.\r\nTwo.", "metadata": {"date": "2022-02-16"}, "extra": 1}"#.utf8)
        let document = try DocumentReader.document(jsonLine: line[...])
        #expect(document.id == "7")
        #expect(document.text == "One.\nTwo.")
        #expect(document.metadata["date"] == "2022-02-16")
        #expect(document.source == nil)
    }

    @Test("targets are scalar offsets into text, moved with \\r\\n made one scalar; bad ones are named")
    func targets() throws {
        // "Née\r\nApple": É-like é is one scalar; after the \r\n pair, offsets move back by one.
        let line = Array(
            #"{"id": "t", "text": "Née\r\nApple fell.", "targets": [{"start": 0, "end": 3}, {"start": 5, "end": 10}]}"#
                .utf8
        )
        let document = try DocumentReader.document(jsonLine: line[...])
        #expect(document.targets.map(\.current) == [0..<3, 4..<9])
        #expect(document.targets.map(\.given) == [0..<3, 5..<10])
        let text = Array(document.text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(text[4..<9])) == "Apple")
        for bad in [
            #"[{"start": 3, "end": 2}]"#, #"[{"start": 0, "end": 99}]"#, #"{"start": 0}"#,
            #"[{"start": "0", "end": 1}]"#,
        ] {
            let error = try #require(throws: JSONLinesRecordError.self) {
                try DocumentReader.document(
                    jsonLine: Array(#"{"id": "t", "text": "Short.", "targets": \#(bad)}"#.utf8)[...]
                )
            }
            #expect(error.id == "t")
            #expect(error.error.code == "invalid_record")
        }
    }

    @Test("a JSON Lines id may be any number: 4.5 is \"4.5\"; other types are named")
    func numericIdentifiers() throws {
        #expect(try DocumentReader.document(jsonLine: Array(#"{"id": 4.5, "text": "x"}"#.utf8)[...]).id == "4.5")
        #expect(try DocumentReader.document(jsonLine: Array(#"{"id": -3, "text": "x"}"#.utf8)[...]).id == "-3")
        let error = try #require(throws: JSONLinesRecordError.self) {
            try DocumentReader.document(jsonLine: Array(#"{"id": [1], "text": "x"}"#.utf8)[...])
        }
        #expect(error.error.message == "the record's \"id\" must be a string or a number")
    }

    @Test("file and JSON Lines inputs follow one rule for blank text and NUL characters")
    func oneRuleForBothPaths() throws {
        for text in ["", "  \n\t\n", "a\u{0}b"] {
            let file = try #require(throws: DocumentInputError.self) {
                try DocumentReader.document(bytes: Array(text.utf8), fileName: "x.txt")
            }
            var object = JSONObject()
            object["id"] = .string("x")
            object["text"] = .string(text)
            let record = JSONValue.object(object).encoded()
            let line = try #require(throws: JSONLinesRecordError.self) {
                try DocumentReader.document(jsonLine: record[...])
            }
            #expect(file.code == line.error.code, "\(text.debugDescription)")
        }
    }

    @Test(
        "bad JSON Lines records say what is wrong",
        arguments: [
            ("{not json", nil, "invalid_json"),
            ("[1]", nil, "invalid_record"),
            (#"{"text": "x"}"#, nil, "invalid_record"),
            (#"{"id": "a"}"#, "a", "invalid_record"),
            (#"{"id": "a", "text": 3}"#, "a", "invalid_record"),
            (#"{"id": "a", "text": "x", "metadata": 1}"#, "a", "invalid_record"),
            (#"{"id": "a", "text": ""}"#, "a", "empty"),
            (#"{"id": "a", "text": " \n\t "}"#, "a", "empty"),
            (#"{"id": "a", "text": "x\u0000y"}"#, "a", "not_text"),
            (#"{"id": true, "text": "x"}"#, nil, "invalid_record"),
        ] as [(String, String?, String)]
    )
    func badRecords(line: String, id: String?, code: String) throws {
        let error = try #require(throws: JSONLinesRecordError.self) {
            try DocumentReader.document(jsonLine: Array(line.utf8)[...])
        }
        #expect(error.id == id)
        #expect(error.error.code == code)
    }
}
