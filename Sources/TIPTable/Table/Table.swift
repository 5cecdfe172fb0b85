/// A named, typed column of a table.
public struct Column: Sendable {
    public var name: String
    public var type: ColumnType
    public var values: [Value]

    public init(name: String, type: ColumnType, values: [Value]) {
        self.name = name
        self.type = type
        self.values = values
    }

    /// Numeric values with missing cells as nil (non-numeric columns give all nil).
    public var numbers: [Double?] { values.map(\.number) }
}

/// A typed table loaded from a CSV file: columns of one type each, the physical line of every
/// row (for problem messages) and the metadata that came with the file.
///
/// ```swift
/// let result = TableLoader().load(.path("Datasets/dcf-referrals.csv"))
/// if let table = result.table, let counts = table["referrals"] {
///     print(counts.type, counts.values.prefix(3))
/// }
/// ```
public struct Table: Sendable {
    /// The file name used in messages.
    public var name: String
    public var columns: [Column]
    /// Physical line on which each row starts.
    public var rowLines: [Int]
    /// Line of the header row.
    public var headerLine: Int
    public var dialect: CSVDialect
    public var metadata: TableMetadata?

    public init(name: String, columns: [Column], rowLines: [Int], headerLine: Int = 1,
                dialect: CSVDialect = CSVDialect(), metadata: TableMetadata? = nil) {
        self.name = name
        self.columns = columns
        self.rowLines = rowLines
        self.headerLine = headerLine
        self.dialect = dialect
        self.metadata = metadata
    }

    public var rowCount: Int { rowLines.count }

    /// The column whose name matches `name` (see `ColumnName.matches`).
    public subscript(name: String) -> Column? {
        columnIndex(name).map { columns[$0] }
    }

    public func columnIndex(_ name: String) -> Int? {
        ColumnName.index(of: name, in: columns.map(\.name))
    }

    /// Row `i` as values in column order.
    public func row(_ i: Int) -> [Value] { columns.map { $0.values[i] } }

    /// A new table with only the rows for which `keep` is true.
    public func filter(_ keep: (Int) -> Bool) -> Table {
        let kept = (0..<rowCount).filter(keep)
        var t = self
        t.rowLines = kept.map { rowLines[$0] }
        t.columns = columns.map { c in Column(name: c.name, type: c.type, values: kept.map { c.values[$0] }) }
        return t
    }
}

/// Column names as people write them in exports: `Arrests`, `arrests`, ` arrests ` and
/// `cases-sex`/`cases sex`/`cases_sex` name the same column.
public enum ColumnName {
    public static func normalize(_ s: String) -> String {
        var out = ""
        var lastWasSeparator = false
        for ch in s.trimmingSpaces.lowercased() {
            if ch == " " || ch == "-" || ch == "_" || ch == "." {
                if !lastWasSeparator && !out.isEmpty { out.append("_") }
                lastWasSeparator = true
            } else {
                out.append(ch)
                lastWasSeparator = false
            }
        }
        while out.hasSuffix("_") { out.removeLast() }
        return out
    }

    public static func matches(_ a: String, _ b: String) -> Bool { normalize(a) == normalize(b) }

    /// The position of `name` among `names`: the exact name first, then a loose match.
    public static func index(of name: String, in names: [String]) -> Int? {
        names.firstIndex(of: name) ?? names.firstIndex { matches($0, name) }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    public var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
