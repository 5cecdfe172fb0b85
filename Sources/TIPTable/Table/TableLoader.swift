/// How a table is loaded.
public struct LoadOptions: Sendable {
    /// Texts read as a missing value: empty, `NA`, `N/A`, `NULL`, `-` and the em dash `—`.
    public static let defaultNullTokens: Set<String> = ["", "NA", "N/A", "NULL", "-", "—"]

    /// nil detects the delimiter (or takes it from the metadata).
    public var dialect: CSVDialect?
    public var nullTokens: Set<String>
    /// Column types that override inference and metadata, by column name.
    public var columnTypes: [String: ColumnType]
    /// Every column a string and every value exactly the parsed field text (no nulls).
    public var raw: Bool
    /// Stop at the first error.
    public var strict: Bool
    public var limits: ReaderLimits
    /// Read `NAME.csv-metadata.json` beside the file when it exists.
    public var readMetadata: Bool
    /// The file's text encoding; nil takes the metadata's dialect `encoding`, else UTF-8.
    public var encoding: TextEncoding?
    /// How date cells are written: ISO 8601, or month or day first (`3/4/2016`).
    public var dateOrder: DateOrder

    public init(dialect: CSVDialect? = nil, nullTokens: Set<String> = LoadOptions.defaultNullTokens,
                columnTypes: [String: ColumnType] = [:], raw: Bool = false, strict: Bool = false,
                limits: ReaderLimits = ReaderLimits(), readMetadata: Bool = true, encoding: TextEncoding? = nil,
                dateOrder: DateOrder = .iso) {
        self.dialect = dialect
        self.nullTokens = nullTokens
        self.columnTypes = columnTypes
        self.raw = raw
        self.strict = strict
        self.limits = limits
        self.readMetadata = readMetadata
        self.encoding = encoding
        self.dateOrder = dateOrder
    }
}

/// A loaded table (nil when the file could not be read as a table at all) and every problem
/// found on the way. The table holds what could be read: a bad cell becomes missing.
public struct LoadResult: Sendable {
    public var table: Table?
    public var problems: [Problem]
    public var hasErrors: Bool { problems.contains { $0.severity == .error } }
}

/// Loads a whole CSV file into a typed `Table`: header, ragged rows, text encoding, nulls,
/// spreadsheet artefacts, type inference from strictest to loosest (overridable per column),
/// and typed conversion, collecting every problem on the way (readr style).
///
/// ```swift
/// let result = TableLoader(options: LoadOptions(columnTypes: ["period": .period]))
///     .load(.path("Datasets/dcf-referrals.csv"))
/// for p in result.problems { print(p) }   // judicial.csv:4:5: error: ...
/// ```
public struct TableLoader: Sendable {
    public var options: LoadOptions

    public init(options: LoadOptions = LoadOptions()) { self.options = options }

    public func load(_ input: CSVInput) -> LoadResult {
        var collector = ProblemCollector(file: input.name, strict: options.strict, maxErrors: options.limits.maxErrors)
        do {
            let table = try loadTable(input, &collector)
            return LoadResult(table: table, problems: collector.problems)
        } catch let stop as ProblemCollector.StrictStop {
            return LoadResult(table: nil, problems: stop.problems)
        } catch let failure as CSVReadError {
            return LoadResult(table: nil, problems: collector.problems + [failure.problem])
        } catch {
            return LoadResult(table: nil, problems: collector.problems + [Problem(file: input.name, message: "\(error)")])
        }
    }

