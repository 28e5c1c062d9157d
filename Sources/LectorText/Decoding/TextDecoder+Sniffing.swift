extension TextDecoder {
    /// Signatures of common binary formats: the leading bytes and a name for the message.
    private static let signatures: [(bytes: [UInt8], name: String)] = [
        (Array("%PDF-".utf8), "a PDF document"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        (Array("GIF87a".utf8), "a GIF image"),
        (Array("GIF89a".utf8), "a GIF image"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or an Office document)"),
        ([0x50, 0x4B, 0x05, 0x06], "a ZIP archive"),
        ([0x1F, 0x8B], "a gzip archive"),
        ([0x7F, 0x45, 0x4C, 0x46], "an ELF executable"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "an xz archive"),
        ([0x28, 0xB5, 0x2F, 0xFD], "a zstd archive"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "a 7-Zip archive"),
        ([0x42, 0x5A, 0x68], "a bzip2 archive"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "a Microsoft Office document"),
        ([0xCA, 0xFE, 0xBA, 0xBE], "a Java class or Mach-O file"),
        ([0xCF, 0xFA, 0xED, 0xFE], "a Mach-O executable"),
        ([0x00, 0x61, 0x73, 0x6D], "a WebAssembly module"),
        (Array("SQLite format 3\0".utf8), "an SQLite database"),
        (Array("OggS".utf8), "an Ogg media file"),
        ([0x49, 0x44, 0x33, 0x03], "an MP3 file"),
        ([0x49, 0x44, 0x33, 0x04], "an MP3 file"),
    ]

    /// The name of the binary format the bytes start with, if they start with a known one.
    ///
    /// bzip2's `BZh` is accepted only when followed by a block-size digit and the block
    /// magic, so a text starting with "BZh" is not refused.
    ///
    /// - Parameter bytes: The input.
    /// - Returns: A phrase such as `"a PDF document"`, or `nil`.
    static func binaryFormat(of bytes: [UInt8]) -> String? {
        for signature in signatures where bytes.starts(with: signature.bytes) {
            if signature.bytes == [0x42, 0x5A, 0x68] {
                guard bytes.count >= 10, (0x31...0x39).contains(bytes[3]),
                    bytes[4...9].elementsEqual([0x31, 0x41, 0x59, 0x26, 0x53, 0x59])
                else { continue }
            }
            return signature.name
        }
        return nil
    }

    /// The fewest NUL bytes, on one side of the pairs, that make UTF-16 without a
    /// byte-order mark a guess worth taking: four characters of ASCII-range text.
    static let minimumUTF16Evidence = 4

    /// Guesses the byte order of UTF-16 without a byte-order mark from where NUL bytes fall.
    ///
    /// Looks at the first 8 KiB. ASCII-heavy UTF-16LE has a NUL in most odd positions and
    /// almost none in even ones; UTF-16BE the reverse. Requires an even length, more than
    /// half of the pairs with a NUL on one side and under a tenth on the other, and at
    /// least ``minimumUTF16Evidence`` NULs on that side: `q\0` is one NUL, not UTF-16, and
    /// is refused as binary like any other NUL-bearing input.
    ///
    /// - Parameter bytes: The input, with no byte-order mark.
    /// - Returns: `true` for big-endian, `false` for little-endian, `nil` if not UTF-16.
    static func guessUTF16ByteOrder(_ bytes: [UInt8]) -> Bool? {
        guard bytes.count >= 2 * minimumUTF16Evidence, bytes.count % 2 == 0 else { return nil }
        let pairs = min(bytes.count, 8192) / 2
        var evenNULs = 0
        var oddNULs = 0
        for pair in 0..<pairs {
            if bytes[2 * pair] == 0 { evenNULs += 1 }
            if bytes[2 * pair + 1] == 0 { oddNULs += 1 }
        }
        if oddNULs >= minimumUTF16Evidence, oddNULs * 2 > pairs, evenNULs * 10 < pairs { return false }
        if evenNULs >= minimumUTF16Evidence, evenNULs * 2 > pairs, oddNULs * 10 < pairs { return true }
        return nil
    }
}
