import LectorConfig
import LectorCore
import LectorYAML
import Testing

@Suite("YAMLReader")
struct YAMLReaderTests {
    @Test("builds a tree with 1-based locations on every node")
    func tree() throws {
        let yaml = """
            a: 1
            b:
              - x
              - "y"
            c: {d: e}
            block: |
              text
            """
        let root = try YAMLReader.parse(Array(yaml.utf8), file: "config.yaml")
        #expect(root.location == .at(1, 1))
        let entries = try root.mapping()
        #expect(entries.map(\.key) == ["a", "b", "c", "block"])
        #expect(entries[0].keyLocation == .at(1, 1))
        #expect(entries[0].value == ConfigValue(.scalar("1", quoted: false), at: .at(1, 4)))
        #expect(entries[1].value.location == .at(3, 3))
        #expect(
            try entries[1].value.sequence() == [
                ConfigValue(.scalar("x", quoted: false), at: .at(3, 5)),
                ConfigValue(.scalar("y", quoted: true), at: .at(4, 5)),
            ]
        )
        #expect(entries[2].value.location == .at(5, 4))
        let inner = try #require(try entries[2].value.mapping().first)
        #expect(inner.key == "d")
        #expect(inner.keyLocation == .at(5, 5))
        #expect(inner.value == ConfigValue(.scalar("e", quoted: false), at: .at(5, 8)))
        #expect(entries[3].value.kind == .scalar("text", quoted: true))
    }

    @Test("keeps columns in characters, not bytes")
    func unicodeColumns() throws {
        let root = try YAMLReader.parse(Array("title: \"Größe\"\nnext: x\n".utf8), file: "config.yaml")
        #expect(try root.mapping()[0].value.string() == "Größe")
        let errors = ConfigFixture.readerErrors(Array("ä: ö\nä: x\n".utf8))
        #expect(errors == ["config.yaml:2:1: duplicate key 'ä' (first at 1:1)"])
    }

    @Test("rejects aliases, at the alias")
    func aliases() {
        let yaml = "base: &b {x: 1}\ncopy: *b\n"
        #expect(
            ConfigFixture.readerErrors(Array(yaml.utf8)) == [
                "config.yaml:2:7: aliases ('*b') are not supported in config files; write the value out"
            ]
        )
    }

    @Test("reports a duplicate key at the second one")
    func duplicateKey() throws {
        let yaml = "pipeline: [a]\n\nworkers: 1\nworkers: 2\n"
        #expect(
            ConfigFixture.readerErrors(Array(yaml.utf8)) == [
                "config.yaml:4:1: duplicate key 'workers' (first at 3:1)"
            ]
        )
        let error = try #require(throws: ConfigurationErrors.self) {
            try YAMLReader.parse(Array(yaml.utf8), file: "config.yaml")
        }
        #expect(error.errors.first?.keyPath == "workers")
    }

    @Test("rejects tags")
    func tags() {
        #expect(
            ConfigFixture.readerErrors(Array("a: !!str 1\nb: !custom x\n".utf8)) == [
                "config.yaml:1:4: tags ('!!str') are not supported in config files; quote a value to keep it a string",
                "config.yaml:2:4: tags ('!custom') are not supported in config files; quote a value to keep it a string",
            ]
        )
    }

    @Test("rejects complex keys")
    func complexKeys() {
        #expect(
            ConfigFixture.readerErrors(Array("? [a, b]\n: 1\nok: 2\n".utf8)) == [
                "config.yaml:1:3: a key must be a plain string, found a list"
            ]
        )
    }

    @Test("rejects a second document")
    func multipleDocuments() {
        #expect(
            ConfigFixture.readerErrors(Array("a: 1\n---\nb: 2\n".utf8)) == [
                "config.yaml:2:1: the file must hold one YAML document, found a second one (remove the '---')"
            ]
        )
    }

    @Test("rejects an empty file", arguments: ["", "\n\n", "# only a comment\n", "   "])
    func emptyFile(text: String) {
        #expect(ConfigFixture.readerErrors(Array(text.utf8)) == ["config.yaml:1:1: the file is empty"])
        #expect(ConfigFixture.errors(text) == ["config.yaml:1:1: the file is empty"])
    }

    @Test("reports a syntax error at libyaml's problem mark")
    func syntaxError() {
        #expect(
            ConfigFixture.readerErrors(Array("a: 1\nb: [1, 2\nc: 3\n".utf8)) == [
                "config.yaml:3:2: did not find expected ',' or ']' (while parsing a flow sequence at 2:4)"
            ]
        )
        #expect(
            ConfigFixture.readerErrors(Array("a:\n  b: 1\n c: 2\n".utf8)) == [
                "config.yaml:3:2: did not find expected key (while parsing a block mapping at 1:1)"
            ]
        )
    }

    @Test("names where a mistake libyaml noticed later starts")
    func syntaxErrorOrigin() {
        func origin(_ text: String) -> LectorCore.SourceLocation? {
            YAMLReader.read(Array(text.utf8), source: "config files").errors.first?.origin
        }
        // An open quote or bracket is noticed at the end of the input, a key without ':' at
        // the next token.
        #expect(origin("a: 1\nb: \"open\n") == LectorCore.SourceLocation(line: 2, column: 4))
        #expect(origin("a: 1\nb: [1, 2\n") == LectorCore.SourceLocation(line: 2, column: 4))
        #expect(origin("a: 1\nnot a key\nc: 3\n") == LectorCore.SourceLocation(line: 2, column: 1))
        // A mistake found where it is has no separate origin.
        #expect(origin("a: 1\nb: [1, 2\nc: 3\n") == nil)
        #expect(origin("a: b: c\n") == nil)
    }

    @Test("explains a tab used for indentation")
    func tabIndentation() {
        #expect(
            ConfigFixture.readerErrors(Array("pipeline:\n\t- metadata\n".utf8)) == [
                "config.yaml:2:1: found character that cannot start any token "
                    + "(while scanning for the next token at 2:1); indent with spaces, not tabs"
            ]
        )
    }

    @Test("reports bytes that are not UTF-8 where they are")
    func notUTF8() {
        let bytes: [UInt8] = Array("inbox: in\ntitle: caf".utf8) + [0xE9] + Array("\n".utf8)
        #expect(
            ConfigFixture.readerErrors(bytes) == [
                "config.yaml:2:11: the file is not valid UTF-8: incomplete UTF-8 octet sequence"
            ]
        )
        #expect(
            ConfigFixture.readerErrors([0x61, 0x3A, 0x20, 0xFF, 0x0A]) == [
                "config.yaml:1:4: the file is not valid UTF-8: invalid leading UTF-8 octet 0xFF"
            ]
        )
    }

    @Test("rejects control characters")
    func controlCharacters() {
        #expect(
            ConfigFixture.readerErrors(Array("a: b\u{1}\n".utf8)) == [
                "config.yaml:1:5: control characters are not allowed (U+0001)"
            ]
        )
    }

    @Test("limits nesting")
    func depth() {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "\n"
        let errors = ConfigFixture.readerErrors(Array(("a: " + deep).utf8))
        #expect(errors == ["config.yaml:1:67: nesting deeper than 64 levels"])
    }

    /// Reads `bytes` and returns the errors and how long reading took.
    private func timedErrors(_ bytes: [UInt8]) -> (errors: [String], duration: Duration) {
        let clock = ContinuousClock()
        var errors: [String] = []
        let duration = clock.measure { errors = ConfigFixture.errors(bytes: bytes) }
        return (errors, duration)
    }

    @Test("stops at 100,000 nested brackets in well under a second, at the first level too deep")
    func deepBracketsAreFast() {
        let (errors, duration) = timedErrors(Array(("pipeline: " + String(repeating: "[", count: 100_000)).utf8))
        #expect(errors == ["config.yaml:1:74: nesting deeper than 64 levels"])
        #expect(duration < .seconds(1), "took \(duration)")
    }

    @Test("stops in a 1 MiB file of nested mappings, flow or block, in well under a second")
    func deepMegabyteIsFast() {
        let flow = "pipeline: " + String(repeating: "{a: ", count: 262_144)
        let flowRead = timedErrors(Array(flow.utf8))
        #expect(flowRead.errors == ["config.yaml:1:263: nesting deeper than 64 levels"])
        #expect(flowRead.duration < .seconds(1), "took \(flowRead.duration)")

        var block = ""
        var level = 0
        while block.utf8.count < 1 << 20 {
            block += String(repeating: " ", count: level) + "a:\n"
            level += 1
        }
        let blockRead = timedErrors(Array(block.utf8))
        #expect(blockRead.errors == ["config.yaml:65:65: nesting deeper than 64 levels"])
        #expect(blockRead.duration < .seconds(1), "took \(blockRead.duration)")
    }

    @Test("refuses a billion-laughs alias bomb at once, without expanding it")
    func aliasBomb() {
        var yaml = "pipeline: [metadata]\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...30 {
            let alias = "*l\(level - 1)"
            yaml += "l\(level): &l\(level) [\(Array(repeating: alias, count: 10).joined(separator: ", "))]\n"
        }
        let (errors, duration) = timedErrors(Array(yaml.utf8))
        #expect(errors.count > 300)
        #expect(
            errors.contains("config.yaml:3:10: aliases ('*l0') are not supported in config files; write the value out")
        )
        #expect(duration < .seconds(1), "took \(duration)")
    }

    @Test("reads a mapping of 100,000 keys in linear time")
    func manyKeysAreFast() {
        var yaml = "options:\n"
        for index in 0..<100_000 { yaml += "  k\(index): 1\n" }
        yaml += "  k5: 2\n"
        let clock = ContinuousClock()
        var errors: [String] = []
        let duration = clock.measure { errors = ConfigFixture.readerErrors(Array(yaml.utf8)) }
        #expect(errors == ["config.yaml:100002:3: duplicate key 'k5' (first at 7:3)"])
        #expect(duration < .seconds(1), "took \(duration)")
    }

    @Test("collects several mistakes in one pass")
    func severalMistakes() {
        let yaml = "a: *x\nb: 1\nb: 2\nc: !!int 3\n"
        #expect(
            ConfigFixture.readerErrors(Array(yaml.utf8)) == [
                "config.yaml:1:4: aliases ('*x') are not supported in config files; write the value out",
                "config.yaml:3:1: duplicate key 'b' (first at 2:1)",
                "config.yaml:4:4: tags ('!!int') are not supported in config files; quote a value to keep it a string",
            ]
        )
    }
}
