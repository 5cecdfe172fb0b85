import CLibCSV
import TIPPlatform

/// A failure that stops reading: a syntax error libcsv reports in strict mode, a limit, an
/// unreadable file. It carries the problem, located at the line and field where it happened.
public struct CSVReadError: Error, Sendable, CustomStringConvertible {
    public let problem: Problem
    public var description: String { problem.description }

    /// A file past the `--max-file-bytes` limit, counted in the file's own bytes.
    static func fileTooLarge(_ name: String, limit: Int64) -> CSVReadError {
        CSVReadError(problem: Problem(file: name, message: "the file is larger than the limit of \(limit) bytes (raise it with --max-file-bytes)"))
    }
}

/// Where a reader takes its bytes from.
public enum CSVInput: Sendable {
    /// A file path; `-` reads standard input.
    case path(String)
    /// A file path, named differently in problem messages (the path as the user wrote it).
    case file(String, name: String)
    /// Bytes in memory, with the name used in problem messages.
    case bytes([UInt8], name: String)

    public var name: String {
        switch self {
        case .path(let p): return p == "-" ? "<stdin>" : p
        case .file(_, let name), .bytes(_, let name): return name
        }
    }

    /// Whether the input is standard input, which can be read only once.
    public var isStandardInput: Bool {
        if case .bytes = self { return false }
        return filePath == nil
    }

    /// The file system path of a file input (not standard input, not memory).
    public var filePath: String? {
        switch self {
        case .path(let p): return p == "-" ? nil : p
        case .file(let p, _): return p == "-" ? nil : p
        case .bytes: return nil
        }
    }
}

/// A streaming CSV reader: bytes go through libcsv's `csv_parse` in fixed-size chunks and each
/// record reaches the caller as it completes, so memory does not grow with the file.
///
/// libcsv runs in strict mode (a stray quote or text after a closing quote is an error, and a
/// quoted field left open at the end of the file is an error) and reports every unquoted line
/// end (`CSV_REPALL_NL`), which is how the reader counts physical lines for CR, LF and CRLF
/// files alike. Blank lines are skipped. A UTF-8 byte order mark is dropped; UTF-16 and UTF-32
/// files are refused with a file-level problem.
///
/// ```swift
/// let reader = CSVReader()
/// let dialect = try reader.read(.path("Datasets/hotline.csv")) { record in
///     print(record.line, record.string(at: 0) ?? "?")
/// }
/// ```
public struct CSVReader: Sendable {
    /// The dialect; nil detects the delimiter from the first chunk.
    public var dialect: CSVDialect?
    public var limits: ReaderLimits
    /// Bytes handed to `csv_parse` at a time.
    public var chunkSize: Int

    public init(dialect: CSVDialect? = nil, limits: ReaderLimits = ReaderLimits(), chunkSize: Int = 1 << 16) {
        self.dialect = dialect
        self.limits = limits
        self.chunkSize = max(chunkSize, 16)
    }

    /// Thrown by a `read` body to stop reading early; `read` then returns normally.
    public struct Stop: Error, Sendable {
        public init() {}
    }

    /// Reads every record, calling `body` for each, until the end or until `body` throws
    /// `CSVReader.Stop`. Returns the dialect used.
    /// Throws `CSVReadError` for a syntax error, a limit or an I/O failure, or what `body` throws.
    @discardableResult
    public func read(_ input: CSVInput, _ body: (CSVRecord) throws -> Void) throws -> CSVDialect {
        let source = try ByteSource(input, name: input.name)
        defer { source.close() }
        return try withoutActuallyEscaping(body) { body in
            try parse(source, name: input.name, body: body)
        }
    }

    /// Bytes read before the first record: the byte order mark, the encoding and the delimiter
    /// are judged on this sample whatever the chunk size, so that a file reads the same at every
    /// chunk size.
    static let sampleBytes = 1 << 16

