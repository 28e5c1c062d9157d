extension Range where Bound == Int {
    /// Whether `other` lies within this range (mention offsets: a name and its pieces).
    func encloses(_ other: Range<Int>) -> Bool {
        lowerBound <= other.lowerBound && other.upperBound <= upperBound
    }
}
