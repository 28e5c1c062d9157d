import Dispatch
import Foundation
import Glibc
import LectorCore
import LectorSystem
import LectorTestSupport
import Testing

@testable import LectorDaemon

/// Output, failed/ and archive names: decided atomically, never overwriting another input's
/// file, exact for names that are not UTF-8, and short enough for any input name.
@Suite("Spool names", .serialized)
struct SpoolNamingTests {
    /// What the daemon writes: `id` and `source` first, then anything else.
    private func document(_ name: FileName, body: String = "") -> [UInt8] {
        let owner = OutputOwner(name)
        var source = JSONObject([("file", .string(owner.file))])
        if let hex = owner.fileHex { source["file_hex"] = .string(hex) }
        let object = JSONObject([
            ("id", .string(name.stem.escapedText)), ("source", .object(source)), ("text", .string(body)),
        ])
        return JSONValue.object(object).encoded()
    }

    private func source(_ directory: TemporaryDirectory, _ output: FileName) throws -> String? {
        let path = directory.appending("outbox/") + output.text
        return try JSONValue.parse(Array(try #require(FileManager.default.contents(atPath: path))))["source"]?["file"]?
            .stringValue
    }

    private func names(_ directory: TemporaryDirectory, _ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.appending(folder))) ?? []).sorted()
    }

    @Test("a.txt and a.md written at once by two daemons sharing an outbox: both kept, 200 times")
    func concurrentSameStem() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try makeSpool(directory)
        let second = try makeSpool(directory)
        let group = DispatchGroup()
        for index in 0..<200 {
            for (spool, ext) in [(first, "txt"), (second, "md")] {
                DispatchQueue.global().async(group: group) {
                    let name = FileName("doc\(index).\(ext)")
                    _ = try? spool.writeOutput(self.document(name), for: name)
                }
            }
        }
        group.wait()
        let outputs = names(directory, "outbox")
        #expect(outputs.count == 400, "every input keeps an output")
        #expect(outputs.allSatisfy { !$0.hasSuffix(".tmp") })
        var owners: Set<String> = []
        for output in outputs { owners.insert(try #require(try source(directory, FileName(output)))) }
        #expect(owners.count == 400, "no output was overwritten by another input's")
    }

    @Test("the fallback name is checked too: a.md.txt, a.txt, a.md all keep their outputs")
    func fallbackChecked() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory)
        var written: [FileName] = []
        for name in ["a.md.txt", "a.txt", "a.md"].map(FileName.init) {
            written.append(try spool.writeOutput(document(name), for: name))
        }
        #expect(written == [FileName("a.md.json"), FileName("a.json"), FileName("a.md.2.json")])
        #expect(try source(directory, FileName("a.md.json")) == "a.md.txt")
        #expect(try source(directory, FileName("a.md.2.json")) == "a.md")
        // A re-run of each replaces its own output, wherever it went.
        for (name, output) in zip(["a.md.txt", "a.txt", "a.md"].map(FileName.init), written) {
            #expect(try spool.writeOutput(document(name, body: "again"), for: name) == output)
        }
        #expect(names(directory, "outbox").count == 3)
    }

    @Test("names that are not UTF-8 are compared as bytes and kept apart")
    func invalidUTF8() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory)
        let ff = FileName(bytes: Array("x".utf8) + [0xFF] + Array(".txt".utf8))
        let fe = FileName(bytes: Array("x".utf8) + [0xFE] + Array(".txt".utf8))
        let lookalike = FileName("x\u{FFFD}.txt")
        let outputs = try [ff, fe, lookalike].map { try spool.writeOutput(document($0), for: $0) }
        #expect(Set(outputs).count == 3)
        #expect(outputs[0].bytes == Array("x".utf8) + [0xFF] + Array(".json".utf8), "the output keeps the bytes")
        #expect(ff.escapedText == "x%FF.txt" && fe.escapedText == "x%FE.txt")
        #expect(try spool.writeOutput(document(fe), for: fe) == outputs[1], "a re-run finds its own output")
        #expect(names(directory, "outbox").count == 3)
    }

    @Test("names up to 255 bytes: short temp names; long outputs, failures and records keep a hash")
    func longNames() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory)
        let long = FileName(String(repeating: "é", count: 124) + ".txt")  // 252 bytes
        #expect(long.bytes.count == 252)
        let output = try spool.writeOutput(document(long), for: long)
        #expect(output.bytes.count <= 255 && output.hasSuffix(".json"))
        #expect(output.isValidUTF8, "cut on a character boundary")
        let other = FileName(String(repeating: "é", count: 124) + ".md")
        let second = try spool.writeOutput(document(other), for: other)
        #expect(second != output)
        try directory.write("inbox/" + long.text, text: "x")
        #expect(try spool.claim(long) == .claimed)
        let kept = try spool.fail(long, record: ["error": "bad"])
        #expect(kept == long)
        let records = names(directory, "failed").filter { $0.hasSuffix(".error.json") }
        #expect(records.count == 1 && records[0].utf8.count <= 255)
        #expect(spool.temporaryName().bytes.count < 40)
    }

    @Test("an output over 64 MiB is still recognised as this input's: a re-run replaces it")
    func largeOutput() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory)
        let name = FileName("big.txt")
        let body = String(repeating: "a", count: 65 << 20)
        #expect(try spool.writeOutput(document(name, body: body), for: name) == FileName("big.json"))
        #expect(try spool.writeOutput(document(name, body: "small"), for: name) == FileName("big.json"))
        #expect(names(directory, "outbox") == ["big.json"])
    }

    @Test("failed/ never overwrites: a second bad.txt and an input named q.error.json keep their own names")
    func failedKeepsBoth() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory)
        for (name, text) in [("bad.txt", "first"), ("bad.txt", "second"), ("q", "q"), ("q.error.json", "input")] {
            try directory.write("inbox/" + name, text: text)
            #expect(try spool.claim(FileName(name)) == .claimed)
            try spool.fail(FileName(name), record: ["error": .string(text)])
        }
        #expect(
            names(directory, "failed") == [
                "bad.1.txt", "bad.1.txt.error.json", "bad.txt", "bad.txt.error.json", "q", "q.error.1.json",
                "q.error.1.json.error.json", "q.error.json",
            ]
        )
        let record = try JSONValue.parse(
            Array(try #require(FileManager.default.contents(atPath: directory.appending("failed/q.error.json"))))
        )
        #expect(record["error"] == "q", "q's record is intact")
        #expect(
            String(
                decoding: try #require(FileManager.default.contents(atPath: directory.appending("failed/bad.txt"))),
                as: UTF8.self
            )
                == "first"
        )
    }

    @Test("a second failed input whose extension is not UTF-8 keeps its extension's bytes")
    func failedKeepsExtensionBytes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory)
        let name = FileName(bytes: Array("bad.".utf8) + [0xFF])
        var kept: [FileName] = []
        for _ in 0..<2 {
            _ = try directory.write("inbox/\(UUID().uuidString)", text: "x")
            let staged = try #require(SpoolAudit.rawNames(in: directory.appending("inbox")).first)
            let from = (Array(directory.appending("inbox/").utf8) + staged).map { CChar(bitPattern: $0) } + [0]
            let to = (Array(directory.appending("inbox/").utf8) + name.bytes).map { CChar(bitPattern: $0) } + [0]
            #expect(rename(from, to) == 0)
            #expect(try spool.claim(name) == .claimed)
            kept.append(try spool.fail(name, record: ["error": "bad"]))
        }
        #expect(kept == [name, FileName(bytes: Array("bad.1.".utf8) + [0xFF])])
    }

    @Test("a record left by a crash between the record and the move is reused, not skipped")
    func failedAfterCrash() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory)
        try directory.write("inbox/bad.txt", text: "x")
        #expect(try spool.claim(FileName("bad.txt")) == .claimed)
        // What a daemon killed after writing the record, before moving the input, leaves.
        try directory.write("failed/bad.txt.error.json", text: #"{"file": "bad.txt", "error": "first try"}"#)
        try spool.fail(FileName("bad.txt"), record: ["file": "bad.txt", "error": "second try"])
        #expect(names(directory, "failed") == ["bad.txt", "bad.txt.error.json"])
        let record = try JSONValue.parse(
            Array(try #require(FileManager.default.contents(atPath: directory.appending("failed/bad.txt.error.json"))))
        )
        #expect(record["error"] == "second try")
    }

    @Test("an input set aside under an error record's name is never taken for a leftover record")
    func failedInputNamedLikeARecord() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory)
        // An input named like x.dat's record, and saying it is one, is set aside first.
        let impostor = #"{"file": "x.dat", "payload": "the producer's own bytes"}"#
        try directory.write("inbox/x.dat.error.json", text: impostor)
        #expect(try spool.claim(FileName("x.dat.error.json")) == .claimed)
        try spool.fail(FileName("x.dat.error.json"), record: ["file": "x.dat.error.json", "error": "too large"])
        try directory.write("inbox/x.dat", text: "\u{0}bin")
        #expect(try spool.claim(FileName("x.dat")) == .claimed)
        #expect(try spool.fail(FileName("x.dat"), record: ["file": "x.dat", "error": "binary"]) == FileName("x.1.dat"))
        let kept = FileManager.default.contents(atPath: directory.appending("failed/x.dat.error.json"))
        #expect(kept.map { String(decoding: $0, as: UTF8.self) } == impostor, "the input set aside keeps its bytes")
        #expect(
            names(directory, "failed") == [
                "x.1.dat", "x.1.dat.error.json", "x.dat.error.json", "x.dat.error.json.error.json",
            ]
        )
    }

    @Test("failed/ and the outbox removed while running are made again, not lost")
    func foldersRecreated() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory)
        try FileManager.default.removeItem(atPath: directory.appending("failed"))
        try FileManager.default.removeItem(atPath: directory.appending("outbox"))
        try directory.write("inbox/a.txt", text: "x")
        #expect(try spool.claim(FileName("a.txt")) == .claimed)
        try spool.fail(FileName("a.txt"), record: ["error": "bad"])
        #expect(names(directory, "failed") == ["a.txt", "a.txt.error.json"])
        #expect(try spool.writeOutput(document(FileName("b.txt")), for: FileName("b.txt")) == FileName("b.json"))
    }

    @Test("an archive keeps every processed input, never replacing an earlier one")
    func archiveKeepsBoth() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory, archive: true)
        for _ in 0..<2 {
            try directory.write("inbox/a.txt", text: "x")
            #expect(try spool.claim(FileName("a.txt")) == .claimed)
            try spool.finish(FileName("a.txt"))
        }
        #expect(names(directory, "archive") == ["a.1.txt", "a.txt"])
    }

    @Test("a file some process holds open for writing is not claimed until it is closed")
    func openForWriting() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory)
        let path = try directory.write("inbox/slow.txt", text: "one ")
        let writer = try #require(FileHandle(forWritingAtPath: path))
        #expect(try spool.claim(FileName("slow.txt")) == .busy)
        try writer.close()
        #expect(try spool.claim(FileName("slow.txt")) == .claimed)
    }

    @Test("a future modification time waits at most min_age")
    func futureModificationTime() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory)
        try directory.write("inbox/a.txt", text: "x")
        let now = Date().timeIntervalSince1970
        guard case .tooYoung(let wait) = try spool.claim(FileName("a.txt"), minimumAge: 2, now: now - 3_600) else {
            Issue.record("expected tooYoung")
            return
        }
        #expect(wait <= 2)
    }
}

