import Testing

@testable import LectorEntities

@Suite("Half-precision weights widened to Float")
struct HalfFloatsTests {
    /// What the standard library makes of a bit pattern, the reference.
    static func reference(_ pattern: UInt16) -> Float {
        Float(Float16(bitPattern: pattern))
    }

    @Test("every one of the 65,536 bit patterns widens as the standard library widens it")
    func everyPattern() {
        var mismatches: [UInt16] = []
        for pattern in UInt16.min...UInt16.max {
            let widened = HalfFloats.widen(UInt32(pattern))
            let expected = Self.reference(pattern)
            let same = expected.isNaN ? widened.isNaN : widened.bitPattern == expected.bitPattern
            if !same { mismatches.append(pattern) }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5))")
        #expect(HalfFloats.widen(0x0001) == 0x1p-24, "the smallest subnormal")
        #expect(HalfFloats.widen(0x7c00) == .infinity)
        #expect(HalfFloats.widen(0x8000).bitPattern == (-0.0 as Float).bitPattern)
    }

    @Test("a buffer widens whole, at an odd offset and with a count that is no multiple of a vector")
    func buffer() {
        let patterns: [UInt16] = (0..<1_003).map { UInt16(truncatingIfNeeded: $0 &* 40_503 &+ 7) }
        var bytes: [UInt8] = [0xAA]
        for pattern in patterns {
            bytes += [UInt8(truncatingIfNeeded: pattern), UInt8(truncatingIfNeeded: pattern >> 8)]
        }
        let floats = [Float](unsafeUninitializedCapacity: patterns.count) { buffer, initialized in
            bytes.withUnsafeBytes { raw in
                HalfFloats.widen(UnsafeRawBufferPointer(rebasing: raw.dropFirst()), count: patterns.count, into: buffer)
            }
            initialized = patterns.count
        }
        for (pattern, float) in zip(patterns, floats) {
            let expected = Self.reference(pattern)
            #expect(expected.isNaN ? float.isNaN : float.bitPattern == expected.bitPattern, "pattern \(pattern)")
        }
    }
}
