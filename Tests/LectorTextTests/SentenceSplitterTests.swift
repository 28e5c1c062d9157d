import LectorText
import Testing

/// The sentences of `text`, as strings.
func sentences(_ text: String) -> [String] {
    let scalars = ScalarText(text)
    return SentenceSplitter.split(scalars).map { $0.text(in: scalars) }
}

@Suite("SentenceSplitter")
struct SentenceSplitterTests {
    @Test(arguments: [
        ("One. Two! Three? Four", ["One.", "Two!", "Three?", "Four"]),
        ("Really?! Yes!!! OK.", ["Really?!", "Yes!!!", "OK."]),
        ("  Leading and trailing space.  ", ["Leading and trailing space."]),
        ("He said “no.” Then he left.", ["He said “no.”", "Then he left."]),
        ("“Stop!” he shouted. (It worked.) Good.", ["“Stop!” he shouted.", "(It worked.)", "Good."]),
        ("She asked, “Why?” Nobody knew.", ["She asked, “Why?”", "Nobody knew."]),
        ("He left. “Why?” she asked.", ["He left.", "“Why?” she asked."]),
        (
            "It cost 3.5 million. The rest, 1,50,000, was paid.",
            [
                "It cost 3.5 million.", "The rest, 1,50,000, was paid.",
            ]
        ),
        ("Born in 1990. Died in 2020.", ["Born in 1990.", "Died in 2020."]),
        ("I waited... Then it came.", ["I waited...", "Then it came."]),
        ("I waited… and waited… Nothing.", ["I waited… and waited…", "Nothing."]),
        ("Hmm... maybe.", ["Hmm... maybe."]),
        ("What? no way", ["What? no way"]),
        ("no punctuation at all here", ["no punctuation at all here"]),
        ("", []),
        (" \n\n ", []),
    ])
    func english(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
    }

    @Test(arguments: [
        ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
        (
            "Prof. Lee and Sen. Warren spoke. Gen. Milley left.",
            [
                "Prof. Lee and Sen. Warren spoke.", "Gen. Milley left.",
            ]
        ),
        ("J. K. Rowling wrote it. She is rich.", ["J. K. Rowling wrote it.", "She is rich."]),
        ("It grew in the U.S. The rest fell.", ["It grew in the U.S.", "The rest fell."]),
        ("The U.S. Army arrived. U.S. officials agreed.", ["The U.S. Army arrived.", "U.S. officials agreed."]),
        ("Fruit, e.g. Apples, and more. Fine.", ["Fruit, e.g. Apples, and more.", "Fine."]),
        ("Apples, pears, etc. But not plums.", ["Apples, pears, etc.", "But not plums."]),
        ("See Fig. 3 and No. 5. Done.", ["See Fig. 3 and No. 5.", "Done."]),
        ("Apple Inc. He founded it.", ["Apple Inc.", "He founded it."]),
        ("Apple Inc. Shares rose.", ["Apple Inc. Shares rose."]),
        ("On Jan. 5 at 3 p.m. sharp.", ["On Jan. 5 at 3 p.m. sharp."]),
        ("Smith vs. Jones ended. Approx. Ten left.", ["Smith vs. Jones ended.", "Approx. Ten left."]),
        ("Read https://example.com/a.b. Then stop.", ["Read https://example.com/a.b.", "Then stop."]),
        ("Mail jane.doe@example.com. It works.", ["Mail jane.doe@example.com.", "It works."]),
        ("Plan B. The fallback.", ["Plan B.", "The fallback."]),
        ("At 10 a.m. The next at 3 p.m. today.", ["At 10 a.m.", "The next at 3 p.m. today."]),
        ("Smith et al. reported it. The study was large.", ["Smith et al. reported it.", "The study was large."]),
        ("The U.K. and the U.S. agreed. France did not.", ["The U.K. and the U.S. agreed.", "France did not."]),
        ("Visit google.com. It is big.", ["Visit google.com.", "It is big."]),
        ("He won (!) the race. Yahoo! is big. What?\nNo.", ["He won (!) the race.", "Yahoo! is big.", "What?", "No."]),
        ("“Hello,” she said. “Bye.” Then silence.", ["“Hello,” she said.", "“Bye.”", "Then silence."]),
    ])
    func abbreviationsAndInitials(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
    }

