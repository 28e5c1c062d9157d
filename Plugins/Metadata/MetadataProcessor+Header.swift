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
