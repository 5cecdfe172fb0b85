/// How a delimited text file is written: its field delimiter and quote character.
public struct CSVDialect: Sendable, Hashable, CustomStringConvertible {
    public var delimiter: UInt8
    public var quote: UInt8

    public init(delimiter: UInt8 = UInt8(ascii: ","), quote: UInt8 = UInt8(ascii: "\"")) {
        self.delimiter = delimiter
        self.quote = quote
    }

    /// Delimiters detected automatically, in order of preference on a tie.
    public static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]

    /// Parses a delimiter given by a user: `,` `;` `|`, `tab` or `\t`, or any single ASCII
    /// punctuation character.
    public init?(delimiterName: String) {
        switch delimiterName {
        case "tab", "\\t", "\t", "TAB": self.init(delimiter: 9)
        case "comma": self.init(delimiter: UInt8(ascii: ","))
        case "semicolon": self.init(delimiter: UInt8(ascii: ";"))
        case "pipe": self.init(delimiter: UInt8(ascii: "|"))
        default:
            guard delimiterName.utf8.count == 1, let b = delimiterName.utf8.first,
                  b > 32, b < 127, b != UInt8(ascii: "\""),
                  !(b >= 48 && b <= 57), !(b >= 65 && b <= 90), !(b >= 97 && b <= 122) else { return nil }
            self.init(delimiter: b)
        }
    }

    public var description: String {
        delimiter == 9 ? "tab" : String(UnicodeScalar(delimiter))
    }

    /// Guesses the delimiter from the start of a file: for each candidate, the number of
    /// delimiters outside quotes on each of the first 50 lines; the candidate that appears on
    /// every line the same non-zero number of times wins (the most lines agreeing, then the
    /// most fields, then the order of `candidates`). A file with one column reads as comma.
    public static func detect(sample: UnsafeBufferPointer<UInt8>, complete: Bool) -> CSVDialect {
        let quote = UInt8(ascii: "\"")
        var counts: [[Int]] = Array(repeating: [], count: candidates.count)
        var current = Array(repeating: 0, count: candidates.count)
        var inQuotes = false
        var lineHasContent = false
        var i = 0
        let n = sample.count
        while i < n && counts[0].count < 50 {
            let c = sample[i]
            if c == quote {
                inQuotes.toggle()
                lineHasContent = true
            } else if !inQuotes && (c == 10 || c == 13) {
                if lineHasContent { for k in 0..<candidates.count { counts[k].append(current[k]) } }
                current = Array(repeating: 0, count: candidates.count)
                lineHasContent = false
            } else {
                if !inQuotes, let k = candidates.firstIndex(of: c) { current[k] += 1 }
                lineHasContent = true
            }
            i += 1
        }
        // A last line without its line end counts only when the sample is the whole file.
        if lineHasContent && (complete || counts[0].isEmpty) {
            for k in 0..<candidates.count { counts[k].append(current[k]) }
        }
        var best: (index: Int, agreeing: Int, fields: Int)? = nil
        for k in 0..<candidates.count {
            let lines = counts[k]
            // The most common non-zero count and how many lines have it.
            var tally: [Int: Int] = [:]
            for c in lines where c > 0 { tally[c, default: 0] += 1 }
            guard let (mode, agreeing) = tally.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { continue }
            if let b = best, (agreeing, mode) <= (b.agreeing, b.fields) { continue }
            best = (k, agreeing, mode)
        }
        return CSVDialect(delimiter: candidates[best?.index ?? 0])
    }
}

/// Caps that keep a hostile or broken file from exhausting memory. Each is settable from the
/// command line (`--max-field-bytes`, `--max-fields`, `--max-file-bytes`,
/// `--max-metadata-bytes`, `--max-errors`); the defaults are far above anything a council
/// dataset needs.
public struct ReaderLimits: Sendable, Hashable {
    /// Largest field, in bytes (default 1 MiB).
    public var maxFieldBytes: Int
    /// Most fields in one row (default 10,000).
    public var maxFieldsPerRow: Int
    /// Largest input, in bytes (default 256 MiB). Tables are held whole, at about twelve times
    /// the size of the file, so this cap is also what bounds memory.
    public var maxFileBytes: Int64
    /// The default `maxFileBytes` of streaming readers (16 GiB), whose memory does not grow
    /// with the file: the cap only stops a runaway input.
    public static let streamingMaxFileBytes: Int64 = 16 << 30
    /// Largest metadata file (`NAME.csv-metadata.json`), in bytes (default 4 MiB): it is read
    /// whole, and describes columns, so it is small.
    public var maxMetadataBytes: Int

    /// Errors collected before the work on a file stops (default 1,000): problems take memory
    /// too, and a file with this many errors needs fixing, not a longer list.
    public var maxErrors: Int

    public init(maxFieldBytes: Int = 1 << 20, maxFieldsPerRow: Int = 10_000, maxFileBytes: Int64 = 256 << 20,
                maxMetadataBytes: Int = 4 << 20, maxErrors: Int = 1_000) {
        self.maxFieldBytes = maxFieldBytes
        self.maxFieldsPerRow = maxFieldsPerRow
        self.maxFileBytes = maxFileBytes
        self.maxMetadataBytes = maxMetadataBytes
        self.maxErrors = maxErrors
    }
}
