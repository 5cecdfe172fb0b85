import TIPTable

/// Typed access to one row of a schema-checked table by column name, for building records.
/// Columns are found as the schema finds them (loosely: `Cases Sex` is `cases_sex`, and under
/// the schema's aliases: `count` is a referrals file's `referrals`); a column the file does not
/// have reads as missing.
struct RowReader {
    let table: Table
    let row: Int
    var schema: TableSchema? = nil

    func value(_ name: String) -> Value {
        guard let c = schema.map({ $0.columnIndex(name, in: table) }) ?? table.columnIndex(name) else { return .missing }
        return table.columns[c].values[row]
    }

    func string(_ name: String) -> String? {
        guard let s = value(name).string?.trimmingSpaces, !s.isEmpty else { return nil }
        return s
    }

    func integer(_ name: String) -> Int? { value(name).integer }
    func number(_ name: String) -> Double? { value(name).number }
    func period(_ name: String) -> Period? { value(name).period }

    func boolean(_ name: String) -> Bool? {
        if case let .boolean(b) = value(name) { return b }
        return nil
    }

    var line: Int { table.rowLines[row] }

    var provenance: Provenance {
        Provenance(file: table.name, line: line, source: string("source"), quote: string("quote"),
                   qualifier: string("qualifier"), confidence: string("confidence"), note: string("note"))
    }

    /// Every row of a table, its columns found under the names and aliases of `schema`.
    static func rows(of table: Table, schema: TableSchema? = nil) -> [RowReader] {
        (0..<table.rowCount).map { RowReader(table: table, row: $0, schema: schema) }
    }
}
