import FuzzSupport
import TIPTable

// Type inference, field parsing and the table loader on arbitrary bytes. Invariants: it never
// crashes; problems are located from line 1 and column 1; a table has one value per row in
// every column and every value has its column's type; strict mode stops at the first error the
// lenient mode reports; a table without errors, written as CSV (`show --format csv`) and loaded
// again with the same column types, gives the same values (text cells with the spreadsheet
// guard `'` in front where CSVWriter adds one), and so does `--raw`.

let limits = ReaderLimits(maxFieldBytes: 300, maxFieldsPerRow: 40, maxFileBytes: 1 << 20)

func load(_ bytes: [UInt8], types: [String: ColumnType] = [:], raw: Bool = false, strict: Bool = false,
          dialect: CSVDialect? = nil, roomy: Bool = false) -> LoadResult {
    TableLoader(options: LoadOptions(dialect: dialect, columnTypes: types, raw: raw, strict: strict,
                                     limits: roomy ? ReaderLimits() : limits, readMetadata: false))
        .load(.bytes(bytes, name: "fuzz.csv"))
}

func hasType(_ value: Value, _ type: ColumnType) -> Bool {
    switch (value, type) {
    case (.missing, _), (.boolean, .boolean), (.integer, .integer), (.double, .double), (.percent, .percent),
         (.currency, .currency), (.date, .date), (.period, .period), (.string, .string):
        return true
    default:
        return false
    }
}

/// Writes `table` as CSV and loads it back with its column types; checks every value.
func roundTrip(_ table: Table, raw: Bool) {
    let csv = TableRenderer.render(table, as: .csv)
    var types: [String: ColumnType] = [:]
    for column in table.columns { types[CSVWriter.neutralised(column.name)] = column.type }
    // The written file is our own output: the guard `'` can make a field one byte longer than the
    // limit it was read under, so it is read back under limits with room for that.
    let again = load(Array(csv.utf8), types: raw ? [:] : types, raw: raw, dialect: CSVDialect(), roomy: true)
    require(!again.hasErrors, "the written CSV does not load: \(again.problems.first!)\n\(csv)")
    let reloaded = again.table!
    require(reloaded.columns.map(\.name) == table.columns.map { CSVWriter.neutralised($0.name) }, "column names change")
    require(reloaded.rowCount == table.rowCount, "\(table.rowCount) rows become \(reloaded.rowCount)\n\(csv)")
    for (before, after) in zip(table.columns, reloaded.columns) {
        require(before.type == after.type, "column \(before.name): \(before.type) becomes \(after.type)")
        for (x, y) in zip(before.values, after.values) {
            if case .string(let s) = x {
                require(y == .string(CSVWriter.neutralised(s)), "text \(x) becomes \(y)")
            } else {
                require(x == y, "\(before.type) value \(x) (\(x.number ?? 0)) becomes \(y) (\(y.number ?? 0))")
            }
        }
    }
}

fuzz { data in
    let bytes = Array(data)
    let result = load(bytes)
    for p in result.problems {
        require(p.file == "fuzz.csv" && !p.message.isEmpty && !p.message.contains("\n"), "problem \(p)")
        require((p.line ?? 1) >= 1 && (p.column ?? 1) >= 1 && (p.line != nil || p.column == nil), "location of \(p)")
    }
    // Windows-1252 gives every byte a character: no field is invalid UTF-8, and ASCII input
    // (the same bytes in both encodings) loads with the same problems (file-level ones, such
    // as a UTF-16 file, name the encoding asked for).
    let ansi = TableLoader(options: LoadOptions(limits: limits, readMetadata: false, encoding: .windows1252))
        .load(.bytes(bytes, name: "fuzz.csv"))
    require(!ansi.problems.contains { $0.message.contains("not valid UTF-8") }, "windows-1252 text read as invalid UTF-8")
    if bytes.allSatisfy({ $0 < 0x80 }), !result.problems.contains(where: { $0.line == nil }) {
        require(ansi.problems == result.problems, "ASCII reads differently as windows-1252: \(ansi.problems) against \(result.problems)")
    }
    let strict = load(bytes, strict: true)
    let firstError = result.problems.first { $0.severity == .error }
    require(strict.problems.first { $0.severity == .error } == firstError, "strict mode stops elsewhere")

    guard let table = result.table else {
        require(result.hasErrors, "no table and no error")
        return
    }
    for column in table.columns {
        require(column.values.count == table.rowCount, "column \(column.name) has \(column.values.count) of \(table.rowCount) values")
        require(column.values.allSatisfy { hasType($0, column.type) }, "a value of another type in a \(column.type) column")
    }
    for format in OutputFormat.allCases { _ = TableRenderer.render(table, as: format) }
    // Dates month or day first: every value of its column's type, and a table without errors
    // written (dates as ISO 8601) and read back the same.
    let order: DateOrder = bytes.count % 2 == 0 ? .mdy : .dmy
    let ordered = TableLoader(options: LoadOptions(limits: limits, readMetadata: false, dateOrder: order)).load(.bytes(bytes, name: "fuzz.csv"))
    if let t = ordered.table {
        for column in t.columns {
            require(column.values.allSatisfy { hasType($0, column.type) }, "\(order): a value of another type in a \(column.type) column")
        }
        if !ordered.hasErrors { roundTrip(t, raw: false) }
    }
    guard !result.hasErrors else { return }
    roundTrip(table, raw: false)
    if let raw = load(bytes, raw: true).table { roundTrip(raw, raw: true) }
}
