import LectorCore
import Testing

@Suite("ModelStore", .serialized)
struct ModelStoreTests {
    @Test("finds files in the source tree's Models folder")
    func sourceTree() throws {
        let path = try ModelStore.path("README.md")
        #expect(path.hasSuffix("/Models/README.md"))
        #expect(try ModelStore.bytes("README.md").count > 100)
    }

    @Test("a missing model is an unavailable error naming where it looked")
    func missing() throws {
        let error = try #require(throws: ProcessorError.self) { try ModelStore.path("nope/missing.bin") }
        #expect(error.code == .unavailable)
        #expect(error.message.contains("nope/missing.bin"))
        #expect(error.message.contains("LECTOR_MODELS"))
    }
}
