/// Turns the bytes of a file into text, or says why they are not text.
///
/// The decision, in order:
/// 1. Size: more than `maximumBytes` is ``TextDecodingError/Code/tooLarge``, decided before
///    any byte is read. No bytes is ``TextDecodingError/Code/empty``.
/// 2. A byte-order mark: UTF-8 (`EF BB BF`), UTF-16LE (`FF FE`) or UTF-16BE (`FE FF`) is
///    used and removed; a UTF-32 mark is refused as not text. Only a mark is
///    ``TextDecodingError/Code/empty``.
/// 3. With no mark, a known binary signature (PDF, PNG, JPEG, GIF, ZIP, gzip, ELF, …) is
///    ``TextDecodingError/Code/notText``.
/// 4. With no mark, UTF-16 is detected when NUL bytes sit clearly on one side of each pair,
///    as in ASCII-heavy UTF-16 text (most odd bytes NUL: little-endian; most even bytes
///    NUL: big-endian). A warning says it was guessed.
/// 5. Otherwise the bytes are UTF-8 if they are valid UTF-8, and Windows-1252 (with a
///    warning) if not.
///
/// Whatever the encoding, a NUL character or control characters other than tab, line feed,
/// form feed and carriage return in more than 2% of the input (and at least two of them)
/// mean ``TextDecodingError/Code/notText``, and text that is only whitespace is
/// ``TextDecodingError/Code/empty``, as for no bytes at all. Line endings become `"\n"`.
/// ``check(_:)`` applies the same rules to text that arrives already decoded.
///
/// Windows-1252 is decoded as the WHATWG Encoding Standard does: `0x80`–`0x9F` map to the
/// characters Windows shows (`0x80` is `€`, `0x93` is `“`, …) and the five bytes Windows
/// leaves undefined (`0x81`, `0x8D`, `0x8F`, `0x90`, `0x9D`) map to the C1 control with the
/// same number (U+0081, …), so no byte is lost.
public enum TextDecoder {
    /// The default size limit: 10 MiB (10,485,760 bytes).
    public static let defaultMaximumBytes = 10 * 1024 * 1024

    /// Decodes the bytes of a file.
    ///
    /// The common case, UTF-8 without carriage returns, costs one validating pass over the
    /// bytes and one string creation.
    ///
    /// - Parameters:
    ///   - bytes: The file's contents.
    ///   - maximumBytes: The largest input accepted, in bytes (`max_bytes` in the
    ///     configuration).
    /// - Returns: The text, the encoding used and any warnings.
    /// - Throws: ``TextDecodingError`` when the input is too large, empty (or only
    ///   whitespace) or not text.
    public static func decode(
        _ bytes: [UInt8],
        maximumBytes: Int = defaultMaximumBytes
    ) throws(TextDecodingError) -> DecodedText {
        let decoded = try decodeBytes(bytes, maximumBytes: maximumBytes)
        try checkNotBlank(decoded.text)
        return decoded
    }

    /// Decodes without the check for blank text.
    private static func decodeBytes(_ bytes: [UInt8], maximumBytes: Int) throws(TextDecodingError) -> DecodedText {
        guard bytes.count <= maximumBytes else {
            throw TextDecodingError(
                .tooLarge,
                "file is \(bytes.count) bytes, over the limit of \(maximumBytes) (max_bytes)"
            )
        }
        guard !bytes.isEmpty else { throw TextDecodingError(.empty, "empty file") }

        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try decodeUTF8(bytes, from: 3)
        }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            throw TextDecodingError(.notText, "not a text file (UTF-32 is not supported)")
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return try decodeUTF16(bytes, from: 2, bigEndian: false, warnings: [])
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return try decodeUTF16(bytes, from: 2, bigEndian: true, warnings: [])
        }
        if let format = binaryFormat(of: bytes) {
            throw TextDecodingError(.notText, "not a text file (looks like \(format))")
        }
        if let bigEndian = guessUTF16ByteOrder(bytes) {
            let name = bigEndian ? "UTF-16BE" : "UTF-16LE"
            let warning = "no byte-order mark; decoded as \(name) from the pattern of NUL bytes"
            return try decodeUTF16(bytes, from: 0, bigEndian: bigEndian, warnings: [warning])
        }
        return try decodeUTF8(bytes, from: 0)
    }

    /// Decodes `bytes[start...]` as UTF-8, falling back to Windows-1252.
    private static func decodeUTF8(_ bytes: [UInt8], from start: Int) throws(TextDecodingError) -> DecodedText {
        guard start < bytes.count else {
            throw TextDecodingError(.empty, "empty file (only a byte-order mark)")
        }
        let scan = bytes.withUnsafeBufferPointer { ByteScan(UnsafeBufferPointer(rebasing: $0[start...])) }
        if let offset = scan.firstNUL {
            throw TextDecodingError(.notText, "not a text file (NUL byte at offset \(start + offset))")
        }
        try checkControls(scan.controlCount, of: bytes.count - start, unit: "bytes")

        let body: ArraySlice<UInt8> =
            scan.hasCarriageReturn ? ArraySlice(normalizeLineEndings(bytes[start...])) : bytes[start...]
        if scan.isValidUTF8 {
            return DecodedText(text: String(decoding: body, as: UTF8.self), encoding: "utf-8")
        }
        return DecodedText(
            text: windows1252String(body),
            encoding: "windows-1252",
            warnings: ["input is not valid UTF-8; decoded as Windows-1252"]
        )
    }

    /// Throws ``TextDecodingError/Code/notText`` when control characters are too many.
    ///
    /// - Parameters:
    ///   - controls: How many control characters (other than tab, LF, FF, CR) were seen.
    ///   - total: How many code units the input has.
    ///   - unit: The code unit's name, for the message.
    /// - Throws: ``TextDecodingError/Code/notText`` when there are at least two and they
    ///   are more than 2% of the input.
    static func checkControls(_ controls: Int, of total: Int, unit: String) throws(TextDecodingError) {
        guard controls >= 2, controls * 50 > total else { return }
        throw TextDecodingError(
            .notText,
            "not a text file (\(controls) control characters in \(total) \(unit))"
        )
    }

    /// Replaces CRLF and lone CR with LF.
    ///
    /// Works for UTF-8, Windows-1252 and UTF-16 code units alike, since 0x0D and 0x0A never
    /// occur inside a multi-unit sequence.
    ///
    /// - Parameter units: Code units.
    /// - Returns: The code units with every line ending a single LF.
    static func normalizeLineEndings<Unit: FixedWidthInteger>(_ units: ArraySlice<Unit>) -> [Unit] {
        units.withUnsafeBufferPointer { source in
            [Unit](unsafeUninitializedCapacity: source.count) { target, initializedCount in
                var out = 0
                var index = 0
                while index < source.count {
                    let unit = source[index]
                    index += 1
                    if unit == 0x0D {
                        target.initializeElement(at: out, to: 0x0A)
                        if index < source.count, source[index] == 0x0A { index += 1 }
                    } else {
                        target.initializeElement(at: out, to: unit)
                    }
                    out += 1
                }
                initializedCount = out
            }
        }
    }
}
