import LectorCore
import LectorPipeline
import LectorTestSupport
import Testing

@Suite struct FileModelSourceTests {
    @Test("the first folder that has a file wins; its bytes, stamp and version")
    func firstFolderWins() throws {
        let first = try TemporaryDirectory()
        let second = try TemporaryDirectory()
        defer {
            first.remove()
            second.remove()
        }
        _ = try second.write("shared.tsv", text: "second")
        _ = try second.write("only.tsv", text: "only")
        _ = try first.write("shared.tsv", text: "first")
        let source = FileModelSource(folders: [first.path, second.path])
        let shared = try source.model("shared.tsv")
        #expect(shared.bytes == Array("first".utf8))
        #expect(shared.stamp.location == first.path + "/shared.tsv")
        #expect(shared.stamp.size == 5)
        #expect(shared.version.sha256 == SHA256.hex(Array("first".utf8)))
        #expect(source.stamp("only.tsv")?.location == second.path + "/only.tsv")
        #expect(source.stamp("missing.tsv") == nil)
    }

    @Test("a missing file is unavailable and names the folders searched")
    func missing() throws {
        let error = try #require(throws: ProcessorError.self) {
            try FileModelSource(folders: ["/nonexistent/a", "/nonexistent/b"]).model("nope/missing.bin")
        }
        #expect(error.code == .unavailable)
        #expect(error.message.contains("/nonexistent/a, /nonexistent/b"))
    }

    @Test("the checkout's models load")
    func checkout() throws {
        let file = try FileModelSource(folders: [TestModels.folder]).model("summary/weights.tsv")
        #expect(file.bytes.count > 10)
    }
}
