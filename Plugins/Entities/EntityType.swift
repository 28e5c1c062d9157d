/// The types of entity the `entities` processor writes.
package enum EntityType: String, Sendable, CaseIterable, Comparable {
    /// People.
    case person = "PERSON"
    /// Organisations: companies, institutions, teams, parties.
    case organization = "ORG"
    /// Countries, cities, regions and geographic features.
    case location = "LOC"
    /// Nationalities, events, laws and treaties, works and other names.
    case miscellaneous = "MISC"
    /// Dates, with an ISO 8601 `value` when it can be resolved.
    case date = "DATE"
    /// Amounts of money, with a numeric `value` and a `currency` (ISO 4217).
    case money = "MONEY"
    /// Percentages, with a numeric `value`.
    case percent = "PERCENT"
    /// Other counted amounts (`1,50,000 troops`), with a numeric `value` and a `unit`.
    case quantity = "QUANTITY"

    /// The type of a trained-model entity.
    ///
    /// - Parameter named: The model's type.
    package init(_ named: NamedType) {
        switch named {
        case .person: self = .person
        case .organization: self = .organization
        case .location: self = .location
        case .miscellaneous: self = .miscellaneous
        }
    }

    /// Whether the trained model finds this type (the others come from rules).
    var isNamed: Bool {
        switch self {
        case .person, .organization, .location, .miscellaneous: true
        default: false
        }
    }

    /// Orders types as they are declared.
    package static func < (lhs: EntityType, rhs: EntityType) -> Bool {
        let order = allCases
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }
}
