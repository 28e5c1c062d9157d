extension SentimentScorer {
    /// How far back an intensifier or a negator reaches, in words.
    private static let reach = 3
    /// How far a word of change looks for its quantity, in words (within its clause).
    private static let quantityReach = 10
    /// A word of change with no quantity in reach (`Aviva soars`) and no valence of its own
    /// counts this share of a composition, as if what changed were good to have more of;
    /// ``figureDirections`` only in a sentence about figures.
    private static let bareDirection: Float = 0.5
    /// Words of change that are mostly something else outside a sentence about figures:
    /// particles (`wake up`, `break down`) and `raise` (`raised a question`).
    private static let figureDirections: Set<String> = ["up", "down", "raise", "raises", "raised", "raising"]
    /// What a negator does to a valence (and to a connotation or a tone).
    static let negation: Float = -0.7
    /// The strength of a finance composition, on the valence scale.
    private static let composition: Float = 2.4

    /// Applies the rules to a sentence's words: compositions, intensifiers, capitals,
    /// negation, contrast, and clause numbers.
    ///
    /// - Parameters:
    ///   - words: The sentence's words, scored in place.
    ///   - hasFigures: Whether the sentence holds a figure (``hasFigures(_:scalars:)``). One of
    ///     ``figureDirections`` with no quantity in reach composes only in a sentence about
    ///     figures: one with a figure or a quantity word.
    func applyRules(_ words: inout [ScoredWord], hasFigures: Bool) {
        guard !words.isEmpty else { return }
        let aboutFigures = hasFigures || words.contains { $0.entry.quantity != 0 }
        let mixedCase = words.contains { $0.isLetters && !$0.isCapitals }
        markHedgingPhrases(&words)
        markNewsIdioms(&words)
        markClauses(&words)
        var consumed = [Bool](repeating: false, count: words.count)
        for index in words.indices where words[index].entry.direction != 0 {
            let entry = words[index].entry
            var value: Float
            if let quantity = nearestQuantity(words, around: index, consumed: consumed) {
                value = entry.direction * words[quantity].entry.quantity * Self.composition
                consumed[quantity] = true
            } else if entry.valence == 0, aboutFigures || !Self.figureDirections.contains(words[index].key) {
                value = entry.direction * Self.bareDirection * Self.composition
            } else {
                continue
            }
            if negated(words, at: index) { value *= Self.negation }
            words[index].finance = value
            consumed[index] = true
        }
        for index in words.indices {
            words[index].isComposed = consumed[index]
            words[index].isNegated = negated(words, at: index)
            // "cannot turn a blind eye", "will not ignore": still an objection, said less
            // bluntly, not praise.
            let objects = words[index].isObjection && words[index].isNegated
            if objects { words[index].isNegated = false }
            let entry = words[index].entry
            guard !consumed[index], entry.ownValence != 0 || entry.ownPolarity != 0 else { continue }
            var boost: Float = 0
            for back in 1...Self.reach where index - back >= 0 {
                if words[index - back + 1].followsBreak, back > 1 { break }
                var step = words[index - back].entry.boost
                // "no less" strengthens rather than dampens.
                if words[index - back].key == "less", index - back > 0, !words[index - back].followsBreak,
                    words[index - back - 1].entry.negates
                {
                    step = -step
                }
                boost += step * (1 - 0.1 * Float(back - 1))
            }
            var scale = max(0.2, 1 + boost)
            if mixedCase, words[index].isCapitals { scale *= 1.25 }
            if words[index].isNegated { scale *= Self.negation }
            if objects { scale *= -Self.negation }
            words[index].contribution = entry.ownValence * scale
            words[index].polarity = entry.ownPolarity * scale
        }
        applyHedges(&words)
        applyContrast(&words)
    }

    /// Whether a negator stands in the three words before `index`, in the same scope.
    private func negated(_ words: [ScoredWord], at index: Int) -> Bool {
        // A negator of its own (`don't`) is not negated; the rarer n't forms the lexicon
        // does not list are negated like any word.
        if words[index].entry.negates, words[index].key.hasSuffix("n't") { return false }
        // `less` in `no less` is part of the idiom, not a negated less.
        if index > 0, words[index - 1].entry.negates, Self.idiomsAfterNegator.contains(words[index].key) {
            return false
        }
        for back in 1...Self.reach where index - back >= 0 {
            if words[index - back + 1].followsBreak { return false }
            let at = index - back
            if words[at].entry.negates {
                // "few find it funny" negates; "a few good ideas" does not.
                if words[at].key == "few", at > 0, words[at - 1].key == "a" { return false }
                // "no less magical" is as magical.
                if back > 1, Self.idiomsAfterNegator.contains(words[at + 1].key) { return false }
                return true
            }
            if words[index - back].entry.contrastWeight != 0 { return false }
        }
        return false
    }

    /// The quantity a word of change is about: its object right after it (`slashes
    /// dividend`, `increase in capital`), else its subject before it (`profit rose`), else
    /// one further on; within the clause and ``quantityReach``.
    private func nearestQuantity(_ words: [ScoredWord], around index: Int, consumed: [Bool]) -> Int? {
        func isQuantity(_ candidate: Int) -> Bool {
            words.indices.contains(candidate) && words[candidate].clause == words[index].clause
                && words[candidate].entry.quantity != 0 && !consumed[candidate]
        }
        if isQuantity(index + 1) { return index + 1 }
        // `slashes its dividend`, `increase in capital`; not `slides on costs`, `falls as
        // costs mount`: what follows a preposition of cause is not what changed.
        if isQuantity(index + 2), !isCause(words[index + 1]) { return index + 2 }
        for distance in 1...Self.quantityReach where isQuantity(index - distance) { return index - distance }
        // Further on only up to a hedge (`lost minutes may cost it`: `cost` is another verb's),
        // a preposition of cause (`slides on higher costs`) or a break.
        for distance in 1...Self.quantityReach where index + distance < words.count {
            let word = words[index + distance]
            if word.entry.hedge != 0 || word.followsBreak || isCause(word) { break }
            if distance >= 3, isQuantity(index + distance) { return index + distance }
        }
        return nil
    }

    /// Contrast words that discount the clause they open (up to the next break) rather than
    /// what came before them.
    private static let openingContrasts: Set<String> = ["although", "though", "whereas", "while", "instead"]

    /// Words that, right after a negator, make an idiom that negates nothing further on:
    /// `no less` (`not least` is an idiom of its own).
    private static let idiomsAfterNegator: Set<String> = ["less"]

    /// Whether a quantity after `word` is a cause: English's list, or a lexicon's `k` words.
    private func isCause(_ word: ScoredWord) -> Bool {
        word.entry.isCause || Self.causes.contains(word.key)
    }

    /// Words after which a quantity is a cause, not the object of a word of change.
    private static let causes: Set<String> = [
        "on", "as", "after", "amid", "despite", "following", "over", "since", "with", "by", "at", "to", "from",
        "for", "while", "and", "because",
    ]

    /// Two-word idioms whose words mean something else apart, with the idiom's valence
    /// (carried by the first word; the second is emptied; `no wonder`, `small wonder` and
    /// `not least` carry none). VADER's `the bomb` and `to die
    /// for` are left out: news means them literally.
    private static let idioms: [String: [String: Float]] = [
        "bad": ["ass": 1.5], "yeah": ["right": -2], "no": ["wonder": 0], "small": ["wonder": 0], "not": ["least": 0],
    ]

    /// `kind of` and `sort of` dampen what follows; `kind` there is not kindness. Idioms
    /// (`bad ass`, `yeah right`) take their own valence. `instead` contrasts only as
    /// `instead of` ("Tesco instead reported a loss" reports the loss in full).
    private func markHedgingPhrases(_ words: inout [ScoredWord]) {
        for index in words.indices where words[index].key == "instead" {
            if index + 1 == words.count || words[index + 1].key != "of" || words[index + 1].followsBreak {
                words[index].entry.contrastWeight = 0
            }
        }
        for index in words.indices.dropLast() where !words[index + 1].followsBreak {
            let next = words[index + 1].key
            if next == "of", words[index].key == "kind" || words[index].key == "sort" {
                words[index].entry.valence = 0
                words[index].entry.boost = -0.3
            } else if let valence = Self.idioms[words[index].key]?[next] {
                var entry = SentimentLexicon.Entry()
                entry.valence = valence
                words[index].entry = entry
                words[index + 1].entry = SentimentLexicon.Entry()
            }
        }
    }

    /// Words that, refused, still object: political reporting says "Russia cannot turn a
    /// blind eye to …" or "we will not ignore …" of something it finds wrong (``refusals``;
    /// "he was not ignored" states a fact). `blind` counts only before `eye`.
    private static let objections: Set<String> = [
        "blind", "ignore", "ignores", "ignored", "ignoring", "overlook", "overlooks", "overlooked", "overlooking",
    ]

    /// Negators that refuse or forbid (`cannot ignore`, `won't overlook`), as opposed to
    /// those that state a fact (`was not ignored`: someone got attention).
    private static let refusals: Set<String> = [
        "cannot", "can't", "cant", "won't", "wont", "mustn't", "mustnt", "shouldn't", "shouldnt", "shan't",
    ]
    private static let modals: Set<String> = ["will", "would", "can", "could", "must", "should", "shall", "may"]

    /// Whether a refusal (``refusals``, or `not`/`never` after a modal) stands in the
    /// three words before `index`.
    private func refusesTo(_ words: [ScoredWord], before index: Int) -> Bool {
        for back in 1...3 where index - back >= 0 {
            let at = index - back
            if Self.refusals.contains(words[at].key) { return true }
            if words[at].key == "not" || words[at].key == "never" {
                return at > 0 && Self.modals.contains(words[at - 1].key)
            }
            if words[at + 1].followsBreak { return false }
        }
        return false
    }

    /// What someone does "for their own benefit" (`interest`, `gain`, `ends` …) serves
    /// themselves at others' expense; read apart, `own` and `benefit` sound good.
    private static let selfServing: Set<String> = [
        "benefit", "benefits", "interest", "interests", "gain", "gains", "advantage", "ends", "purposes", "profit",
    ]
    private static let possessives: Set<String> = ["their", "his", "her", "its", "our", "your", "my"]
    /// The valence of a self-serving phrase, carried by its noun.
    private static let selfServingValence: Float = -1.5

    /// Words of readiness and intent: good news when what they lead to is (`ready to help`),
    /// not when it is harm (`ready to launch an attack`, `determined to destroy`).
    private static let intents: Set<String> = [
        "launch", "launches", "launched", "launching", "ready", "prepared", "poised", "eager", "keen", "determined",
        "willing", "plan", "plans", "planned", "planning",
    ]
    /// How far an intent looks for the harm it leads to, in words.
    private static let intentReach = 4

    /// Marks the objections (``objections``), the self-serving phrases (``selfServing``:
    /// `for their own benefit`) and intents toward harm (``intents``) of news reporting.
    private func markNewsIdioms(_ words: inout [ScoredWord]) {
        // Cheap tests on the entry first: most words have no valence, and hashing every
        // word's key into three sets showed in profiles.
        for index in words.indices where words[index].entry.valence > 0 && Self.intents.contains(words[index].key) {
            var distance = 1
            while distance <= Self.intentReach, index + distance < words.count, !words[index + distance].followsBreak {
                if words[index + distance].entry.ownValence <= -1 {
                    words[index].entry.valence = 0
                    words[index].entry.polarity = 0
                    words[index].entry.tone = 0
                    break
                }
                distance += 1
            }
        }
        for index in words.indices where words[index].entry.valence < 0 && Self.objections.contains(words[index].key) {
            if words[index].key == "blind" {
                guard index + 1 < words.count, words[index + 1].key == "eye" || words[index + 1].key == "eyes"
                else { continue }
            }
            words[index].isObjection = refusesTo(words, before: index)
        }
        for index in words.indices.dropFirst(3) where words[index - 1].key == "own" {
            guard Self.selfServing.contains(words[index].key), Self.possessives.contains(words[index - 2].key),
                words[index - 3].key == "for"
            else { continue }
            var entry = SentimentLexicon.Entry()
            entry.valence = Self.selfServingValence
            words[index].entry = entry
            words[index - 1].entry = SentimentLexicon.Entry()
        }
    }

    private func markClauses(_ words: inout [ScoredWord]) {
        var clause = 0
        for index in words.indices {
            if words[index].entry.contrastWeight != 0, index > 0 { clause += 1 }
            words[index].clause = clause
        }
    }

    private func applyHedges(_ words: inout [ScoredWord]) {
        var scale: [Int: Float] = [:]
        for word in words where word.entry.hedge != 0 { scale[word.clause] = word.entry.hedge }
        guard !scale.isEmpty else { return }
        for index in words.indices {
            guard let factor = scale[words[index].clause] else { continue }
            words[index].contribution *= factor
            words[index].finance *= factor
            words[index].polarity *= factor
            words[index].hedge = factor
        }
    }

    /// Before `but` counts less and after it more; the clause `although` opens (up to the
    /// next comma) counts less.
    private func applyContrast(_ words: inout [ScoredWord]) {
        for index in words.indices {
            let weight = words[index].entry.contrastWeight
            guard weight != 0, weight != 1 else { continue }
            if Self.openingContrasts.contains(words[index].key) {
                var end = index + 1
                while end < words.count, !words[end].followsBreak { end += 1 }
                for inner in index..<end { words[inner].weight *= weight }
                for after in end..<words.count { words[after].weight *= 1.2 }
            } else if index > 0 {
                for before in 0..<index { words[before].weight *= weight }
                for after in index..<words.count { words[after].weight *= 1.5 }
            }
        }
    }
}
