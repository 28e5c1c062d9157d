import Foundation
import LectorCore
import LectorTestSupport
import Testing

@Suite("lector run: the spool", .serialized)
struct DaemonSpoolTests {
    private func article(_ index: Int) -> String {
        "Title: Article \(index)\nDate: 2024-03-0\(index % 9 + 1)\n\nThis is article number \(index). It has two sentences.\n"
    }

    @Test(
        "a backlog of 5,000 names too young to claim is held without exhausting the stack; SIGTERM exits 0",
        .timeLimit(.minutes(2))
    )
    func youngBacklog() throws {
        let harness = try DaemonHarness(pipeline: ["metadata"], extra: "min_age: 60s")
        defer { harness.tearDown() }
        for index in 0..<5_000 {
            #expect(
                FileManager.default.createFile(
                    atPath: harness.inbox + "/young-\(index).txt",
                    contents: Data("Young.".utf8)
                )
            )
        }
        let daemon = try harness.start()
        #expect(harness.waitFor(seconds: 30) { harness.status(of: daemon)?["queued"] as? Int == 5_000 })
        #expect(daemon.isRunning, "the daemon is alive with its backlog")
        harness.send(SIGTERM, to: daemon)
        #expect(harness.waitForExit(daemon) == 0)
        #expect(harness.names(in: harness.inbox).count == 5_000, "nothing claimed, nothing lost")
    }

    @Test(
        "300 documents arriving three ways give exactly 300 outputs; inbox and work folder end empty",
        .timeLimit(.minutes(2))
    )
    func threeWays() throws {
        let harness = try DaemonHarness()
        defer { harness.tearDown() }
        for index in 0..<100 { try harness.drop("before-\(index).txt", text: article(index)) }
        let daemon = try harness.start()
        for index in 0..<100 { try harness.drop("inplace-\(index).txt", text: article(index), arrival: .inPlace) }
        for index in 0..<100 { try harness.drop("renamed-\(index).txt", text: article(index), arrival: .renamed) }
        #expect(harness.waitFor { harness.outputs().count == 300 }, "\(harness.outputs().count) outputs")
        #expect(harness.waitFor(seconds: 5) { harness.names(in: harness.inbox).isEmpty })
        // An output appears before its input leaves the work folder (written, then finished).
        #expect(harness.waitFor(seconds: 5) { harness.workLeftovers().isEmpty }, "\(harness.workLeftovers())")
        #expect(harness.failures().isEmpty)
        for name in harness.outputs() {
            let data = try #require(FileManager.default.contents(atPath: harness.outbox + "/" + name))
            let document = try JSONValue.parse(Array(data))
            #expect(document["source"]?["file"]?.stringValue.map { "\($0.dropLast(4)).json" } == name)
            #expect(document["metadata"]?["title"]?.stringValue?.hasPrefix("Article ") == true)
        }
        #expect(harness.allNames(in: harness.outbox).allSatisfy { !$0.hasSuffix(".tmp") })
        harness.send(SIGTERM, to: daemon)
        #expect(harness.waitForExit(daemon) == 0)
        #expect(harness.names(in: harness.inbox + "/.lector/work").isEmpty, "a clean exit removes its work folder")
        #expect(harness.allNames(in: harness.inbox + "/.lector/spare").isEmpty, "and its spares")
    }

    @Test("bad inputs land in failed/ with a reason or are ignored, and the daemon stays up", .timeLimit(.minutes(2)))
    func badInputs() throws {
        let harness = try DaemonHarness(extra: "max_bytes: 1KB\nmin_age: 300ms")
        defer { harness.tearDown() }
        let secret = try harness.root.write("outside/secret.txt", text: "TOP SECRET content from outside the inbox.")
        let daemon = try harness.start()
        try harness.drop("binary.txt", bytes: [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0])
        try harness.drop("empty.txt", bytes: [])
        try harness.drop("large.txt", text: String(repeating: "Too long. ", count: 200))
        try FileManager.default.createSymbolicLink(atPath: harness.inbox + "/link.txt", withDestinationPath: secret)
        try FileManager.default.createDirectory(
            atPath: harness.inbox + "/folder.txt",
            withIntermediateDirectories: false
        )
        try harness.drop("new\nline.txt", text: "A name with a newline.")
        let invalidName = [UInt8]("bad-".utf8) + [0xFF, 0xFE] + [UInt8](".txt".utf8)
        let invalidPath = Array(harness.inbox.utf8) + [UInt8(ascii: "/")] + invalidName
        try writeRawName(invalidPath, "A name with invalid UTF-8 bytes.")
        try harness.drop("vanishing.txt", text: "Removed before it is claimed.", arrival: .inPlace)
        try FileManager.default.removeItem(atPath: harness.inbox + "/vanishing.txt")
        try harness.drop("good.txt", text: "A good document.")

        #expect(
            harness.waitFor { harness.failures().count == 4 && harness.outputs().count == 3 },
            "\(harness.failures()) \(harness.outputs())"
        )
        #expect(Set(harness.failures()) == ["binary.txt", "empty.txt", "large.txt", "link.txt"])
        for (name, fragment) in [
            ("binary.txt", "not a text file"), ("empty.txt", "empty"), ("large.txt", "max_bytes"),
            ("link.txt", "symbolic link"),
        ] {
            let record = try #require(FileManager.default.contents(atPath: harness.failed + "/\(name).error.json"))
            let json = try JSONValue.parse(Array(record))
            #expect(
                json["error"]?["message"]?.stringValue?.contains(fragment) == true,
                "\(name): \(json.encodedString())"
            )
            #expect(json["attempts"] == 1)
            #expect(json["id"]?.stringValue == String(name.dropLast(4)), "every record names its document")
            #expect(json["generation"] == 1)
        }
        // Foundation lists the non-UTF-8 name lossily; the file itself keeps the input's bytes.
        #expect(Set(harness.outputs()) == ["good.json", "new\nline.json", "bad-\u{FFFD}\u{FFFD}.json"])
        let rawOutput = Array(harness.outbox.utf8) + Array("/bad-".utf8) + [0xFF, 0xFE] + Array(".json".utf8)
        let exact = try JSONValue.parse(try readRawName(rawOutput))
        #expect(exact["id"] == "bad-%FF%FE")
        #expect(exact["source"]?["file"] == "bad-%FF%FE.txt")
        #expect(exact["source"]?["file_hex"] == "6261642dfffe2e747874")
        let records = harness.names(in: harness.failed).filter { $0.hasSuffix(".error.json") }.map {
            harness.failed + "/" + $0
        }
        let outputs = harness.outputs().filter { !$0.hasPrefix("bad-") }.map { harness.outbox + "/" + $0 }
        let validation = try Repository.validateAgainstSchema(records + outputs)
        #expect(validation.valid, "\(validation.report)")
        for path in outputs {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(!text.contains("TOP SECRET"))
        }
        #expect(FileManager.default.fileExists(atPath: secret), "the link's target is untouched")
        #expect(harness.names(in: harness.inbox) == ["folder.txt"], "a directory is not a document and stays")
        #expect(daemon.isRunning)
        harness.send(SIGTERM, to: daemon)
        #expect(harness.waitForExit(daemon) == 0)
    }

    private func readRawName(_ path: [UInt8]) throws -> [UInt8] {
        let terminated = path.map { CChar(bitPattern: $0) } + [0]
        let descriptor = terminated.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { open($0, O_RDONLY) } ?? -1
        }
        guard descriptor >= 0 else { throw HarnessError("cannot open the output by its bytes") }
        defer { close(descriptor) }
        return Array(FileHandle(fileDescriptor: descriptor).readDataToEndOfFile())
    }

    private func writeRawName(_ path: [UInt8], _ text: String) throws {
        let descriptor = path.map { CChar(bitPattern: $0) }.withUnsafeBufferPointer { buffer -> Int32 in
            var terminated = Array(buffer)
            terminated.append(0)
            return open(terminated, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        guard descriptor >= 0 else { throw HarnessError("cannot create a raw-named file") }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        guard write(descriptor, bytes, bytes.count) == bytes.count else { throw HarnessError("short write") }
    }

    @Test("an input's modification time reaches source.modified and dates a wire dateline", .timeLimit(.minutes(1)))
    func fileTime() throws {
        let harness = try DaemonHarness()
        defer { harness.tearDown() }
        #expect(
            FileManager.default.createFile(
                atPath: harness.inbox + "/wire.txt",
                contents: Data("LONDON, Dec 31 (Reuters) - Markets closed early.\n".utf8),
                attributes: [.modificationDate: Date(timeIntervalSince1970: 1_798_880_400)]
            )
        )
        let daemon = try harness.start()
        #expect(harness.waitFor { harness.outputs() == ["wire.json"] }, "\(harness.outputs())")
        let data = try #require(FileManager.default.contents(atPath: harness.outbox + "/wire.json"))
        let document = try JSONValue.parse(Array(data))
        #expect(document["source"]?["modified"] == "2027-01-02T09:00:00Z")
        #expect(document["metadata"]?["date"] == "2026-12-31")
        #expect(document["metadata"]?["dateline"] == "LONDON")
        let validation = try Repository.validateAgainstSchema([harness.outbox + "/wire.json"])
        #expect(validation.valid, "\(validation.report)")
        harness.send(SIGTERM, to: daemon)
        #expect(harness.waitForExit(daemon) == 0)
    }
}
