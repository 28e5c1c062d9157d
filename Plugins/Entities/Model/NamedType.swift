/// The four entity types the trained tagger finds, in CoNLL order of the tag set.
package enum NamedType: Int, Sendable, CaseIterable {
    /// People (`PER` in CoNLL).
    case person = 0
    /// Organisations (`ORG`).
    case organization
    /// Countries, cities, regions and geographic features (`LOC`).
    case location
    /// Nationalities, events, laws, works and other names (`MISC`).
    case miscellaneous

    /// The CoNLL label: `PER`, `ORG`, `LOC`, `MISC`.
    package var conllLabel: String {
        switch self {
        case .person: "PER"
        case .organization: "ORG"
        case .location: "LOC"
        case .miscellaneous: "MISC"
        }
    }

    /// The label Lector writes: `PERSON`, `ORG`, `LOC`, `MISC`.
    var outputLabel: String {
        self == .person ? "PERSON" : conllLabel
    }

    /// The type of a CoNLL label (`PER`, `PERSON`, `ORG`, `LOC`, `MISC`), or `nil`.
    ///
    /// - Parameter label: The label without its `B-`/`I-` prefix.
    package init?(label: String) {
        switch label {
        case "PER", "PERSON": self = .person
        case "ORG": self = .organization
        case "LOC": self = .location
        case "MISC": self = .miscellaneous
        default: return nil
        }
    }

    /// The number of BIO tags: `O`, then `B-` and `I-` for each type.
    package static let tagCount = 1 + 2 * allCases.count

    /// The `B-` tag of this type.
    package var beginTag: Int { 1 + 2 * rawValue }

    /// The `I-` tag of this type.
    package var insideTag: Int { 2 + 2 * rawValue }

    /// The type of a tag, or `nil` for `O`.
    package static func of(tag: Int) -> NamedType? {
        tag == 0 ? nil : NamedType(rawValue: (tag - 1) / 2)
    }

    /// Whether a tag is an `I-` tag.
    static func isInside(_ tag: Int) -> Bool { tag > 0 && tag % 2 == 0 }
}
