import CLectorSHA256

/// SHA-256 (FIPS 180-4, section 6.2), written from the standard; the block function is in C
/// (`CLectorSHA256`), so that hashing model files is fast in debug builds too.
///
/// Used for the `source.sha256` field of a document. Not constant-time, and not meant for
/// secrets: it identifies content.
public enum SHA256 {
    /// The first 32 bits of the fractional parts of the square roots of the first 8 primes
    /// (FIPS 180-4, 5.3.3).
    private static let initialState: [UInt32] = [
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
    ]

    /// The SHA-256 digest of the bytes.
    ///
    /// - Parameter bytes: The message.
    /// - Returns: The 32-byte digest.
    public static func digest(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let result = bytes.withContiguousStorageIfAvailable { digest(buffer: $0) }
        return result ?? Array(bytes).withUnsafeBufferPointer { digest(buffer: $0) }
    }

    /// The SHA-256 digest of the bytes, as 64 lowercase hexadecimal digits.
    ///
    /// This hashes its argument: `SHA256.hex(Array("abc".utf8))` is `"ba7816bf…"`. To spell
    /// out bytes you already have (such as a digest) in hex, use ``hexString(_:)``.
    ///
    /// - Parameter bytes: The message.
    /// - Returns: The digest in lowercase hex.
    public static func hex(_ bytes: some Collection<UInt8>) -> String {
        hexString(digest(bytes))
    }

    /// Spells out bytes as lowercase hexadecimal digits, two per byte, without hashing.
    ///
    /// - Parameter bytes: Any bytes, for example a digest from ``digest(_:)``.
    /// - Returns: The bytes in lowercase hex.
    public static func hexString(_ bytes: some Collection<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: bytes.count * 2) { buffer in
            var out = 0
            for byte in bytes {
                buffer[out] = digits[Int(byte >> 4)]
                buffer[out + 1] = digits[Int(byte & 0x0F)]
                out += 2
            }
            return out
        }
    }

    private static func digest(buffer message: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var state = initialState
        // Padding (5.1.1): the rest of the message, 0x80, zeros, and the bit length in 64 bits.
        let fullBlocks = message.count / 64
        var tail = Array(message[(fullBlocks * 64)...])
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        let bitLength = UInt64(message.count) &* 8
        for shift in stride(from: 56, through: 0, by: -8) {
            tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }

        state.withUnsafeMutableBufferPointer { state in
            guard let words = state.baseAddress else { return }
            if let base = message.baseAddress, fullBlocks > 0 { lector_sha256_blocks(words, base, fullBlocks) }
            tail.withUnsafeBufferPointer { padded in
                if let base = padded.baseAddress { lector_sha256_blocks(words, base, padded.count / 64) }
            }
        }

        var digest: [UInt8] = []
        digest.reserveCapacity(32)
        for word in state {
            digest.append(UInt8(truncatingIfNeeded: word >> 24))
            digest.append(UInt8(truncatingIfNeeded: word >> 16))
            digest.append(UInt8(truncatingIfNeeded: word >> 8))
            digest.append(UInt8(truncatingIfNeeded: word))
        }
        return digest
    }
}
