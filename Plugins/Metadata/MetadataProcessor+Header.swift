import LectorCore
import LectorText

extension MetadataProcessor {
    /// What the start of an article gave.
    struct Header {
        var fields = HeaderFields()
        /// Where the body starts: after the header and the blank lines following it, or the
        /// text's start when nothing was found.
        var bodyStart: String.Index
        var warnings: [String] = []
        /// A dateline's day and month written without a year (`Feb 16`, `4 dic`).
        var dayAndMonth: String?
    }

    /// Reads the header forms at the start of `text`, in order (see ``MetadataProcessor``).
    func readHeader(_ text: String) -> Header {
        var header = Header(bodyStart: text.startIndex)
        var position = text.startIndex
        var consumed = false
        if readsFrontMatter {
            let lead = TextLines.skipToText(in: text, from: position)
            switch FrontMatterParser.parse(text, from: lead) {
            case .absent: break
            case .parsed(let entries, let bodyStart):
                for (key, value) in entries { header.fields.add(rawKey: key, value: value) }
                position = bodyStart
                consumed = true
            case .unreadable(let reason):
                header.warnings.append("front matter could not be read: \(reason)")
                return header
            }
        }
        position = TextLines.skipToText(in: text, from: position)
        if readsHeaders, header.fields.isEmpty,
            let block = HeaderBlockParser.parse(text, from: position, normalizer: dateNormalizer)
        {
            header.fields = block.fields
            consumed = true
            position = TextLines.skipBlankLines(in: text, from: block.end)
        }
        if readLeadingDate(text, at: &position, into: &header.fields) {
            consumed = true
        }
        if detectsTitle, !header.fields.contains("title"), let found = TitleDetector.detect(text, from: position) {
            if let title = found.title { header.fields.set("title", .string(title)) }
            if let author = found.author, !header.fields.contains("author") {
                header.fields.set("author", .string(author))
            }
            consumed = true
            position = TextLines.skipBlankLines(in: text, from: found.bodyStart)
            _ = readLeadingDate(text, at: &position, into: &header.fields)
        }
        if !header.fields.contains("dateline"), position < text.endIndex,
            let dateline = DatelineDetector.detect(in: text[position...], normalizer: dateNormalizer)
        {
            if let place = dateline.place { header.fields.set("dateline", .string(place)) }
            if let agency = dateline.agency, !header.fields.contains("agency") {
                header.fields.set("agency", .string(agency))
            }
            // A dateline's date stands in for a header date the article lacks.
            if let date = dateline.date, readsHeaders, !header.fields.contains("date") {
                header.fields.set("date", .string(date))
            }
            if readsHeaders { header.dayAndMonth = dateline.dayAndMonth }
        }
        if consumed { header.bodyStart = position }
        return header
    }

    /// Reads a leading date at `position` when headers are read and no date is known yet,
    /// moving `position` past it.
    private func readLeadingDate(
        _ text: String,
        at position: inout String.Index,
        into fields: inout HeaderFields
    )
        -> Bool
    {
        guard readsHeaders, !fields.contains("date"), position < text.endIndex,
            let found = LeadingDateParser.parse(text, from: position, normalizer: dateNormalizer)
        else { return false }
        fields.set("date", .string(String(found.raw)))
        position = TextLines.skipBlankLines(in: text, from: found.bodyStart)
        return true
    }

    /// The date of a dateline that gives only a day and month (`LONDON, Feb 16 (Reuters)`), in
    /// the year of the input file's modification time: the latest such day no more than
    /// ``yearSlackDays`` after the file was written (wire copy is filed on its day; a few
    /// days allow for time zones and a file copied late).
    ///
    /// - Parameters:
    ///   - written: The day and month as written.
    ///   - modified: The file's modification time, seconds since the epoch.
    /// - Returns: The ISO date, or `nil` when `written` is not a day and month.
    func datelineDate(_ written: String, modified: Int64) -> String? {
        guard let found = dateNormalizer.monthAndDay(atStartOf: written[...]) else { return nil }
        let received = CivilDate.day(ofSecondsSinceEpoch: modified).day
        for year in [received.year + 1, received.year, received.year - 1] {
            guard found.day <= CivilDate.daysIn(month: found.month, year: year) else { continue }
            let candidate = CivilDate(year: year, month: found.month, day: found.day)
            if candidate.dayNumber <= received.dayNumber + Self.yearSlackDays { return candidate.iso }
        }
        return nil
    }

    /// How many days after the file's time a dateline's day may fall.
    static let yearSlackDays = 7

    /// The document's metadata with the header's fields laid over it, `date` and `title`
    /// first and always present.
    func mergedMetadata(_ existing: JSONObject, header: HeaderFields) -> JSONObject {
        var metadata = JSONObject([("date", .null), ("title", .null)])
        for (key, value) in existing { metadata[key] = value }
        if !header.contains("date"), let date = existing["date"], !date.isNull {
            let (normalized, raw) = HeaderFields.normalizedDate(date, with: dateNormalizer)
            if !normalized.isNull {
                metadata["date"] = normalized
                if let raw, metadata["date_raw"] == nil { metadata["date_raw"] = .string(raw) }
            }
        }
        let fields = header.resolved(with: dateNormalizer)
        if fields.contains(where: { $0.key == "date" }) { metadata["date_raw"] = nil }
        for (key, value) in fields { metadata[key] = value }
        return metadata
    }
}
