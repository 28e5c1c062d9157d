import LectorEvaluation
import LectorSummary
import Testing

@Suite("RougeScorer")
struct RougeScorerTests {
    private func near(_ value: Double, _ expected: Double) -> Bool { abs(value - expected) < 1e-5 }

    @Test("tokens: lowercase ASCII letters and digits, other characters separate, long words stemmed")
    func tokens() {
        #expect(RougeScorer.tokenize("The Cats' café, 3.5 runs!") == ["the", "cat", "caf", "3", "5", "run"])
        #expect(RougeScorer.tokenize("") == [])
    }

    @Test("hand-computed: same words in another order")
    func reordered() {
        // candidate polic kill the gunman / reference the gunman polic kill: every unigram
        // matches, 2 of 3 bigrams (polic kill, the gunman), and the LCS has two tokens.
        let scores = RougeScorer.score(candidate: "police killed the gunman", reference: "the gunman police killed")
        #expect(scores.rouge1.f1 == 1)
        #expect(near(scores.rouge2.precision, 2.0 / 3) && near(scores.rouge2.recall, 2.0 / 3))
        #expect(near(scores.rougeLsum.f1, 0.5))
    }

    @Test("hand-computed: clipped counts and summary-level LCS over newline-split sentences")
    func clipped() {
        // candidate a b c d | b c a (7 tokens), reference a b c | d a b (6 tokens).
        // Unigrams: a 2/2, b 2/2, c 1/2, d 1/1 -> 6 matches. Bigrams of the whole texts:
        // ab bc cd db bc ca vs ab bc cd da ab -> ab, bc, cd match -> 3 of 6 and 3 of 5.
        // Lsum: ref "a b c" unions LCS with "a b c d" and "b c a" -> a b c (3 hits);
        // ref "d a b" -> LCS "d" with the first and "a" with the second -> d a, both still
        // available -> 2 hits; 5 hits / 7 and / 6.
        let scores = RougeScorer.score(candidate: "a b c d\nb c a", reference: "a b c\nd a b")
        #expect(near(scores.rouge1.precision, 6.0 / 7) && scores.rouge1.recall == 1)
        #expect(near(scores.rouge2.precision, 0.5) && near(scores.rouge2.recall, 0.6))
        #expect(near(scores.rougeLsum.precision, 5.0 / 7) && near(scores.rougeLsum.recall, 5.0 / 6))
    }

    /// Figures printed by `rouge_score.rouge_scorer.RougeScorer(['rouge1', 'rouge2',
    /// 'rougeLsum'], use_stemmer=True)` 0.1.2 for the same pairs (F1, six decimals).
    @Test(arguments: [
        (
            "The cats were running quickly.\nA dog barked at them.",
            "The cat ran quickly.\nThe dog was barking loudly at the cats.", 0.545455, 0.1, 0.545455
        ),
        (
            "Shale gas drilling in Lancashire was suspended.\nAn earthquake hit the Fylde coast.",
            "shale gas test drilling in lancashire has been suspended following an earthquake on the fylde coast.",
            0.758621, 0.444444, 0.758621
        ),
    ])
    func matchesRougeScore(candidate: String, reference: String, rouge1: Double, rouge2: Double, rougeLsum: Double) {
        let scores = RougeScorer.score(candidate: candidate, reference: reference)
        #expect(abs(scores.rouge1.f1 - rouge1) < 1e-6)
        #expect(abs(scores.rouge2.f1 - rouge2) < 1e-6)
        #expect(abs(scores.rougeLsum.f1 - rougeLsum) < 1e-6)
    }

    @Test("empty candidate or reference scores zero")
    func empty() {
        let scores = RougeScorer.score(candidate: "", reference: "the cat sat")
        #expect(scores.rouge1.f1 == 0 && scores.rouge2.f1 == 0 && scores.rougeLsum.f1 == 0)
    }
}
