import LectorCore
import LectorMetadata
import Testing

@Suite struct FrontMatterTests {
    @Test func readsScalarsQuotesListsAndComments() {
        let text = """
            ---
            # a comment
            title: "Putin \\"meets\\" Scholz"   # trailing comment
            date: 2022-02-16
            author: 'Jane O''Brien'
            tags: [ukraine, "nato, europe", 3]
            draft: false
            words: 812
            rating: 4.5
            summary: ~
            Published-Date: 16 February 2022
            ---

            After talks in Moscow…
            """
        let document = runMetadata(text)
        let expected: JSONValue = [
            "date": "2022-02-16", "title": "Putin \"meets\" Scholz", "author": "Jane O'Brien",
            "tags": ["ukraine", "nato, europe", 3], "draft": false, "words": 812, "rating": 4.5, "summary": nil,
            "published_date": "16 February 2022",
        ]
        #expect(JSONValue.object(document.metadata) == expected)
        #expect(document.metadata.keys.prefix(2) == ["date", "title"])
        #expect(document.text == "After talks in Moscow…")
        #expect(document.warnings.isEmpty)
    }

    @Test func readsBlockListsNestedMappingsAndDotsFence() {
        let text = """
            ---
            title: Talks
            authors:
              - Jane Doe
              - "John Roe"
            categories:
            - world
            - europe
            source:
              name: Reuters
              url: https://reuters.com/x
            ...
            Body line one.
            Body line two.
            """
        let document = runMetadata(text)
        let expected: JSONValue = [
            "date": nil, "title": "Talks", "authors": ["Jane Doe", "John Roe"], "categories": ["world", "europe"],
            "source": ["name": "Reuters", "url": "https://reuters.com/x"],
        ]
        #expect(JSONValue.object(document.metadata) == expected)
        #expect(document.text == "Body line one.\nBody line two.")
    }

    @Test func readsBlockScalarsAndEscapes() {
        let text = """
            ---
            title: "Caf\\u00e9 \\x41\\tB"
            description: >-
              Talks in Moscow
              ended late.
            note: |
              line one
                indented
            date: "Wed, 16 Feb 2022 10:30:00 +0000"
            ---
            Body.
            """
        let document = runMetadata(text)
        #expect(document.metadata["title"] == "Café A\tB")
        #expect(document.metadata["description"] == "Talks in Moscow ended late.")
        #expect(document.metadata["note"] == "line one\n  indented\n")
        #expect(document.metadata["date"] == "2022-02-16T10:30:00+00:00")
        #expect(document.metadata["date_raw"] == "Wed, 16 Feb 2022 10:30:00 +0000")
        #expect(document.text == "Body.")
    }

    @Test func readsListOfMappings() {
        let text = "---\ncontributors:\n  - name: Jane\n    role: writer\n  - name: John\n---\nBody."
        let document = runMetadata(text)
        #expect(document.metadata["contributors"] == [["name": "Jane", "role": "writer"], ["name": "John"]])
        #expect(document.text == "Body.")
    }

    @Test func numericTitleStaysText() {
        let document = runMetadata("---\ntitle: 1984\ndate: 2022\n---\nBody.")
        #expect(document.metadata["title"] == "1984")
        #expect(document.metadata["date"] == JSONValue.null)
        #expect(JSONValue.object(document.metadata) == ["date": nil, "title": "1984", "date_raw": "2022"])
    }

    @Test(
        arguments: [
            // Lines are the article's, counting the opening `---` as line 1. libyaml notices an
            // open quote or bracket only at the end of the block, and a key without its ':' only
            // at the next token; the warning names the line where the mistake starts:
            //   1 ---
            //   2 title: "unterminated
            //   3 ---
            ("---\ntitle: \"unterminated\n---\nBody.", "line 2: found unexpected end of stream"),
            //   1 ---
            //   2 title: Talks
            //   3 this line is not yaml
            //   4 ---
            ("---\ntitle: Talks\nthis line is not yaml\n---\nBody.", "line 3: could not find expected ':'"),
            ("---\ntitle: Talks\nthis line is not yaml\ndate: x\n---\nBody.", "line 3: could not find expected ':'"),
            //   1 ---
            //   2 title: [a, b
            //   3 ---
            ("---\ntitle: [a, b\n---\nBody.", "line 2: did not find expected ',' or ']'"),
            // Blank lines before the opening `---` count too:
            //   1
            //   2
            //   3 ---
            //   4 title: Talks
            //   5 <tab>date: 2022-02-16
            ("\n\n---\ntitle: Talks\n\tdate: 2022-02-16\n---\nBody.", "line 5: found a tab character"),
            ("---\ntitle: Talks\n\tdate: 2022-02-16\n---\nBody.", "line 3: found a tab character"),
            ("---\ntitle: \"a\\qb\"\n---\nBody.", "line 2: found unknown escape character"),
            ("---\ntitle: Talks\n    date: x\n  bad: y\n---\nBody.", "line 3: mapping values are not allowed"),
            ("---\ntitle: A\ntitle: B\n---\nBody.", "line 3: duplicate key 'title' (first at 2:1)"),
            ("---\ntitle: !!str 5\n---\nBody.", "line 2: tags ('!!str') are not supported in front matter"),
            (
                "---\na: &a [lol, lol, lol]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n---\nBody.",
                "line 3: aliases ('*a') are not supported in front matter; write the value out"
            ),
            ("---\n- a\n- b\n---\nBody.", "line 2: expected 'key: value' lines, found a list"),
            ("---\ntitle: Talks\n\nBody without a closing fence.", "no closing '---' line"),
            // Quoting plain values does not save a block broken elsewhere; the warning names
            // the first reading's mistake.
            ("---\ntitle: Breaking: news\nthis line is not yaml\n---\nBody.", "line 2: mapping values are not allowed"),
            ("---\ntitle: Breaking: news\ntitle: B\n---\nBody.", "line 3: duplicate key 'title' (first at 2:1)"),
        ]
    )
    func brokenFrontMatterLeavesTextAndWarns(text: String, reason: String) throws {
        let document = runMetadata(text)
        #expect(document.text == text)
        #expect(JSONValue.object(document.metadata) == ["date": nil, "title": nil])
        let warning = try #require(document.warnings.first)
        #expect(document.warnings.count == 1)
        #expect(warning.hasPrefix("front matter could not be read: \(reason)"))
    }

