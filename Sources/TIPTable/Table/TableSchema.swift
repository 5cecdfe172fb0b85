/// A rule for one column of a schema.
public struct ColumnRule: Sendable {
    public var name: String
    public var type: ColumnType
    public var required: Bool
    /// Counts and amounts: no value below zero.
    public var nonNegative: Bool
    /// Every row must have a value (a statute, a period).
    public var nonMissing: Bool
    /// Other names the column goes by in exports (`labour` for `labor`).
    public var aliases: [String]
    public var description: String

    public init(_ name: String, _ type: ColumnType, required: Bool = false, nonNegative: Bool = false,
                nonMissing: Bool = false, aliases: [String] = [], description: String = "") {
        self.name = name
        self.type = type
        self.required = required
        self.nonNegative = nonNegative
        self.nonMissing = nonMissing
        self.aliases = aliases
        self.description = description
    }
}

/// A schema for a kind of dataset: its columns with types and rules, and checks across rows
/// (shares summing to 100, known statute numbers) that report problems at the offending cells.
///
/// ```swift
/// let schema = TableSchema(name: "counts", summary: "period counts", columns: [
///     ColumnRule("period", .period, required: true),
///     ColumnRule("count", .integer, required: true, nonNegative: true),
/// ])
/// let loaded = TableLoader(options: LoadOptions(columnTypes: schema.columnTypes)).load(.path("x.csv"))
/// var problems = ProblemCollector(file: "x.csv")
/// if let t = loaded.table { try schema.validate(t, into: &problems) }
/// ```
public struct TableSchema: Sendable {
    /// A check across rows; it finds columns through the schema (`schema.columnIndex(_:in:)`),
    /// so a column under an alias is checked as under its name.
    public typealias Check = @Sendable (Table, TableSchema, inout ProblemCollector) throws -> Void

    public var name: String
    public var summary: String
    public var columns: [ColumnRule]
    public var checks: [Check]

    public init(name: String, summary: String, columns: [ColumnRule], checks: [Check] = []) {
        self.name = name
        self.summary = summary
        self.columns = columns
        self.checks = checks
    }

    /// Types to load the columns with, under their names and aliases.
    public var columnTypes: [String: ColumnType] {
        var types: [String: ColumnType] = [:]
        for rule in columns {
            types[rule.name] = rule.type
            for alias in rule.aliases { types[alias] = rule.type }
        }
        return types
    }

    /// The index in `table` of the column a rule describes (by name or alias).
    public func columnIndex(_ ruleName: String, in table: Table) -> Int? {
        guard let rule = columns.first(where: { $0.name == ruleName }) else { return table.columnIndex(ruleName) }
        for name in [rule.name] + rule.aliases {
            if let i = table.columnIndex(name) { return i }
        }
        return nil
    }

    /// Checks required columns, non-negative values and the schema's own checks.
    public func validate(_ table: Table, into collector: inout ProblemCollector) throws {
        for rule in columns {
            guard let c = columnIndex(rule.name, in: table) else {
                if rule.required {
                    try collector.error(line: table.headerLine, column: 1,
                        "missing required column \(quotedForMessage(rule.name)) (the \(name) schema needs: \(columns.filter(\.required).map(\.name).joined(separator: ", ")))")
                }
                continue
            }
            let column = table.columns[c]
            for (r, v) in column.values.enumerated() {
                // A cell that failed to convert is already reported; its emptiness is not news.
                if rule.nonMissing && v.isMissing && !collector.hasProblem(line: table.rowLines[r], column: c + 1) {
                    try collector.error(line: table.rowLines[r], column: c + 1,
                        "column \(quotedForMessage(column.name)): a value is required in every row")
                }
                if rule.nonNegative, let x = v.number, x < 0 {
                    try collector.error(line: table.rowLines[r], column: c + 1,
                        "column \(quotedForMessage(column.name)): \(v) is negative; a count or amount cannot be below zero")
                }
            }
        }
        for check in checks { try check(table, self, &collector) }
    }
}
