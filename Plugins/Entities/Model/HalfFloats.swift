/// IEEE 754 half-precision numbers (the entity models' feature weights) widened to `Float`.
///
/// `Float(Float16(bitPattern:))` is a call into the runtime per number on x86-64 (no F16C
/// without a target flag): about 7 % of the CPU time of loading every model (`perf record`
/// of `lector process --jsonl` on empty input). Here the widening is integer and float
/// arithmetic with no branch, which the compiler vectorises: the exponent and mantissa bits
/// move to a `Float`'s place and a multiplication by 2^112 re-biases the exponent — exact
/// for every finite half, subnormals included, since a power of two only shifts the
/// exponent — then infinities and NaNs get the all-ones exponent, and every number its sign.
enum HalfFloats {
    /// Widens `count` little-endian half-precision numbers.
    ///
    /// - Parameters:
    ///   - source: At least `2 × count` bytes.
    ///   - count: How many numbers.
    ///   - destination: Room for at least `count` floats.
    static func widen(_ source: UnsafeRawBufferPointer, count: Int, into destination: UnsafeMutableBufferPointer<Float>)
    {
        precondition(source.count >= count * 2 && destination.count >= count)
        guard count > 0, let output = destination.baseAddress else { return }
        // Branch-free and free of bounds checks, so that the compiler vectorises the loop.
        for index in 0..<count {
            let pattern = source.loadUnaligned(fromByteOffset: index &* 2, as: UInt16.self)
            output[index] = widen(UInt32(UInt16(littleEndian: pattern)))
        }
    }

    /// One half-precision bit pattern (in the low 16 bits) as a float.
    ///
    /// - Parameter half: The bit pattern.
    /// - Returns: The same number.
    @inline(__always)
    static func widen(_ half: UInt32) -> Float {
        let scaled = Float(bitPattern: (half & 0x7fff) &<< 13) * 0x1p112
        let exponent: UInt32 = half & 0x7c00 == 0x7c00 ? 0x7f80_0000 : 0
        return Float(bitPattern: scaled.bitPattern | exponent | (half & 0x8000) &<< 16)
    }
}
