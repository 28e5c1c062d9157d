import LectorSystem

/// A first-in, first-out queue of file names without duplicates.
struct NameQueue: Sendable {
    private var items: [FileName] = []
    private var head = 0
    private var members: Set<FileName> = []

    var count: Int { items.count - head }
    var isEmpty: Bool { count == 0 }

    func contains(_ name: FileName) -> Bool { members.contains(name) }

    /// Appends a name unless it is already queued; returns whether it was added.
    @discardableResult
    mutating func append(_ name: FileName) -> Bool {
        guard members.insert(name).inserted else { return false }
        items.append(name)
        return true
    }

    mutating func popFirst() -> FileName? {
        guard head < items.count else { return nil }
        let name = items[head]
        head += 1
        members.remove(name)
        if head > 1024, head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        return name
    }

    mutating func removeAll() -> [FileName] {
        let remaining = Array(items[head...])
        items = []
        head = 0
        members = []
        return remaining
    }
}
