/// A JSON object that keeps its keys in insertion order.
///
/// Objects in Lector documents are small (tens of keys), so lookups scan an array; that is
/// faster than hashing at this size and keeps the order the output shows.
public struct JSONObject: Sendable, Equatable, Sequence {
    /// The members, in insertion order.
    public private(set) var entries: [(key: String, value: JSONValue)]

    /// Creates an empty object.
    public init() {
        entries = []
    }

    /// Creates an object from members in order; a later duplicate key replaces an earlier one.
    ///
    /// - Parameter entries: The members.
    public init(_ entries: [(String, JSONValue)]) {
        self.entries = []
        self.entries.reserveCapacity(entries.count)
        for (key, value) in entries { self[key] = value }
    }

    /// Makes room for `capacity` members, so that setting that many new keys does not
    /// reallocate.
    ///
    /// - Parameter capacity: The number of members the object will hold.
    public mutating func reserveCapacity(_ capacity: Int) {
        entries.reserveCapacity(capacity)
    }

    /// The keys, in order.
    public var keys: [String] { entries.map(\.key) }

    /// The number of members.
    public var count: Int { entries.count }

    /// Whether the object has no members.
    public var isEmpty: Bool { entries.isEmpty }

    /// The value for `key`; setting `nil` removes the member, setting a new key appends it.
    public subscript(key: String) -> JSONValue? {
        get {
            for entry in entries where entry.key == key { return entry.value }
            return nil
        }
        set {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue {
                    entries[index].value = newValue
                } else {
                    entries.remove(at: index)
                }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    /// Iterates over the members in order.
    public func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> {
        entries.makeIterator()
    }

    /// Two objects are equal when they have the same members, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (key, value) in lhs.entries where rhs[key] != value { return false }
        return true
    }
}
