import LectorCore
import LectorSummary
import Testing

@Suite("SummaryProcessor")
struct SummaryProcessorTests {
    private let furniture = [
        "Harbour ferries go electric", "By Jane Doe", "Share this with", "Photo:", "Electric ferries", "Scroll down",
    ]

    @Test("three whole sentences, in document order, offsets slicing back to the text, no furniture")
    func newsArticle() throws {
        let text = SummaryTesting.newsArticle
        let summary = try SummaryTesting.summarize(text)
        #expect(summary.sentences.count == 3)
        var previousEnd = -1
        var texts: [String] = []
        for sentence in summary.sentences {
            let start = try #require(sentence["start"]?.intValue)
            let end = try #require(sentence["end"]?.intValue)
            let picked = try #require(sentence["text"]?.stringValue)
            #expect(start > previousEnd)
            #expect(SummaryTesting.slice(text, start, end) == picked)
            let score = try #require(sentence["score"]?.doubleValue)
            #expect(score > 0 && score <= 1)
            previousEnd = end
            texts.append(picked)
            for label in furniture { #expect(!picked.hasPrefix(label), "picked furniture: \(picked)") }
        }
        #expect(summary.text == texts.joined(separator: " "))
        #expect(texts.first?.hasPrefix("The city council voted") == true, "the dateline is left out")
    }

    @Test("a title line repeated in the body, bylines and captions are never picked, even when asked for all")
    func furnitureNeverPicked() throws {
        let text = "City council votes on ferries\n\n" + SummaryTesting.newsArticle
        let summary = try SummaryTesting.summarize(
            text,
            options: [("sentences", "100")],
            title: "City council votes on ferries"
        )
        let texts = summary.sentences.compactMap { $0["text"]?.stringValue }
        #expect(texts.count == 5)
        for picked in texts {
            for label in furniture + ["City council votes"] { #expect(!picked.hasPrefix(label), "\(picked)") }
        }
    }

    @Test(
        "a line that only gives a place and a date is never picked",
        arguments: [
            ("Madrid, 3 de mayo de 2024.", "es"),
            ("Berlin, 16. Februar 2022", "de"),
            ("Brussels, 16 February 2022.", "en"),
        ]
    )
    func placeAndDateLine(line: String, language: String) throws {
        let body = """
            The ministers agreed on a package of aid for farmers hit by the long drought this spring. \
            The talks lasted two hours and ended with a joint press conference in the capital.

            Both sides said the money would reach the regions before the summer harvest begins.
            """
        let summary = try SummaryTesting.summarize(
            line + "\n\n" + body,
            options: [("sentences", "100")],
            language: language
        )
        let texts = summary.sentences.compactMap { $0["text"]?.stringValue }
        #expect(texts.count == 3)
        #expect(!texts.contains { $0.hasPrefix(String(line.prefix(6))) }, "\(texts)")
    }

    @Test("a share bar glued to the first sentence is cut off, not the sentence")
    func shareBar() throws {
        let text =
            "Share this withEmailFacebookMessengerTwitterCopy this linkCuadrilla said drilling had been "
            + "suspended after the tremor.\nIt will now examine the data before deciding whether to resume."
        let summary = try SummaryTesting.summarize(text, options: [("sentences", "1")])
        let first = try #require(summary.sentences.first)
        #expect(first["text"] == "Cuadrilla said drilling had been suspended after the tremor.")
        #expect(first["start"] == 58)
    }

    @Test("ratio picks that share of the sentences; max_chars never cuts a sentence")
    func ratioAndMaxChars() throws {
        let text = (1...10).map { "Sentence number \($0) talks about the harbour ferries and the council." }
            .joined(separator: " ")
        #expect(try SummaryTesting.summarize(text, options: [("ratio", "0.5")]).sentences.count == 5)
        #expect(try SummaryTesting.summarize(text, options: [("ratio", "0.01")]).sentences.count == 1)
        #expect(try SummaryTesting.summarize(text, options: [("ratio", "1")]).sentences.count == 10)
        let capped = try SummaryTesting.summarize(text, options: [("sentences", "5"), ("max_chars", "150")])
        let lengths = capped.sentences.compactMap { $0["text"]?.stringValue?.unicodeScalars.count }
        #expect(capped.sentences.count == 2)
        #expect(lengths.reduce(0, +) <= 150)
        #expect(try SummaryTesting.summarize(text, options: [("max_chars", "10")]).sentences.isEmpty)
    }

    @Test("short, empty and furniture-only documents give what they have")
    func shortDocuments() throws {
        let one = try SummaryTesting.summarize("The council met on Tuesday to vote.")
        #expect(one.sentences.count == 1)
        #expect(one.text == "The council met on Tuesday to vote.")
        let empty = try SummaryTesting.summarize("")
        #expect(empty.sentences.isEmpty)
        #expect(empty.text == "")
        #expect(try SummaryTesting.summarize(" \n\n ").sentences.isEmpty)
        #expect(try SummaryTesting.summarize("By Jane Doe\n\nScroll down for video").sentences.isEmpty)
    }

    @Test("a very long article gives the asked number of sentences, redundancy kept down")
    func longArticle() throws {
        var paragraphs: [String] = []
        for index in 0..<400 {
            paragraphs.append(
                "Report \(index) says the harbour ferries carried \(index * 10) passengers on line \(index % 7). "
                    + "The same report says the harbour ferries carried \(index * 10) passengers on line \(index % 7)."
            )
        }
        let summary = try SummaryTesting.summarize(paragraphs.joined(separator: "\n\n"), options: [("sentences", "4")])
        #expect(summary.sentences.count == 4)
        let starts = summary.sentences.compactMap { $0["start"]?.intValue }
        #expect(starts == starts.sorted())
    }

    @Test("a German article uses German stop words and picks whole German sentences")
    func german() throws {
        let text = """
            Der Stadtrat hat am Dienstag beschlossen, alle Hafenfähren bis 2030 auf Elektroantrieb umzustellen.

            Die Fähren befördern täglich 40.000 Fahrgäste über den Hafen. Nach Angaben des Stadtrats sinken \
            die Emissionen der Hafenfähren dadurch um die Hälfte.

            Foto: Max Muster

            Die ersten vier elektrischen Fähren sollen im nächsten Frühjahr in Betrieb gehen. Kritiker halten \
            das Vorhaben für zu teuer. Das Wetter war am Dienstag sonnig und warm.
            """
        for language: String? in ["de", nil] {
            let summary = try SummaryTesting.summarize(text, options: [("sentences", "2")], language: language)
            let texts = summary.sentences.compactMap { $0["text"]?.stringValue }
            #expect(texts.count == 2)
            #expect(texts.first?.hasPrefix("Der Stadtrat hat am Dienstag beschlossen") == true)
            #expect(!texts.contains { $0.hasPrefix("Foto") || $0.hasPrefix("Das Wetter") })
        }
    }

    @Test("a Japanese article is split at 。 and summarised in whole sentences")
    func japanese() throws {
        let text =
            "市議会は火曜日、2030年までにすべての港のフェリーを電動化することを決めた。"
            + "フェリーは毎日4万人の乗客を運んでいる。市議会によると、電動フェリーで港の排出量は半分になる。"
            + "最初の4隻は来年の春に運航を始める。天気は晴れだった。"
        let summary = try SummaryTesting.summarize(text, options: [("sentences", "2")], language: "ja")
        let texts = summary.sentences.compactMap { $0["text"]?.stringValue }
        #expect(texts.count == 2)
        #expect(texts.allSatisfy { $0.hasSuffix("。") })
        #expect(texts.first == "市議会は火曜日、2030年までにすべての港のフェリーを電動化することを決めた。")
        #expect(!texts.contains("天気は晴れだった。"))
        for sentence in summary.sentences {
            let start = try #require(sentence["start"]?.intValue)
            let end = try #require(sentence["end"]?.intValue)
            #expect(SummaryTesting.slice(text, start, end) == sentence["text"]?.stringValue)
        }
    }

    @Test("a sentence buried late beats an early one when it carries the article's topic and the title's words")
    func contentAware() throws {
        let text = """
            It was a cold morning. People walked past the shops. Some stopped for coffee on the way.

            The city council voted to electrify the harbour ferries, and electric ferries will replace diesel ferries by 2030.
            """
        let summary = try SummaryTesting.summarize(
            text,
            options: [("sentences", "2")],
            title: "Council votes to electrify harbour ferries"
        )
        let texts = summary.sentences.compactMap { $0["text"]?.stringValue }
        #expect(texts.count == 2)
        #expect(texts.last?.hasPrefix("The city council voted") == true)
        #expect(!texts.contains("People walked past the shops."))
    }

    @Test("a sentence broken across a blank line is put back together; a stray fragment is never picked")
    func brokenLines() throws {
        let text = """
            The 99th qualifier in the field of 99 due to contest the Masters

            next week told reporters of his immense relief at holding on to the last spot.

            : Will you go to the prom with me?

            Paul Casey was at home in Arizona when the matter was decided last Sunday.
            """
        let summary = try SummaryTesting.summarize(text, options: [("sentences", "3")])
        let texts = summary.sentences.compactMap { $0["text"]?.stringValue }
        #expect(
            texts == [
                "The 99th qualifier in the field of 99 due to contest the Masters\n\nnext week told reporters of his "
                    + "immense relief at holding on to the last spot.",
                "Paul Casey was at home in Arizona when the matter was decided last Sunday.",
            ]
        )
    }

    @Test("entity mentions from an entities step raise the sentences that carry them")
    func entities() throws {
        let text =
            "Markets were calm on Monday. Traders waited for news. "
            + "Acme Corp said Acme Corp profits rose, and Acme Corp shares gained."
        var document = Document(id: "e", text: text)
        let acme: JSONValue = [
            "text": "Acme Corp", "type": "ORG", "count": 3,
            "mentions": [["start": 54, "end": 63], ["start": 69, "end": 78], ["start": 97, "end": 106]],
        ]
        document.annotations["entities"] = [acme]
        let processor = try SummaryTesting.processor([("sentences", "3")])
        let boosted = try #require(processor.summarize(document, memo: DocumentMemo()).last)
        document.annotations["entities"] = nil
        let plain = try #require(processor.summarize(document, memo: DocumentMemo()).last)
        #expect(boosted.text.hasPrefix("Acme Corp said"))
        #expect(boosted.text == plain.text)
        #expect(boosted.score > plain.score + 0.05)
    }

    @Test("a language without a stop-word list (Welsh) falls back to frequent short words")
    func languageWithoutList() throws {
        let text = """
            Mae cyngor y ddinas wedi pleidleisio i drydaneiddio holl fferis yr harbwr erbyn 2030.

            Mae'r fferis yn cludo 40,000 o deithwyr y dydd ar draws yr harbwr. Roedd y tywydd yn braf.

            Bydd y pedair fferi drydan gyntaf yn dechrau gwasanaethu yr harbwr yn y gwanwyn.
            """
        for language: String? in ["cy", nil] {
            let summary = try SummaryTesting.summarize(text, options: [("sentences", "2")], language: language)
            let texts = summary.sentences.compactMap { $0["text"]?.stringValue }
            #expect(texts.count == 2)
            #expect(texts.first?.hasPrefix("Mae cyngor y ddinas") == true)
            #expect(!texts.contains("Roedd y tywydd yn braf."))
        }
    }

    @Test(arguments: [
        ("LONDON (Reuters) - The council voted to buy electric ferries.", "The council voted to buy electric ferries."),
        ("LONDON, Feb 16 (Reuters) - The council voted on ferries.", "The council voted on ferries."),
        ("Boston (CNN)Guilty across the board, the jury said today.", "Guilty across the board, the jury said today."),
        ("(CNN) -- The council voted to buy electric ferries.", "The council voted to buy electric ferries."),
        ("MOSCOW — The council voted to buy electric ferries.", "The council voted to buy electric ferries."),
        ("President Obama (D) said the ferries would run.", "President Obama (D) said the ferries would run."),
        ("New York - based firms said the ferries would run.", "New York - based firms said the ferries would run."),
    ])
    func datelines(sentence: String, picked: String) throws {
        let summary = try SummaryTesting.summarize(sentence, options: [("sentences", "1")])
        let first = try #require(summary.sentences.first)
        #expect(first["text"]?.stringValue == picked)
        let start = try #require(first["start"]?.intValue)
        let end = try #require(first["end"]?.intValue)
        #expect(SummaryTesting.slice(sentence, start, end) == picked)
    }

    @Test("ratio 1 and 0.5 on a 3,000-sentence article stay fast and give every or half the sentences")
    func hugeArticle() throws {
        let text = (0..<3_000).map { "Line \($0) of the ledger records \($0 * 3) tonnes at pier \($0 % 9)." }
            .joined(separator: " ")
        let clock = ContinuousClock()
        let start = clock.now
        #expect(try SummaryTesting.summarize(text, options: [("ratio", "1")]).sentences.count == 3_000)
        let half = try SummaryTesting.summarize(text, options: [("ratio", "0.5")])
        #expect(half.sentences.count == 1_500)
        let starts = half.sentences.compactMap { $0["start"]?.intValue }
        #expect(starts == starts.sorted())
        #expect(clock.now - start < .seconds(10))
    }

    @Test("Chinese and Thai articles give whole sentences", arguments: ["zh", "th"])
    func chineseAndThai(language: String) throws {
        let text =
            language == "zh"
            ? "市议会周二投票决定在2030年前将所有港口渡轮改为电动。渡轮每天运送四万名乘客。天气很好。"
            : "สภาเมืองลงมติให้เปลี่ยนเรือข้ามฟากทั้งหมดเป็นเรือไฟฟ้าภายในปี 2030\n\nเรือข้ามฟากขนส่งผู้โดยสารสี่หมื่นคนต่อวัน"
        let summary = try SummaryTesting.summarize(text, options: [("sentences", "1")], language: language)
        let first = try #require(summary.sentences.first?["text"]?.stringValue)
        #expect(first.hasPrefix(language == "zh" ? "市议会周二投票" : "สภาเมืองลงมติ"))
        #expect(language == "th" || first.hasSuffix("。"))
    }
}
