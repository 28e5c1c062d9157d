import Foundation
import LectorCore
import LectorNATS
import LectorPipeline
import Testing

@Suite("NATS messages to documents and back")
struct NATSDocumentsTests {
    private func document(_ body: String, messageID: String? = nil) -> Result<Document, NATSDocuments.Rejected> {
        NATSDocuments.document(
            body: Array(body.utf8),
            messageID: messageID,
            stream: "ARTICLES",
            sequence: 42,
            maximumBytes: 1_000
        )
    }

    private func rejection(_ body: String, messageID: String? = nil) -> NATSDocuments.Rejected? {
        if case .failure(let rejected) = document(body, messageID: messageID) { return rejected }
        return nil
    }

    @Test("plain text takes the message id, else STREAM-SEQUENCE")
    func plainText() throws {
        let named = try document("Oslo, Tuesday. The council met.", messageID: "reuters.2024-03-03.1").get()
        #expect(named.id == "reuters.2024-03-03.1", "dots in a message id are kept")
        #expect(named.text == "Oslo, Tuesday. The council met.")
        #expect(named.source?.bytes == 31)
        #expect(try document("Some text.").get().id == "ARTICLES-42")
    }

    @Test("a JSON object is a record as in process --jsonl")
    func record() throws {
        let read = try document(#" {"id": 7, "text": "Hello there.", "metadata": {"lang": "en"}}"#, messageID: "other")
            .get()
        #expect(read.id == "7")
        #expect(read.metadata["lang"] == .string("en"))
        let missing = try #require(rejection(#"{"id": "x"}"#))
        #expect(missing.id == "x" && missing.error.code == "invalid_record")
        // Text that merely starts with a brace is text.
        #expect(try document("{not json} but an article.").get().text == "{not json} but an article.")
    }

    @Test("empty, binary and oversized bodies are rejected with the id they would have had")
    func rejected() {
        let empty = rejection("   ", messageID: "m1")
        #expect(empty?.id == "m1" && empty?.error.code == "empty")
        #expect(rejection("a\u{0}b")?.error.code == "not_text")
        #expect(rejection(String(repeating: "a", count: 2_000))?.error.code == "too_large")
    }

    @Test("output subjects escape what a subject token cannot hold")
    func subjects() {
        #expect(NATSDocuments.subject("articles.out.{id}", id: "doc-1_a") == "articles.out.doc-1_a")
        #expect(NATSDocuments.subject("articles.out.{id}", id: "a.b c>*") == "articles.out.a%2Eb%20c%3E%2A")
        #expect(NATSDocuments.subject("out.{id}.json", id: "é") == "out.%C3%A9.json")
        #expect(NATSDocuments.subject("all.outputs", id: "x") == "all.outputs")
    }

    @Test("message ids are the document id, or its digest when a header cannot carry it")
    func messageIDs() {
        #expect(NATSDocuments.messageID("doc-1") == "doc-1")
        #expect(NATSDocuments.messageID("two\nlines").hasPrefix("sha256:"))
        #expect(NATSDocuments.messageID(String(repeating: "x", count: 300)).count == 7 + 64)
    }

    @Test("a failure message carries the error record, where the input came from, and the input")
    func failure() throws {
        let record: JSONValue = ["id": "doc-9", "error": ["code": "empty", "message": "empty text"]]
        let message = NATSDocuments.failureMessage(
            record,
            body: [0xFF, 0x00],
            subject: "articles.in.doc-9",
            stream: "ARTICLES",
            sequence: 9,
            deliveries: 2,
            generation: 3,
            daemon: "d1",
            time: Date(timeIntervalSince1970: 0)
        )
        let object = try #require(message.objectValue)
        #expect(object["error"] == record.objectValue?["error"])
        #expect(object["attempts"] == .int(2))
        #expect(object["input_base64"] == .string("/wA="), "bytes that are not UTF-8 travel as base64")
        #expect(object["input"]?.objectValue?["sequence"] == .int(9))
        #expect(object["time"] == .string("1970-01-01T00:00:00Z"))
    }
}

@Suite("NATS subjects for long ids")
struct NATSLongIDTests {
    @Test("an id whose token would pass 128 bytes becomes its digest")
    func longID() {
        let subject = NATSDocuments.subject("out.{id}", id: String(repeating: "/", count: 60))
        #expect(subject.hasPrefix("out.sha256-") && subject.count == 4 + 7 + 64)
    }
}