    @Test func quotesColonsInPlainValues() {
        let text = """
            ---
            title: Breaking: Talks in Moscow end   # from the wire
            subtitle: Update: 'no deal': sources
            note: ends with a colon:
            ---
            Body.
            """
        let document = runMetadata(text)
        #expect(document.metadata["title"] == "Breaking: Talks in Moscow end")
        #expect(document.metadata["subtitle"] == "Update: 'no deal': sources")
        #expect(document.metadata["note"] == "ends with a colon:")
        #expect(document.text == "Body.")
        #expect(document.warnings.isEmpty)
    }

    @Test func quotesValuesStartingWithReservedCharacters() {
        let text = "---\nauthor: @jane\ncode: `lector run`\ntitle: Talks\nwords: 812\n---\nBody."
        let document = runMetadata(text)
        #expect(document.metadata["author"] == "@jane")
        #expect(document.metadata["code"] == "`lector run`")
        #expect(document.metadata["title"] == "Talks")
        #expect(document.metadata["words"] == 812)
        #expect(document.text == "Body.")
        #expect(document.warnings.isEmpty)
        let crlf = runMetadata("---\r\nauthor: @jane\r\nnote: |\r\n  a: b\r\n---\r\nBody.")
        #expect(JSONValue.object(crlf.metadata) == ["date": nil, "title": nil, "author": "@jane", "note": "a: b\n"])
        #expect(crlf.warnings.isEmpty)
    }

    @Test func leavesQuotedValuesWithColonsAlone() {
        let text = """
            ---
            title: "Breaking: news"
            author: @jane
            summary: 'Moscow: talks'
            tags: [a: b]
            ---
            Body.
            """
        let document = runMetadata(text)
        #expect(document.metadata["title"] == "Breaking: news")
        #expect(document.metadata["author"] == "@jane")
        #expect(document.metadata["summary"] == "Moscow: talks")
        #expect(document.metadata["tags"] == [["a": "b"]])
        #expect(document.warnings.isEmpty)
        #expect(runMetadata("---\ntitle: \"Breaking: news\"\n---\nBody.").metadata["title"] == "Breaking: news")
    }

    @Test func horizontalRuleIsNotFrontMatter() {
        let text = "----\nBody after a rule."
        let document = runMetadata(text)
        #expect(document.text == text)
        #expect(document.warnings.isEmpty)
    }

    @Test func emptyFrontMatterIsRemoved() {
        let document = runMetadata("---\n---\n\nBody.")
        #expect(document.text == "Body.")
        #expect(JSONValue.object(document.metadata) == ["date": nil, "title": nil])
    }

    @Test func titleLineAfterFrontMatterWithoutTitle() {
        let document = runMetadata("---\ndate: 2022-02-16\n---\n# Talks in Moscow\n\nBody.")
        #expect(JSONValue.object(document.metadata) == ["date": "2022-02-16", "title": "Talks in Moscow"])
        #expect(document.text == "Body.")
    }

    @Test func readsInlineMappingsAndMultiLineScalars() {
        let text = """
            ---
            title: Talks
            source: {name: Reuters, id: 7, "desk": 'Moscow'}
            description: Talks in Moscow
              ended late.
            quote: "one
              two"
            hex: 0x1F
            big: 1e3
            ---

            Body.
            """
        let document = runMetadata(text)
        #expect(document.metadata["source"] == ["name": "Reuters", "id": 7, "desk": "Moscow"])
        #expect(document.metadata["description"] == "Talks in Moscow ended late.")
        #expect(document.metadata["quote"] == "one two")
        #expect(document.metadata["hex"] == 31)
        #expect(document.metadata["big"] == 1000.0)
        #expect(document.text == "Body.")
        #expect(document.warnings.isEmpty)
    }
}
