import LectorCore
import Testing

@testable import LectorLanguage

@Suite struct NGramModelTests {
    @Test func rejectsOtherFiles() {
        #expect(throws: ProcessorError.self) { try NGramModel(bytes: Array("not a model at all, no".utf8)) }
        #expect(throws: ProcessorError.self) { try NGramModel(bytes: []) }
    }

    @Test func rejectsATruncatedModel() throws {
        let bytes = try LanguageModelCache.modelBytes()
        #expect(throws: ProcessorError.self) { try NGramModel(bytes: Array(bytes.prefix(bytes.count - 1))) }
    }

    @Test func loadsOnceAndShares() throws {
        let first = try LanguageModelCache.model()
        let second = try LanguageModelCache.model()
        #expect(first.codes == second.codes)
        #expect(first.codes.count == 75)
        #expect(first.step > 0)
    }
}
