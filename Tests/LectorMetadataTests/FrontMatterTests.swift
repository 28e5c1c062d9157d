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
            ("---\ntitle: \"unterminated\n---\nBody.", "line 3: found unexpected end of stream"),
            ("---\ntitle: Talks\nthis line is not yaml\n---\nBody.", "line 4: could not find expected ':'"),
            ("---\ntitle: [a, b\n---\nBody.", "line 3: did not find expected ',' or ']'"),
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
