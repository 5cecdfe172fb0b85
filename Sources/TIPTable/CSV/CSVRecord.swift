/// One record as libcsv delivered it. The bytes of all its fields live in one buffer that the
/// reader reuses from record to record, so reading allocates nothing per field; copy what you
/// keep (`string(at:)`) before the next record arrives.
public final class CSVRecord {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var used = 0
    private var ends: [Int] = []
    private var lines: [Int] = []

    /// Physical line (1-based) on which the record starts.
    public internal(set) var line = 0

    init() {
        capacity = 4096
        storage = .allocate(capacity: capacity)
        ends.reserveCapacity(64)
        lines.reserveCapacity(64)
    }

    deinit { storage.deallocate() }

    /// Number of fields.
    public var count: Int { ends.count }

    @inline(__always) func append(_ p: UnsafeRawPointer?, _ len: Int, line fieldLine: Int) {
        if used + len > capacity {
            var newCapacity = capacity * 2
            while newCapacity < used + len { newCapacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            grown.update(from: storage, count: used)
            storage.deallocate()
            storage = grown
            capacity = newCapacity
        }
        if len > 0, let p { (storage + used).update(from: p.assumingMemoryBound(to: UInt8.self), count: len) }
        used += len
        ends.append(used)
        lines.append(fieldLine)
    }

    @inline(__always) func reset() {
        used = 0
        ends.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
    }

    /// The bytes of field `i` (0-based), valid until the next record.
    @inline(__always) public func bytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let start = i == 0 ? 0 : ends[i - 1]
        return UnsafeBufferPointer(start: storage + start, count: ends[i] - start)
    }

    /// Physical line on which field `i` starts.
    public func line(ofField i: Int) -> Int { lines[i] }

    /// Field `i` as text, or nil when its bytes are not valid UTF-8 or hold a NUL byte.
    public func string(at i: Int) -> String? {
        let b = bytes(i)
        return FieldText.validate(b) == nil ? String(decoding: b, as: UTF8.self) : nil
    }

    /// Field `i` as text, invalid bytes replaced by U+FFFD.
    public func lossyString(at i: Int) -> String { String(decoding: bytes(i), as: UTF8.self) }

}

/// Checks on the bytes of a field before they become text.
public enum FieldText {
    /// Why a field's bytes are not acceptable text, or nil when they are valid UTF-8 with no
    /// NUL byte and no byte order mark. The check is a pure-ASCII fast path, then the standard
    /// library's validator.
    public static func validate(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        var ascii = true
        for c in b {
            if c == 0 { return "contains a NUL byte (is this a binary or UTF-16 file?)" }
            if c >= 0x80 { ascii = false }
        }
        if ascii { return nil }
        var it = b.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&it) {
            case .scalarValue(let s):
                // U+FEFF inside the data is the mark of a second file pasted on the first
                // (`cat a.csv b.csv`); invisible, it would turn "3" into text.
                if s == "\u{FEFF}" {
                    return "contains a byte order mark (U+FEFF), the sign of two files joined into one; remove it"
                }
                offset += UTF8.width(s)
            case .emptyInput: return nil
            case .error: return "is not valid UTF-8 (bad byte after \(offset) valid bytes); save the file as UTF-8, or read it with --encoding windows-1252 if it is Windows (ANSI) text"
            }
        }
    }
}