    private func loadTable(_ input: CSVInput, _ collector: inout ProblemCollector) throws -> Table? {
        var metadata: TableMetadata?
        var metadataPath = ""
        if options.readMetadata, let path = input.filePath {
            metadataPath = TableMetadata.path(besides: path)
            metadata = try TableMetadata.load(path: metadataPath, maxBytes: options.limits.maxMetadataBytes)
        }
        var dialect = options.dialect
        if dialect == nil, let d = metadata?.delimiter {
            guard let parsed = CSVDialect(delimiterName: d) else {
                throw CSVReadError(problem: Problem(file: metadataPath, message: "the metadata gives an unusable delimiter \(quotedForMessage(d))"))
            }
            dialect = parsed
        }
        var encoding = options.encoding ?? .utf8
        if options.encoding == nil, let label = metadata?.encoding {
            guard let named = TextEncoding(label: label) else {
                throw CSVReadError(problem: Problem(file: metadataPath, message:
                    "the metadata gives an unknown encoding \(quotedForMessage(label)) (known: \(TextEncoding.labels))"))
            }
            encoding = named
        }
        let text = try input.decoded(from: encoding, maxFileBytes: options.limits.maxFileBytes)
        // The limit is on the file's own bytes, checked as they were transcoded.
        var readerLimits = options.limits
        if encoding != .utf8 { readerLimits.maxFileBytes = .max }

        // Pass 1: header and raw cells. A cell is nil when its bytes are not text.
        var header: [String] = []
        var headerLine = 0
        var cells: [[String?]] = []
        var cellLines: [[Int]] = []
        var rowLines: [Int] = []
        var sawHeader = false
        let reader = CSVReader(dialect: dialect, limits: readerLimits)
        let usedDialect = try reader.read(text) { record in
            if !sawHeader {
                sawHeader = true
                headerLine = record.line
                header = try readHeader(record, &collector)
                cells = Array(repeating: [], count: header.count)
                cellLines = Array(repeating: [], count: header.count)
                return
            }
            let line = record.line
            rowLines.append(line)
            if record.count != header.count {
                // Located at the first extra field, or just after the last field of a short row.
                let at = record.count > header.count ? header.count : record.count - 1
                try collector.error(line: record.line(ofField: at), column: min(record.count, header.count) + 1,
                    "the row has \(record.count) field\(record.count == 1 ? "" : "s") but the header has \(header.count)")
            }
            for c in 0..<header.count {
                guard c < record.count else {
                    cells[c].append(nil)
                    cellLines[c].append(line)
                    continue
                }
                let fieldLine = record.line(ofField: c)
                cellLines[c].append(fieldLine)
                let bytes = record.bytes(c)
                if let why = FieldText.validate(bytes) {
                    try collector.error(line: fieldLine, column: c + 1, "column \(quotedForMessage(header[c])): the field \(why)")
                    cells[c].append(nil)
                } else {
                    cells[c].append(String(decoding: bytes, as: UTF8.self))
                }
            }
        }
        guard sawHeader else {
            try collector.error(line: nil, column: nil, "the file is empty: a header row is expected")
            return nil
        }

        if rowLines.isEmpty {
            // An export that lost its rows is an error to report, not an empty result to analyse.
            try collector.error(line: headerLine, column: nil, "the file has a header row but no data rows")
        }

        // Pass 2: types and typed values, column by column.
        var columns: [Column] = []
        for (c, name) in header.enumerated() {
            let columnMeta = metadata?.column(name)
            var nulls = options.nullTokens
            if let extra = columnMeta?.nullTokens ?? metadata?.nullTokens { nulls.formUnion(extra) }
            let declared = options.columnTypes[name]
                ?? options.columnTypes.first { ColumnName.matches($0.key, name) }?.value
                ?? columnMeta?.type
            let column = try convert(name: name, index: c, texts: cells[c], lines: cellLines[c],
                                     declared: declared, nulls: nulls, &collector)
            columns.append(column)
            // The column's text is no longer needed: freed now, peak memory is the typed table
            // plus one column of text, not both whole.
            cells[c] = []
            cellLines[c] = []
        }
        return Table(name: input.name, columns: columns, rowLines: rowLines, headerLine: headerLine,
                     dialect: usedDialect, metadata: metadata)
    }

    private func readHeader(_ record: CSVRecord, _ collector: inout ProblemCollector) throws -> [String] {
        var names: [String] = []
        var seen: [String: Int] = [:]
        for i in 0..<record.count {
            let line = record.line(ofField: i)
            guard let text = record.string(at: i) else {
                try collector.error(line: line, column: i + 1, "the column name \(FieldText.validate(record.bytes(i)) ?? "is not text")")
                names.append("column\(i + 1)")
                continue
            }
            var name = text.trimmingSpaces
            if name.isEmpty {
                try collector.error(line: line, column: i + 1, "column \(i + 1) has an empty name in the header row")
                name = "column\(i + 1)"
            } else if let first = seen[ColumnName.normalize(name)] {
                try collector.error(line: line, column: i + 1, "duplicate column name \(quotedForMessage(name)) (also column \(first))")
            }
            seen[ColumnName.normalize(name)] = seen[ColumnName.normalize(name)] ?? i + 1
            names.append(name)
        }
        return names
    }