    private func parse(_ source: ByteSource, name: String, body: @escaping (CSVRecord) throws -> Void) throws -> CSVDialect {
        // Reads fill a block of at least the sample size; csv_parse takes it `chunkSize` at a time.
        let capacity = Swift.max(chunkSize, CSVReader.sampleBytes)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        let tooLarge = CSVReadError.fileTooLarge(name, limit: limits.maxFileBytes)
        // A file whose size is known is refused before any of it is read.
        if let size = source.knownSize, size > limits.maxFileBytes { throw tooLarge }

        var total: Int64 = 0
        func fill() throws -> Int {
            // Fill the whole block, so that a pipe delivering small pieces reads like a file.
            var filled = 0
            while filled < capacity {
                let n = try source.read(into: buffer + filled, count: capacity - filled)
                if n == 0 { break }
                filled += n
            }
            total += Int64(filled)
            if total > limits.maxFileBytes { throw tooLarge }
            return filled
        }

        var filled = try fill()
        var start = 0
        let first = UnsafeBufferPointer(start: buffer, count: filled)
        if let encoding = ByteOrder.unsupportedEncoding(first) {
            throw CSVReadError(problem: Problem(file: name, message:
                "the file is \(encoding), not UTF-8; save it as \"CSV UTF-8\" and try again"))
        }
        if ByteOrder.hasUTF8Mark(first) { start = 3 }

        let dialect = self.dialect ?? CSVDialect.detect(
            sample: UnsafeBufferPointer(rebasing: first[start...]), complete: filled < capacity)

        var parser = csv_parser()
        guard LibCSVParser.initialise(&parser, dialect: dialect) else {
            throw CSVReadError(problem: Problem(file: name, message: "out of memory starting the CSV parser"))
        }
        defer { csv_free(&parser) }

        let state = ParseState(name: name, limits: limits, body: body)
        let context = Unmanaged.passUnretained(state).toOpaque()
        while filled > 0 {
            var offset = start
            while offset < filled {
                let length = Swift.min(chunkSize, filled - offset)
                let consumed = csv_parse(&parser, buffer + offset, length, onField, onRecord, context)
                if let failure = state.failure {
                    if failure is Stop { return dialect }
                    throw failure
                }
                // The field being collected, checked before a syntax error after it so that the
                // same file gives the same first problem at every chunk size.
                if LibCSVParser.fieldLengthSoFar(parser) > limits.maxFieldBytes {
                    throw CSVReadError(problem: state.fieldTooLarge())
                }
                if consumed < length {
                    throw CSVReadError(problem: state.syntaxProblem(parser: parser, offending: buffer[offset + consumed], quote: dialect.quote))
                }
                offset += length
            }
            filled = try fill()
            start = 0
        }
        if csv_fini(&parser, onField, onRecord, context) != 0 {
            throw CSVReadError(problem: state.unterminatedQuote())
        }
        if let failure = state.failure, !(failure is Stop) { throw failure }
        return dialect
    }
}



/// libcsv field callback: a plain global function, so it converts to a C function pointer;
/// the reader's state comes through the `void *` context.
private func onField(_ data: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    Unmanaged<ParseState>.fromOpaque(context!)._withUnsafeGuaranteedRef { $0.field(data, length) }
}

/// libcsv record callback: `c` is the character that ended the record (CR, LF) or -1 at the end.
private func onRecord(_ c: Int32, _ context: UnsafeMutableRawPointer?) {
    Unmanaged<ParseState>.fromOpaque(context!)._withUnsafeGuaranteedRef { $0.endRecord(c) }
}

/// What the callbacks share: the record being built, the physical line count, the first failure.
private final class ParseState {
    let name: String
    let limits: ReaderLimits
    let body: (CSVRecord) throws -> Void
    let record = CSVRecord()
    /// Physical line at the parser's position as far as callbacks have told.
    var line = 1
    /// The last line end was a CR: an LF right after it (with no field between) is CRLF.
    var lastWasCR = false
    var failure: Error?

    init(name: String, limits: ReaderLimits, body: @escaping (CSVRecord) throws -> Void) {
        self.name = name
        self.limits = limits
        self.body = body
    }

    @inline(__always) func field(_ data: UnsafeMutableRawPointer?, _ length: Int) {
        guard failure == nil else { return }
        if record.count == 0 { record.line = line }
        if record.count >= limits.maxFieldsPerRow {
            failure = CSVReadError(problem: Problem(file: name, line: record.line, column: record.count + 1, message:
                "the row has more than \(limits.maxFieldsPerRow) fields (raise the limit with --max-fields)"))
            return
        }
        if length > limits.maxFieldBytes {
            failure = CSVReadError(problem: fieldTooLarge())
            return
        }
        let fieldLine = line
        if length > 0, let data { line += lineBreaks(UnsafeRawPointer(data), length) }
        record.append(data, length, line: fieldLine)
    }

    @inline(__always) func endRecord(_ c: Int32) {
        guard failure == nil else { return }
        // A line of spaces reaches here with no field and is skipped; a line holding only `""`
        // is one empty field, a value like any other.
        let hadFields = record.count > 0
        if hadFields {
            do { try body(record) } catch { failure = error }
            record.reset()
        }
        switch c {
        case 13:
            line += 1
            lastWasCR = true
        case 10:
            if hadFields || !lastWasCR { line += 1 }
            lastWasCR = false
        default:
            break
        }
    }

    func fieldTooLarge() -> Problem {
        Problem(file: name, line: record.count == 0 ? line : record.line, column: record.count + 1, message:
            "a field is larger than the limit of \(limits.maxFieldBytes) bytes (raise it with --max-field-bytes)")
    }

