import LectorCore
import LectorTestSupport
import Testing

@testable import LectorLanguage

@Suite struct NGramModelTests {
    @Test func rejectsOtherFiles() {
        #expect(throws: ProcessorError.self) { try NGramModel(bytes: Array("not a model at all, no".utf8)) }
        #expect(throws: ProcessorError.self) { try NGramModel(bytes: []) }
    }

    @Test func rejectsATruncatedModel() throws {
        let bytes = try LanguageModelFiles.modelPaths(in: TestModels.cache).flatMap {
            try TestModels.cache.source.model($0).bytes
        }
        #expect(throws: ProcessorError.self) { try NGramModel(bytes: Array(bytes.prefix(bytes.count - 1))) }
    }

    @Test func loadsOnceAndShares() throws {
        let first = try LanguageModelFiles.load(from: TestModels.cache).value.ngrams
        let second = try LanguageModelFiles.load(from: TestModels.cache).value.ngrams
        #expect(first.codes == second.codes)
        #expect(first.codes.count == 75)
        #expect(first.step > 0)
    }
}
