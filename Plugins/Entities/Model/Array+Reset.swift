extension Array {
    /// Empties the array and fills it with `count` copies of `value`, keeping its storage.
    @inline(__always)
    mutating func reset(to value: Element, count: Int) {
        removeAll(keepingCapacity: true)
        append(contentsOf: repeatElement(value, count: count))
    }
}
