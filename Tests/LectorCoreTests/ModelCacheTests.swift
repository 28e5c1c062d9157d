import LectorCore
import Synchronization
import Testing

@Suite struct ModelCacheTests {
    /// Model files in memory, changed by the test.
    final class MemorySource: ModelSource {
        let files = Mutex<[String: (bytes: [UInt8], modified: Int64)]>([:])

        func set(_ path: String, _ text: String, modified: Int64) {
            files.withLock { $0[path] = (Array(text.utf8), modified) }
        }

        func stamp(_ relativePath: String) -> ModelStamp? {
            files.withLock { $0[relativePath] }.map {
                ModelStamp(location: "memory:" + relativePath, size: $0.bytes.count, modified: $0.modified)
            }
        }

        func model(_ relativePath: String) throws -> ModelFile {
            guard let file = files.withLock({ $0[relativePath] }), let stamp = stamp(relativePath) else {
                throw ProcessorError(.unavailable, "model file '\(relativePath)' not found")
            }
            return ModelFile(relativePath: relativePath, bytes: file.bytes, stamp: stamp)
        }
    }

    final class Decoded: Sendable {
        let text: String
        init(_ files: [ModelFile]) { text = files.map { String(decoding: $0.bytes, as: UTF8.self) }.joined() }
    }

    @Test("unchanged files give the model decoded before, with the files' versions")
    func reuse() throws {
        let source = MemorySource()
        source.set("a/one.tsv", "one", modified: 1)
        source.set("a/two.tsv", "two", modified: 1)
        let cache = ModelCache(source: source)
        let decodes = Mutex(0)
        func load() throws -> LoadedModel<Decoded> {
            try cache.load(["a/one.tsv", "a/two.tsv"]) { files in
                decodes.withLock { $0 += 1 }
                return Decoded(files)
            }
        }
        let first = try load()
        let second = try load()
        #expect(first.value === second.value)
        #expect(first.value.text == "onetwo")
        #expect(decodes.withLock { $0 } == 1)
        #expect(first.versions.map(\.path) == ["a/one.tsv", "a/two.tsv"])
        #expect(first.versions[0].sha256 == SHA256.hex(Array("one".utf8)))
        #expect(first.versions[0].description == "a/one.tsv@sha256:" + SHA256.hex(Array("one".utf8)).prefix(12))
    }

    @Test("a changed file is decoded again; a touched but identical one is not")
    func reload() throws {
        let source = MemorySource()
        source.set("m.bin", "old", modified: 1)
        let cache = ModelCache(source: source)
        let decodes = Mutex(0)
        func load() throws -> LoadedModel<Decoded> {
            try cache.load(["m.bin"]) { files in
                decodes.withLock { $0 += 1 }
                return Decoded(files)
            }
        }
        let old = try load()
        source.set("m.bin", "old", modified: 2)
        let touched = try load()
        #expect(touched.value === old.value, "same hash: the decoded model is kept")
        #expect(decodes.withLock { $0 } == 1)
        source.set("m.bin", "new", modified: 3)
        let new = try load()
        #expect(new.value.text == "new")
        #expect(new.versions != old.versions)
        #expect(decodes.withLock { $0 } == 2)
    }

    @Test("trim drops the models no load asked for since the last trim")
    func trim() throws {
        let source = MemorySource()
        source.set("kept.bin", "kept", modified: 1)
        source.set("dropped.bin", "dropped", modified: 1)
        let cache = ModelCache(source: source)
        let kept = try cache.load(["kept.bin"]) { Decoded($0) }
        _ = try cache.load(["dropped.bin"]) { Decoded($0) }
        #expect(cache.trim() == 0, "both were used since the cache was made")
        #expect(try cache.load(["kept.bin"]) { Decoded($0) }.value === kept.value)
        #expect(cache.trim() == 1)
        #expect(cache.count == 1)
        #expect(try cache.load(["kept.bin"]) { Decoded($0) }.value === kept.value)
    }

    @Test("a missing file is unavailable; two caches share nothing")
    func missingAndSeparate() throws {
        let source = MemorySource()
        let error = try #require(throws: ProcessorError.self) {
            try ModelCache(source: source).load(["nope.bin"]) { Decoded($0) }
        }
        #expect(error.code == .unavailable)
        source.set("m.bin", "x", modified: 1)
        let first = try ModelCache(source: source).load(["m.bin"]) { Decoded($0) }
        let second = try ModelCache(source: source).load(["m.bin"]) { Decoded($0) }
        #expect(first.value !== second.value)
        #expect(ModelCache(source: NoModelSource()).contains("m.bin") == false)
    }
}
