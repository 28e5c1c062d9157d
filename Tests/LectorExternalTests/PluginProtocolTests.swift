import LectorCore
import LectorExternal
import Testing

@Suite("PluginProtocol")
struct PluginProtocolTests {
    private let handshake = PluginProtocol.Handshake(
        name: "keywords",
        version: "1",
        adds: ["keywords", "topics"],
        languages: nil
    )

    @Test("a good handshake gives name, version, fields and languages")
    func goodHandshake() throws {
        let line =
            #"{"lector_plugin": 1, "name": "keywords", "version": "2.1", "adds": ["topics"], "languages": ["en"]}"#
        let parsed = try PluginProtocol.handshake(Array(line.utf8), expectedName: "keywords")
        #expect(parsed == .init(name: "keywords", version: "2.1", adds: ["keywords", "topics"], languages: ["en"]))
    }

    @Test(
        "bad handshakes say what is wrong",
        arguments: [
            ("not json", "not JSON"),
            (#"{"name": "keywords"}"#, "no \"lector_plugin\" version"),
            (#"{"lector_plugin": 2, "name": "keywords"}"#, "protocol version 2, but this Lector speaks version 1"),
            (#"{"lector_plugin": 1}"#, "no \"name\""),
            (#"{"lector_plugin": 1, "name": "other"}"#, "calls itself 'other' but the step names it 'keywords'"),
            (#"{"lector_plugin": 1, "name": "keywords", "adds": ["text"]}"#, "names 'text', which Lector owns"),
        ]
    )
    func badHandshake(line: String, fragment: String) throws {
        let error = try #require(throws: ProcessorError.self) {
            try PluginProtocol.handshake(Array(line.utf8), expectedName: "keywords")
        }
        #expect(error.code == .pluginFailed)
        #expect(error.message.contains(fragment), "\(error.message)")
    }

    @Test("the request carries id, metadata, text and the fields so far")
    func request() {
        var document = Document(id: "a", text: "Hello.", metadata: JSONObject([("title", "T")]))
        document.annotations["language"] = ["code": "en"]
        #expect(
            PluginProtocol.request(document).encodedString()
                == #"{"id":"a","document":{"id":"a","metadata":{"title":"T"},"text":"Hello.","language":{"code":"en"}}}"#
        )
    }

    @Test("a reply gives its declared fields and prefixed warnings")
    func goodReply() throws {
        let line = #"{"id": "a", "fields": {"keywords": ["x"], "topics": []}, "warnings": ["short"]}"#
        let reply = try PluginProtocol.reply(Array(line.utf8), id: "a", handshake: handshake)
        #expect(reply.fields == JSONObject([("keywords", ["x"]), ("topics", [])]))
        #expect(reply.warnings == ["keywords: short"])
    }

    @Test(
        "replies that break the protocol are plugin failures; the plugin's own errors keep their code",
        arguments: [
            ("{oops", "plugin_failed", "invalid JSON"),
            ("[1]", "plugin_failed", "a list, not an object"),
            (#"{"id": "b", "fields": {}}"#, "plugin_failed", "answered for 'b' while 'a' was asked"),
            (#"{"id": "a", "fields": {"other": 1}}"#, "plugin_failed", "field 'other' it did not declare"),
            (#"{"id": "a", "fields": 3}"#, "plugin_failed", "\"fields\" must be an object"),
            (
                #"{"id": "a", "error": {"code": "invalid_input", "message": "too short"}}"#, "invalid_input",
                "keywords: too short"
            ),
            (#"{"id": "a", "error": {"code": "weird", "message": "boom"}}"#, "plugin_failed", "keywords: boom"),
        ]
    )
    func badReply(line: String, code: String, fragment: String) throws {
        let error = try #require(throws: ProcessorError.self) {
            try PluginProtocol.reply(Array(line.utf8), id: "a", handshake: handshake)
        }
        #expect(error.code.description == code)
        #expect(error.message.contains(fragment), "\(error.message)")
    }
}
