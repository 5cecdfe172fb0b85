import ArgumentParser
import TIPTable
import TIPDomain

/// A CSV file read for an analysis, with the columns the command uses checked: each exists,
/// and holds numbers (or periods, for a time column). Shared by every command that analyses a
/// file, so they all find columns and report bad cells the same way.
///
/// The file is read through `Dataset.load` (metadata, schema, `InputOptions`). A used column
/// that did not come out numeric is read again with its type declared, so that every cell
/// that is not a number is reported where it is (`FILE:LINE:COLUMN: error: column "x":
/// expected a number, found "n/a"`) instead of the column silently becoming text. Any error
/// in the file stops the command (exit status 1): no result is computed from a file that did
/// not read cleanly.
struct AnalysisInput {
    let file: String
    let table: Table

    /// Loads `file`, requiring `numeric` columns to hold numbers and `time` columns to hold
    /// numbers (years) or periods.
    /// `time` columns are read as numbers or periods, and as dates too when `datesAsTime`.
    static func load(_ file: String, input: InputOptions, numeric: [String], time: [String] = [],
                     datesAsTime: Bool = false) throws -> AnalysisInput {
        var dataset = Dataset.load(file, input: input)
        if !dataset.hasErrors, let table = dataset.table {
            var declared: [String: ColumnType] = [:]
            for name in numeric + time {
                guard let i = table.columnIndex(name) else {
                    throw Output.failure("no column \(quotedForMessage(name)) (the columns are "
                        + table.columns.map(\.name).joined(separator: ", ") + ")", file: dataset.path)
                }
                let type = table.columns[i].type
                if time.contains(name) {
                    if !type.isNumeric && type != .period && !(datesAsTime && type == .date) { declared[table.columns[i].name] = .period }
                } else if !type.isNumeric {
                    declared[table.columns[i].name] = .double
                }
            }
            if !declared.isEmpty, file == "-" {
                // Standard input cannot be read twice: name the column instead of its cells.
                let names = declared.keys.sorted().map { quotedForMessage($0) }.joined(separator: ", ")
                throw Output.failure("column \(names) does not hold \(time.isEmpty ? "numbers" : "numbers or periods") in every row", file: dataset.path)
            } else if !declared.isEmpty {
                var options = input.loadOptions()
                options.columnTypes.merge(declared) { _, new in new }
                dataset = Dataset.load(.file(Console.current.resolve(file), name: dataset.path), options: options)
            }
        }
        Output.problems(dataset.problems)
        guard !dataset.hasErrors, let table = dataset.table else { throw ExitCode(1) }
        return AnalysisInput(file: dataset.path, table: table)
    }

    func column(_ name: String) -> (index: Int, column: Column) {
        let i = table.columnIndex(name)!
        return (i, table.columns[i])
    }

    /// The column's numbers, nil for a missing cell.
    func numbers(_ name: String) -> [Double?] { column(name).column.numbers }

    /// A time column as periods: a period as it is, a whole-number year as that calendar year;
    /// nil for a missing cell or a number that is not a whole year.
    func periods(_ name: String) -> [Period?] {
        column(name).column.values.map { v in
            if let p = v.period { return p }
            if let x = v.number, x == x.rounded(), x >= 1, x <= 9999 { return Period(year: Int(x)) }
            return nil
        }
    }

    /// `FILE:LINE:COLUMN` of a cell, for messages about it.
    func location(row: Int, column name: String) -> String {
        "\(file):\(table.rowLines[row]):\(column(name).index + 1)"
    }
}