    @Test(arguments: [
        ("Title\n\nFirst line. Second line.", ["Title", "First line.", "Second line."]),
        ("Kapitel 1\nEs war einmal ein König.", ["Kapitel 1", "Es war einmal ein König."]),
        (
            "Breaking News: Markets Fall Sharply\nStocks dropped 5% on Monday as investors fled. Analysts were surprised.",
            [
                "Breaking News: Markets Fall Sharply", "Stocks dropped 5% on Monday as investors fled.",
                "Analysts were surprised.",
            ]
        ),
        (
            "A Short Heading\nThe body starts here. And ends.",
            [
                "A Short Heading", "The body starts here.", "And ends.",
            ]
        ),
        ("first paragraph without end\n\nsecond paragraph", ["first paragraph without end", "second paragraph"]),
        ("This sentence is wrapped\nacross two lines.", ["This sentence is wrapped\nacross two lines."]),
        ("Dr.\n\nSmith", ["Dr.", "Smith"]),
        ("You need:\n- eggs\n- milk\n1. Mix\n2. Bake", ["You need:", "- eggs", "- milk", "1. Mix", "2. Bake"]),
        ("Line ending with a comma,\nContinues here.", ["Line ending with a comma,\nContinues here."]),
        ("Para one.\r\n\r\nPara two.", ["Para one.", "Para two."]),
        ("Heading\u{2029}Body.", ["Heading", "Body."]),
    ])
    func paragraphsAndHeadings(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
    }

    @Test func hardWrappedParagraphStaysWhole() {
        let text = """
            The committee met on Tuesday to discuss the budget for the coming year and
            Members of the opposition asked for more time to study the proposal before
            voting on it. The vote was delayed.
            """
        #expect(
            sentences(text) == [
                "The committee met on Tuesday to discuss the budget for the coming year and\n"
                    + "Members of the opposition asked for more time to study the proposal before\nvoting on it.",
                "The vote was delayed.",
            ]
        )
    }

    @Test(arguments: [
        (
            "Das ist z.B. gut. Die Nr. 5 bzw. die Nr. 6 kommt.",
            ["Das ist z.B. gut.", "Die Nr. 5 bzw. die Nr. 6 kommt."]
        ),
        ("Am 3. Oktober feiern wir. Das ist schön.", ["Am 3. Oktober feiern wir.", "Das ist schön."]),
        ("Er kam usw. Die Zeit lief.", ["Er kam usw.", "Die Zeit lief."]),
        (
            "Sie wohnt in der Hauptstr. 5 in Köln. Das ist z. B. gut.",
            ["Sie wohnt in der Hauptstr. 5 in Köln.", "Das ist z. B. gut."]
        ),
        ("M. Dupont et Mme. Curie arrivent. Ils parlent.", ["M. Dupont et Mme. Curie arrivent.", "Ils parlent."]),
        ("Il a dit « non ! » Puis il est parti.", ["Il a dit « non ! »", "Puis il est parti."]),
        ("La Sra. García llegó. Pero se fue.", ["La Sra. García llegó.", "Pero se fue."]),
        ("¿Qué pasa? ¡Nada! Bien.", ["¿Qué pasa?", "¡Nada!", "Bien."]),
    ])
    func europeanLanguages(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
    }

    @Test(arguments: [
        ("我爱北京。你呢？很好！", ["我爱北京。", "你呢？", "很好！"]),
        ("他说：“好。”然后走了。", ["他说：“好。”", "然后走了。"]),
        ("東京に行きました！楽しかった？はい。", ["東京に行きました！", "楽しかった？", "はい。"]),
        ("我们走吧……好。", ["我们走吧……好。"]),
        ("今日は晴れです。明日は雨でしょう。", ["今日は晴れです。", "明日は雨でしょう。"]),
        ("「はい。」と言った。次へ。", ["「はい。」と言った。", "次へ。"]),
        ("यह एक वाक्य है। यह दूसरा है।", ["यह एक वाक्य है।", "यह दूसरा है।"]),
        ("هل أنت بخير؟ نعم، شكرا.", ["هل أنت بخير؟", "نعم، شكرا."]),
        ("یہ اردو ہے۔ یہ دوسرا ہے۔", ["یہ اردو ہے۔", "یہ دوسرا ہے۔"]),
        ("ሰላም ነው። እንዴት ነህ፧", ["ሰላም ነው።", "እንዴት ነህ፧"]),
        ("ภาษาไทย ไม่มีจุด\n\nย่อหน้าใหม่", ["ภาษาไทย ไม่มีจุด", "ย่อหน้าใหม่"]),
        ("Ελληνικά; Ναι. Όχι.", ["Ελληνικά;", "Ναι.", "Όχι."]),
        ("Τι κάνεις\u{037E} Καλά.", ["Τι κάνεις\u{037E}", "Καλά."]),
        ("Привет. Как дела?", ["Привет.", "Как дела?"]),
        ("ក្រុងភ្នំពេញ។ ល្អ។", ["ក្រុងភ្នំពេញ។", "ល្អ។"]),
    ])
    func otherScripts(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
    }

    @Test func offsetsCountScalarsWithEmojiAndMarks() {
        // "é" written as e + U+0301; the family emoji is five scalars.
        let text = "Cafe\u{301} 👨‍👩‍👧! Ok 😀. 日本。"
        let scalars = ScalarText(text)
        let found = SentenceSplitter.split(scalars)
        #expect(found == [Sentence(start: 0, end: 12), Sentence(start: 13, end: 18), Sentence(start: 19, end: 22)])
        #expect(found.map { $0.text(in: scalars) } == ["Cafe\u{301} 👨‍👩‍👧!", "Ok 😀.", "日本。"])
    }
}
