import TIPTable

/// A dataset file loaded and checked against its kind's schema: the kind comes from the user
/// (`--schema`) or from the metadata's `tipstat:schema`; a file with neither is read as plain
/// CSV (encoding, quoting, header, row lengths, inferred types).
///
/// ```swift
/// let d = Dataset.load(path: "Datasets/judicial.csv")
/// d.kind                 // .judicial
/// d.problems.isEmpty     // true
/// ```
public struct Dataset: Sendable {
    public let path: String
    public let kind: DatasetKind?
    public let table: Table?
    public let problems: [Problem]

    public var hasErrors: Bool { problems.contains { $0.severity == .error } }

    public init(path: String, kind: DatasetKind?, table: Table?, problems: [Problem]) {
        self.path = path
        self.kind = kind
        self.table = table
        self.problems = problems
    }

    public static func load(path: String, kind requested: DatasetKind? = nil, options: LoadOptions = LoadOptions(),
                            extraStatutes: Set<String> = []) -> Dataset {
        load(.path(path), kind: requested, options: options, extraStatutes: extraStatutes)
    }

    public static func load(_ input: CSVInput, kind requested: DatasetKind? = nil, options: LoadOptions = LoadOptions(),
                            extraStatutes: Set<String> = []) -> Dataset {
        var kind = requested
        if kind == nil, options.readMetadata, let path = input.filePath {
            let metaPath = TableMetadata.path(besides: path)
            do {
                if let name = try TableMetadata.load(path: metaPath, maxBytes: options.limits.maxMetadataBytes)?.schema {
                    guard let k = DatasetKind(rawValue: name) else {
                        return Dataset(path: input.name, kind: nil, table: nil, problems: [Problem(file: metaPath, message:
                            "unknown tipstat:schema \(quotedForMessage(name)) (expected one of \(DatasetKind.allCases.map(\.rawValue).joined(separator: ", ")))")])
                    }
                    kind = k
                }
            } catch {
                return Dataset(path: input.name, kind: nil, table: nil, problems: [error.problem])
            }
        }
        var loadOptions = options
        let schema = kind?.schema(extraStatutes: extraStatutes)
        if let schema {
            // The user's own overrides win over the schema's types.
            loadOptions.columnTypes = schema.columnTypes.merging(options.columnTypes) { _, user in user }
        }
        let loaded = TableLoader(options: loadOptions).load(input)
        guard let table = loaded.table, let schema, !options.raw else {
            return Dataset(path: input.name, kind: kind, table: loaded.table, problems: loaded.problems)
        }
        var collector = ProblemCollector(file: input.name, strict: options.strict, maxErrors: options.limits.maxErrors)
        do {
            try collector.append(contentsOf: loaded.problems)
            try schema.validate(table, into: &collector)
        } catch let stop as ProblemCollector.StrictStop {
            // At the error limit: what was collected in file order, then the notice.
            let collected = stop.problems.dropLast().sorted(by: Dataset.reportOrder)
            return Dataset(path: input.name, kind: kind, table: table, problems: collected + [stop.problem])
        } catch {
            return Dataset(path: input.name, kind: kind, table: table, problems: collector.problems + [Problem(file: input.name, message: "\(error)")])
        }
        return Dataset(path: input.name, kind: kind, table: table, problems: collector.problems.sorted(by: Dataset.reportOrder))
    }

    /// A file found in a folder that is a FIFO, device or socket, as a dataset that was not
    /// read and says why; nil for a regular file (see ``DirectoryListing/isSpecialFile(_:)``).
    public static func unreadSpecialFile(_ path: String, name: String) -> Dataset? {
        guard DirectoryListing.isSpecialFile(path) else { return nil }
        return Dataset(path: name, kind: nil, table: nil, problems: [Problem(file: name, message:
            "is not a regular file (a FIFO, device or socket): not read")])
    }

    /// Problems in file order: line, then column, file-level ones first.
    static func reportOrder(_ a: Problem, _ b: Problem) -> Bool {
        (a.line ?? 0, a.column ?? 0) < (b.line ?? 0, b.column ?? 0)
    }
}

/// What `tipstat summary` says of one dataset.
public struct DatasetSummary: Sendable {
    public var file: String
    public var kind: DatasetKind?
    public var title: String?
    public var rows: Int
    /// From the earliest start to the latest end of any period in the file.
    public var coverage: Period?
    public var sources: [String]
    public var rowsWithoutSource: Int
    /// Rows with a figure that neither their quote states nor a derivation gives (``QuoteRule``).
    public var unquotedRows: Int
    public var errors: Int
    public var warnings: Int

    /// - Parameter quoteRule: the dataset's ``QuoteRule`` warnings, counted with its warnings.
    public init(_ dataset: Dataset, quoteRule: [Problem] = []) {
        file = dataset.path
        kind = dataset.kind
        title = dataset.table?.metadata?.title
        rows = dataset.table?.rowCount ?? 0
        errors = dataset.problems.count { $0.severity == .error }
        warnings = dataset.problems.count { $0.severity == .warning } + quoteRule.count
        unquotedRows = Set(quoteRule.compactMap(\.line)).count
        var periods: [Period] = []
        var sources: [String] = []
        var seen = Set<String>()
        var missingSource = 0
        if let table = dataset.table {
            for column in table.columns where column.type == .period {
                periods += column.values.compactMap(\.period)
            }
            if let s = table.columnIndex("source") {
                for v in table.columns[s].values {
                    guard let text = v.string, !text.isEmpty else { missingSource += 1; continue }
                    if seen.insert(text).inserted { sources.append(text) }
                }
            }
        }
        if let first = periods.map(\.start).min(), let last = periods.map(\.end).max() {
            coverage = Period(start: first, end: last)
        }
        self.sources = sources
        rowsWithoutSource = dataset.table?.columnIndex("source") == nil ? rows : missingSource
    }
}