    private func convert(name: String, index: Int, texts: [String?], lines: [Int], declared: ColumnType?,
                         nulls: Set<String>, _ collector: inout ProblemCollector) throws -> Column {
        if options.raw {
            return Column(name: name, type: .string, values: texts.map { $0.map(Value.string) ?? .missing })
        }
        // Trimmed text, nil for missing, and spreadsheet artefacts reported once here.
        var cleaned: [String?] = []
        cleaned.reserveCapacity(texts.count)
        for (r, text) in texts.enumerated() {
            guard let text else { cleaned.append(nil); continue }
            let t = text.trimmingSpaces
            if nulls.contains(t) || nulls.contains(text) { cleaned.append(nil); continue }
            if let artefact = SpreadsheetArtefact.classify(t) {
                try collector.error(line: lines[r], column: index + 1,
                                    "column \(quotedForMessage(name)): \(quotedForMessage(t)) is \(artefact), not a value")
                cleaned.append(nil)
                continue
            }
            cleaned.append(t)
        }
        let type = declared ?? TypeInference.infer(cleaned, dateOrder: options.dateOrder)
        var values: [Value] = []
        values.reserveCapacity(cleaned.count)
        for (r, text) in cleaned.enumerated() {
            guard let text else { values.append(.missing); continue }
            switch FieldParser.read(text, as: type, dateOrder: options.dateOrder) {
            case .value(let v):
                values.append(v)
            case .invalid(let why):
                try collector.error(line: lines[r], column: index + 1, "column \(quotedForMessage(name)): \(quotedForMessage(text)) \(why)")
                values.append(.missing)
            case .mismatch:
                try collector.error(line: lines[r], column: index + 1,
                                    "column \(quotedForMessage(name)): expected \(type == .date ? options.dateOrder.expectation : type.expectation), found \(quotedForMessage(text))")
                values.append(.missing)
            }
        }
        return Column(name: name, type: type, values: values)
    }
}

/// Type inference from strictest to loosest, as readr guesses: a column takes the first type in
/// `ColumnType.inferenceOrder` that every non-missing value has the form of. A value with the
/// form but an impossible value (`1e400`, `2016-13`) still counts for the type, so that the
/// problem is reported instead of the column silently becoming text.
public enum TypeInference {
    public static func infer(_ texts: [String?], dateOrder: DateOrder = .iso) -> ColumnType {
        var candidates = Set(ColumnType.inferenceOrder)
        var sawValue = false
        for case let text? in texts {
            sawValue = true
            for type in candidates where type != .string {
                if case .mismatch = FieldParser.read(text, as: type, dateOrder: dateOrder) { candidates.remove(type) }
            }
            if candidates.count == 1 { break }
        }
        guard sawValue else { return .string }
        return ColumnType.inferenceOrder.first { candidates.contains($0) } ?? .string
    }
}

/// Things spreadsheets leave in exported cells that are not data: error values (`#N/A`,
/// `#DIV/0!`) and formulas (`=SUM(A1:A3)`, `="0123"`, `=cmd|' /C calc'!A0`).
public enum SpreadsheetArtefact {
    static let errorValues: Set<String> = ["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!",
                                           "#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#N/A!"]

    /// A description of the artefact, or nil for ordinary text.
    public static func classify(_ text: String) -> String? {
        // Every error value starts with "#" and every formula with "=": most cells are neither.
        guard let first = text.utf8.first, first == UInt8(ascii: "#") || first == UInt8(ascii: "=") else { return nil }
        if errorValues.contains(text.uppercased()) { return "a spreadsheet error value" }
        // Scalars, not Characters: "=" followed by a combining mark is still a leading "=".
        if text.unicodeScalars.first == "=" && text.unicodeScalars.count > 1 { return "a spreadsheet formula" }
        return nil
    }
}
