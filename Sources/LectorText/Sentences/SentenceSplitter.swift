/// Splits text into sentences, with Unicode-scalar offsets.
///
/// Works on the tokens of ``Tokenizer``, so numbers (`3.5`, `1,50,000`), URLs and e-mail
/// addresses never contain a boundary. A sentence ends:
///
/// - after `.`, `!`, `?` or a run of them (`?!`, `!!!`) followed by white space and not by
///   a lowercase letter or `,` `;` `:`;
/// - after an ellipsis (`…`, `...`) only when a capitalised word follows;
/// - after a strong ender, with or without space: `。` `！` `？` `।` `॥` `؟` `۔` `።` `။` `។`
///   and others (except `。」と`, where Japanese quotes a sentence inside another);
/// - at a blank line (a paragraph break), always;
/// - at the end of a heading: a line with no final punctuation, followed by a line that
///   does not start in lowercase, when the line is short (under 40 scalars, or under three
///   quarters of the paragraph's longest line, so hard-wrapped paragraphs stay whole), or
///   when the next line is a list item (`- `, `* `, `• `, `1. `, `a) `).
///
/// Closing quotes and brackets right after the ender stay with the sentence
/// (`He said “no.” Then…`).
///
/// No sentence ends after a title or other abbreviation that introduces what follows
/// (`Mr.`, `Dr.`, `Prof.`, `e.g.`, `No.`, `z.B.`, `Mme.`, `Sra.`, …), after a list number
/// at the start of a line (`1. `), or after a German ordinal day before a month
/// (`3. Oktober`). After an abbreviation that may end a sentence (`U.S.`, `etc.`, `Inc.`,
/// `Jan.`) or a single initial (`J.`), a sentence ends only when a common sentence starter
/// follows (`The`, `He`, `She`, `It`, `But`, `In`, `Der`, `Le`, `El`, …): "in the U.S. The
/// talks" splits, "the U.S. Army" and "J. K. Rowling" do not. The price: "in the U.S.
/// Congress met" is right, but "made in the U.S. Congress then met" is one sentence too.
///
/// Text with no punctuation at all is one sentence per paragraph (unless its lines look
/// like headings). Thai, Lao, Khmer and Burmese text that uses only spaces between
/// sentences is not split inside a paragraph.
public enum SentenceSplitter {
    /// Splits the text into sentences.
    ///
    /// - Parameter text: The text.
    /// - Returns: The sentences, in order, each trimmed of surrounding white space. Empty
    ///   when the text is only white space.
    public static func split(_ text: ScalarText) -> [Sentence] {
        split(text, tokens: Tokenizer.tokenize(text))
    }

    /// Splits the text into sentences, reusing its tokens.
    ///
    /// Saves tokenizing twice when the caller needs the tokens too.
    ///
    /// - Parameters:
    ///   - text: The text.
    ///   - tokens: `Tokenizer.tokenize(text)`: all of the text's tokens, in order.
    /// - Returns: The sentences, in order, each trimmed of surrounding white space.
    public static func split(_ text: ScalarText, tokens: [Token]) -> [Sentence] {
        guard !tokens.isEmpty else { return [] }
        var scanner = SentenceScanner(scalars: text.scalars, tokens: tokens)
        return scanner.sentences()
    }
}
