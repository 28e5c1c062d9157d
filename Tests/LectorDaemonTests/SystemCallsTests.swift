import Glibc
import LectorSystem
import LectorTestSupport
import Testing

@Suite("SystemCalls: whole files")
struct SystemCallsTests {
    @Test("readFile reads a regular file and refuses folders, FIFOs and files over the limit")
    func readFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("a.txt", text: "hello")
        #expect(try SystemCalls.readFile(FilePath(file)) == Array("hello".utf8))
        #expect(throws: Errno.fileTooLarge) { try SystemCalls.readFile(FilePath(file), limit: 4) }
        #expect(throws: Errno.isDirectory) { try SystemCalls.readFile(FilePath(directory.path)) }
        #expect(throws: Errno.noEntry) { try SystemCalls.readFile(FilePath(directory.appending("missing"))) }
        let fifo = directory.appending("pipe")
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect(throws: Errno.invalidArgument) { try SystemCalls.readFile(FilePath(fifo)) }
    }

    @Test("writeAtomically replaces, or refuses to, and leaves no temporary file")
    func writeAtomically() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let target = FilePath(directory.appending("out.json"))
        try SystemCalls.writeAtomically(Array("one".utf8), to: target)
        try SystemCalls.writeAtomically(Array("two".utf8), to: target)
        #expect(try SystemCalls.readFile(target) == Array("two".utf8))
        #expect(throws: Errno.exists) {
            try SystemCalls.writeAtomically(Array("three".utf8), to: target, replace: false)
        }
        #expect(try SystemCalls.readFile(target) == Array("two".utf8))
        #expect(try SystemCalls.list(FilePath(directory.path)).map(\.name) == [FileName("out.json")])
    }
}
