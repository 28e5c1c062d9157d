/// One word (or emoticon) of a sentence, with what the rules made of it.
struct ScoredWord: Sendable {
    /// Scalar offset of its first scalar.
    var start: Int
    /// Scalar offset just past it.
    var end: Int
    /// The lowercase form.
    var key: String
    /// What the lexicon knows of it.
    var entry: SentimentLexicon.Entry
    /// Whether it is written in capitals (two letters or more).
    var isCapitals: Bool
    /// Whether it is a word of letters (not an emoticon), so the learned layer weighs it.
    var isLetters: Bool
    /// Whether punctuation (`,` `;` `:`) directly precedes it, ending a negation's scope.
    var followsBreak: Bool
    /// Its contribution after intensifiers, capitals and negation.
    var contribution: Float = 0
    /// Its second-lexicon polarity after intensifiers, negation and hedges.
    var polarity: Float = 0
    /// Its finance composition, when it is a word of change next to a quantity.
    var finance: Float = 0
    /// Whether a finance composition used it (`profit` in `profit fell`), so that neither
    /// its valence nor its learned weight counts on its own.
    var isComposed = false
    /// Whether a negator is in scope.
    var isNegated = false
    /// Whether it is an objection that keeps its sign under negation (`cannot ignore`).
    var isObjection = false
    /// The scale a hedge in its clause gives it (`may`: 0.8, `compared`: 0.3), 1 without one.
    var hedge: Float = 1
    /// The weight contrast gives it (`but`: before 0.5, after 1.5).
    var weight: Float = 1
    /// The clause it belongs to, counted from 0 within its sentence.
    var clause = 0
}
