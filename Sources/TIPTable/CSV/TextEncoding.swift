/// The text encoding of a CSV file. TIPStat works in UTF-8; a file saved by an older Windows
/// program or an agency's export in "ANSI" (Windows-1252, which the WHATWG Encoding Standard
/// also uses for the labels latin1 and ISO-8859-1) is transcoded to UTF-8 as it is read.
/// Lines, fields and columns are unchanged: every byte of Windows-1252 is one character, and
/// its ASCII bytes (delimiters, quotes, line ends) are ASCII in UTF-8.
///
/// ```swift
/// TextEncoding(label: "latin1")                        // .windows1252
/// TextEncoding.windows1252.utf8([0x43, 0x61, 0x66, 0xE9, 0x20, 0x80])   // "Café €" in UTF-8
/// ```
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"

    /// The encoding a label names (case and surrounding spaces ignored): the WHATWG labels of
    /// UTF-8 and of Windows-1252 (`cp1252`, `latin1`, `iso-8859-1`, `ascii`, …); nil for others.
    public init?(label: String) {
        let l = label.trimmingSpaces.lowercased()
        if ["utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8"].contains(l) {
            self = .utf8
        } else if ["windows-1252", "cp1252", "x-cp1252", "latin1", "l1", "iso-8859-1", "iso8859-1", "iso88591", "iso_8859-1",
                   "iso_8859-1:1987", "iso-ir-100", "csisolatin1", "ibm819", "cp819", "ascii", "us-ascii", "ansi_x3.4-1968"].contains(l) {
            self = .windows1252
        } else {
            return nil
        }
    }

    /// The labels accepted, for messages and help.
    public static let labels = "utf-8, windows-1252 (also cp1252, latin1, iso-8859-1)"

    /// Code points of the bytes 0x80–0x9F in Windows-1252 (the WHATWG index: the five bytes the
    /// code page leaves unassigned map to the C1 controls of the same value).
    static let high: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The bytes as UTF-8 (for `.utf8`, unchanged).
    public func utf8<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        append(bytes, to: &out)
        return out
    }

    /// Appends the bytes, as UTF-8, to `out`.
    func append<C: Collection>(_ bytes: C, to out: inout [UInt8]) where C.Element == UInt8 {
        guard self == .windows1252 else { out.append(contentsOf: bytes); return }
        for b in bytes {
            if b < 0x80 { out.append(b); continue }
            let scalar = b < 0xA0 ? TextEncoding.high[Int(b - 0x80)] : UInt32(b)
            if scalar < 0x800 {
                out.append(UInt8(0xC0 | (scalar >> 6)))
                out.append(UInt8(0x80 | (scalar & 0x3F)))
            } else {
                out.append(UInt8(0xE0 | (scalar >> 12)))
                out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (scalar & 0x3F)))
            }
        }
    }
}

extension CSVInput {
    /// The input as UTF-8: itself when `encoding` is UTF-8, otherwise its bytes transcoded, in
    /// memory. A file larger than `maxFileBytes` is refused as the reader refuses it, and a
    /// file that starts with a UTF-8 byte order mark or is UTF-16 or UTF-32 is not taken for
    /// Windows-1252.
    public func decoded(from encoding: TextEncoding, maxFileBytes: Int64) throws(CSVReadError) -> CSVInput {
        guard encoding != .utf8 else { return self }
        var out: [UInt8] = []
        do {
            try TextEncoding.transcode(self, from: encoding, maxFileBytes: maxFileBytes) { out.append(contentsOf: $0) }
        } catch let e as CSVReadError {
            throw e
        } catch {
            throw CSVReadError(problem: Problem(file: name, message: "\(error)"))
        }
        return .bytes(out, name: name)
    }
}

extension TextEncoding {
    /// Reads `input` in blocks and hands each block, transcoded to UTF-8, to `body`.
    static func transcode(_ input: CSVInput, from encoding: TextEncoding, maxFileBytes: Int64,
                          _ body: ([UInt8]) throws -> Void) throws {
        let source = try ByteSource(input, name: input.name)
        defer { source.close() }
        let tooLarge = CSVReadError.fileTooLarge(input.name, limit: maxFileBytes)
        if let size = source.knownSize, size > maxFileBytes { throw tooLarge }
        let capacity = 1 << 16
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var total: Int64 = 0
        var block: [UInt8] = []
        while true {
            let n = try source.read(into: buffer, count: capacity)
            if n == 0 { break }
            let bytes = UnsafeBufferPointer(start: buffer, count: n)
            if total == 0 {
                if let other = ByteOrder.unsupportedEncoding(bytes) {
                    throw CSVReadError(problem: Problem(file: input.name, message: "the file is \(other), not \(encoding.rawValue)"))
                }
                if ByteOrder.hasUTF8Mark(bytes) {
                    throw CSVReadError(problem: Problem(file: input.name, message:
                        "the file starts with a UTF-8 byte order mark: it is UTF-8, not \(encoding.rawValue); read it without --encoding"))
                }
            }
            total += Int64(n)
            if total > maxFileBytes { throw tooLarge }
            block.removeAll(keepingCapacity: true)
            encoding.append(bytes, to: &block)
            try body(block)
        }
    }
}