    /// The position of a strict-mode parse error: the lines counted so far plus the line
    /// breaks inside the field libcsv was still collecting.
    func syntaxProblem(parser: csv_parser, offending: UInt8, quote: UInt8) -> Problem {
        let partial = parser.entry_pos > 0 ? lineBreaks(UnsafeRawPointer(parser.entry_buf), parser.entry_pos) : 0
        let message: String
        if parser.status == CSV_ENOMEM || parser.status == CSV_ETOOBIG {
            // libcsv could not grow its field buffer: memory ran out before the field limit.
            message = "out of memory holding a field of \(parser.entry_pos) bytes; lower --max-field-bytes"
        } else if parser.quoted != 0 {
            message = "unexpected \(describe(offending)) after the closing quote of a quoted field; a quote inside a quoted field must be doubled (\"\")"
        } else if offending == quote {
            message = "a quote character inside an unquoted field; quote the whole field and double the quotes inside it (\"\")"
        } else {
            message = "malformed CSV at \(describe(offending))"
        }
        return Problem(file: name, line: line + partial, column: record.count + 1, message: message)
    }

    func unterminatedQuote() -> Problem {
        Problem(file: name, line: line, column: record.count + 1, message:
            "a quoted field is never closed: its opening quote is on this line and the file ends before the closing quote")
    }

    private func describe(_ c: UInt8) -> String {
        c >= 32 && c < 127 ? "character '\(Character(UnicodeScalar(c)))'" : "byte 0x" + String(c, radix: 16, uppercase: true)
    }
}

/// Line breaks inside a field's bytes: CRLF, lone CR and lone LF each count one.
@inline(__always) private func lineBreaks(_ p: UnsafeRawPointer, _ n: Int) -> Int {
    if memchr(p, 10, n) == nil && memchr(p, 13, n) == nil { return 0 }
    let b = p.assumingMemoryBound(to: UInt8.self)
    var count = 0
    var i = 0
    while i < n {
        if b[i] == 13 {
            count += 1
            if i + 1 < n && b[i + 1] == 10 { i += 1 }
        } else if b[i] == 10 {
            count += 1
        }
        i += 1
    }
    return count
}

/// Encodings recognised by their byte order mark or NUL pattern, which the reader refuses.
enum ByteOrder {
    /// Whether the bytes start with the UTF-8 byte order mark EF BB BF.
    static func hasUTF8Mark(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF
    }

    static func unsupportedEncoding(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        if b.count >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0 { return "UTF-32 (little-endian)" }
        if b.count >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF { return "UTF-32 (big-endian)" }
        if b.count >= 2 && b[0] == 0xFF && b[1] == 0xFE { return "UTF-16 (little-endian)" }
        if b.count >= 2 && b[0] == 0xFE && b[1] == 0xFF { return "UTF-16 (big-endian)" }
        // No mark: ASCII text in UTF-16 has a NUL in every other byte.
        if b.count >= 4 {
            let n = min(b.count & ~1, 512)
            var evenNUL = 0, oddNUL = 0
            for i in stride(from: 0, to: n, by: 2) {
                if b[i] == 0 { evenNUL += 1 }
                if b[i + 1] == 0 { oddNUL += 1 }
            }
            let pairs = n / 2
            if oddNUL * 10 >= pairs * 9 && evenNUL == 0 { return "UTF-16 (little-endian, no byte order mark)" }
            if evenNUL * 10 >= pairs * 9 && oddNUL == 0 { return "UTF-16 (big-endian, no byte order mark)" }
        }
        return nil
    }
}

/// A file descriptor or an in-memory buffer, read in chunks.
final class ByteSource {
    private var fd: Int32 = -1
    private var memory: [UInt8] = []
    private var offset = 0
    private let ownsFD: Bool
    let name: String
    /// The size of a regular file or of bytes in memory; nil for a pipe, a terminal, a device.
    private(set) var knownSize: Int64?

    init(_ input: CSVInput, name: String) throws {
        self.name = name
        switch input {
        case .bytes(let b, _):
            memory = b
            ownsFD = false
            knownSize = Int64(b.count)
        case .path("-"), .file("-", _):
            fd = 0
            ownsFD = false
        case .path(let path), .file(let path, _):
            fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else {
                throw CSVReadError(problem: Problem(file: name, message: "cannot open the file: " + String(cString: strerror(errno))))
            }
            ownsFD = true
            var info = stat()
            if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
                Glibc.close(fd)
                fd = -1
                throw CSVReadError(problem: Problem(file: name, message: "is a directory, not a CSV file"))
            }
            if (info.st_mode & S_IFMT) == S_IFREG { knownSize = Int64(info.st_size) }
        }
    }

    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        if fd < 0 {
            let n = min(count, memory.count - offset)
            if n > 0 { memory.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress! + offset, count: n) } }
            offset += n
            return n
        }
        while true {
            let n = Glibc.read(fd, buffer, count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw CSVReadError(problem: Problem(file: name, message: "cannot read the file: " + String(cString: strerror(errno))))
        }
    }

    func close() {
        if ownsFD && fd >= 0 { Glibc.close(fd) }
        fd = -1
    }
}
