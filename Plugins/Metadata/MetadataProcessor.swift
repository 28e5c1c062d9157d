package import LectorCore
package import LectorText

/// The `metadata` step: splits an article's header off its text and into
/// ``Document/metadata``.
///
/// It recognises, at the start of the text and in this order:
/// 1. YAML front matter between `---` and `---` (or `...`) lines; front matter that cannot
///    be read stays in the text and adds a warning `front matter could not be read: …`;
/// 2. RFC 822-style header lines (`Title:`, `Date:`, `Author:`, `By:`, `URL:`, …) ended by
///    a blank line, when the block looks like a header (see ``readsHeaders``);
/// 3. a leading date, before the body on the same line or on a line of its own
///    (`date 2022-02-16 After talks…`, `16 February 2022: After talks…`);
/// 4. a title line followed by a blank line, and a `By …` byline (see ``detectsTitle``),
///    after which a leading date is looked for again.
///
/// A news-agency dateline at the start of the body (`MOSCOW (Reuters) -`) stays in the
/// text; its place is recorded as `dateline`. When it gives a day and month without a year
/// (`LONDON, Feb 16 (Reuters)`, `Madrid, 4 dic (EFE)`) and nothing else dates the article,
/// the input file's modification time gives the year (``datelineDate(_:modified:)``), with
/// a warning.
///
/// #### Metadata keys
/// `date` (ISO 8601, see ``DateNormalizer``; `null` when unknown) and `title` (`null` when
/// unknown) are always present and come first. Then, as found: `date_raw` (the date as
/// written, when it differs from `date`), `author`, `source`, `url`, `dateline`, and every
/// other header key in lowercase snake_case (`Published-Date` gives `published_date`;
/// `By` gives `author`, `Link` gives `url`, `Headline` gives `title`; a `published` or
/// `posted` key stands in for a missing `date`). `Tags:`, `Keywords:` and `Categories:`
/// header lines give lists. A repeated header key gives a list of its values.
///
/// Values already in the document's metadata (from JSON Lines input) are kept unless the
/// header gives the same key: **the header wins**, key by key. A `date` that came with the
/// document is normalised like a header date when it is readable.
///
/// The header is removed from ``Document/text`` (unless ``keepsHeader``), as are the
/// blank lines after it, so later steps' offsets count from the body. The body itself is
/// never changed, and a text without a header is returned unchanged. The processor never
/// throws.
package struct MetadataProcessor: Processor {
    /// Whether a title line (and byline) is detected. Option `title`, default `true`.
    package var detectsTitle: Bool
    /// Whether YAML front matter is read. Option `front_matter`, default `true`.
    package var readsFrontMatter: Bool
    /// Whether header lines and leading dates are read. Option `headers`, default `true`.
    package var readsHeaders: Bool
    /// Whether the header is left in the text (its fields are still read). Option
    /// `keep_header`, default `false`.
    package var keepsHeader: Bool
    /// How dates are read and written.
    var dateNormalizer: DateNormalizer

    /// Creates a processor.
    ///
    /// - Parameters:
    ///   - detectsTitle: Detect a title line and a byline.
    ///   - readsFrontMatter: Read YAML front matter.
    ///   - readsHeaders: Read header lines and leading dates.
    ///   - keepsHeader: Leave the header in the text.
    ///   - dateNormalizer: How dates are read.
    package init(
        detectsTitle: Bool = true,
        readsFrontMatter: Bool = true,
        readsHeaders: Bool = true,
        keepsHeader: Bool = false,
        dateNormalizer: DateNormalizer = DateNormalizer()
    ) {
        self.detectsTitle = detectsTitle
        self.readsFrontMatter = readsFrontMatter
        self.readsHeaders = readsHeaders
        self.keepsHeader = keepsHeader
        self.dateNormalizer = dateNormalizer
    }

    /// Moves the document's header into its metadata.
    ///
    /// - Parameters:
    ///   - document: The document; its text is the whole article.
    ///   - context: Unused.
    /// - Returns: The document with `metadata` filled and the header removed from `text`.
    package func process(_ document: Document, context: ProcessingContext) -> Document {
        var document = document
        let header = readHeader(document.text)
        document.warnings += header.warnings
        document.metadata = mergedMetadata(document.metadata, header: header.fields)
        if document.metadata["date"]?.isNull ?? true, document.metadata["date_raw"] == nil,
            let written = header.dayAndMonth,
            let modified = document.source?.modified, let date = datelineDate(written, modified: modified)
        {
            document.metadata["date"] = .string(date)
            document.metadata["date_raw"] = .string(written)
            document.warnings.append(
                "metadata.date: the dateline gives \(written) without a year; the year is the input file's"
            )
        }
        if !keepsHeader, header.bodyStart > document.text.startIndex {
            document.dropText(before: header.bodyStart)
        }
        let subheadings = SubheadingDetector.subheadings(in: document.text)
        if !subheadings.isEmpty {
            document.metadata["subheadings"] = .array(
                subheadings.map { ["start": .int($0.start), "end": .int($0.end), "text": .string($0.text)] }
            )
        }
        return document
    }
}