@Suite("JSONPrefix")
struct JSONPrefixTests {
    @Test("a top-level member is found past strings holding quotes and braces; a cut one is nil")
    func member() {
        let json = Array(#"{"id":"a\"}{[","source":{"file":"x\"y}.txt","bytes":3},"text":"…"}"#.utf8)
        #expect(JSONPrefix.member("source", in: json)?["file"] == "x\"y}.txt")
        #expect(JSONPrefix.member("bytes", in: json) == nil, "only top-level members")
        #expect(JSONPrefix.member("source", in: Array(json.prefix(30))) == nil)
    }
}

@Suite("FileName naming")
struct FileNameNamingTests {
    @Test("stem and extension are cut on bytes")
    func stem() {
        #expect(FileName("a.b.txt").stem == FileName("a.b"))
        #expect(FileName("a.b.txt").pathExtension == FileName(".txt"))
        #expect(FileName(".hidden").stem == FileName(".hidden"))
        #expect(FileName("noext").stem == FileName("noext"))
    }

    @Test("escaped text keeps valid characters and writes invalid bytes as %XX")
    func escaped() {
        #expect(FileName("été.txt").escapedText == "été.txt")
        #expect(FileName(bytes: [0x61, 0xC3, 0x62]).escapedText == "a%C3b")
        #expect(FileName(bytes: [0x61, 0xC3, 0xA9, 0xFF]).escapedText == "aé%FF")
    }

    @Test("fitted names stay under 255 bytes and apart")
    func fitted() {
        let a = FileName(String(repeating: "a", count: 250) + "1")
        let b = FileName(String(repeating: "a", count: 250) + "2")
        #expect(a.fitted(keeping: ".error.json").bytes.count == 255)
        #expect(a.fitted(keeping: ".error.json") != b.fitted(keeping: ".error.json"))
        #expect(FileName("short").fitted(keeping: ".json") == FileName("short.json"))
    }
}
