import TIPTable
import TIPDomain

/// A CSV file read for an analysis, with the columns the analysis uses checked: each exists,
/// and holds numbers (or periods, for a time column). Shared by every analysis of a file, so
/// they all find columns and report bad cells the same way.
///
/// The file is read through `Dataset.load` (metadata, schema, load options). A used column
/// that did not come out numeric is read again with its type declared, so that every cell
/// that is not a number is reported where it is (`FILE:LINE:COLUMN: error: column "x":
/// expected a number, found "n/a"`) instead of the column silently becoming text. Any error
/// in the file stops the analysis: no result is computed from a file that did not read
/// cleanly. The warnings are kept in ``problems``, and every failure of the analysis that
/// follows carries them too (``failure(_:at:)``), so they are shown once, in order.
///
/// ```swift
/// let data = try AnalysisTable.load(.path("Datasets/dcf-referrals.csv"), numeric: ["referrals"], time: ["period"])
/// data.numbers("referrals")   // [4, 30, 31, ...]
/// ```
public struct AnalysisTable: Sendable {
    /// The file's name in messages.
    public let file: String
    public let table: Table
    /// The file's warnings (a file with errors does not load).
    public let problems: [Problem]

    /// Loads `input`, requiring `numeric` columns to hold numbers and `time` columns to hold
    /// numbers (years) or periods, and dates too when `datesAsTime`.
    ///
    /// - Throws: ``AnalysisError`` with the file's problems when it has errors, or naming a
    ///   column that is not there.
    public static func load(_ input: CSVInput, options: LoadOptions = LoadOptions(), numeric: [String], time: [String] = [],
                            datesAsTime: Bool = false) throws(AnalysisError) -> AnalysisTable {
        var dataset = Dataset.load(input, options: options)
        if !dataset.hasErrors, let table = dataset.table {
            var declared: [String: ColumnType] = [:]
            for name in numeric + time {
                guard let i = table.columnIndex(name) else {
                    throw AnalysisError("no column \(quotedForMessage(name)) (the columns are "
                        + table.columns.map(\.name).joined(separator: ", ") + ")", file: dataset.path)
                }
                let type = table.columns[i].type
                if time.contains(name) {
                    if !type.isNumeric && type != .period && !(datesAsTime && type == .date) { declared[table.columns[i].name] = .period }
                } else if !type.isNumeric {
                    declared[table.columns[i].name] = .double
                }
            }
            if !declared.isEmpty, input.isStandardInput {
                // Standard input cannot be read twice: name the column instead of its cells.
                let names = declared.keys.sorted().map { quotedForMessage($0) }.joined(separator: ", ")
                throw AnalysisError("column \(names) does not hold \(time.isEmpty ? "numbers" : "numbers or periods") in every row",
                                    file: dataset.path)
            } else if !declared.isEmpty {
                var typed = options
                typed.columnTypes.merge(declared) { _, new in new }
                dataset = Dataset.load(input, options: typed)
            }
        }
        guard !dataset.hasErrors, let table = dataset.table else { throw AnalysisError(nil, problems: dataset.problems) }
        return AnalysisTable(file: dataset.path, table: table, problems: dataset.problems)
    }

    /// A failure of the analysis of this file, at `location` (default: the file), carrying the
    /// file's warnings so that they are shown before it.
    public func failure(_ message: String, at location: String? = nil) -> AnalysisError {
        AnalysisError(message, file: location ?? file, problems: problems)
    }

    /// The column `name` (which `load` checked) and its index.
    public func column(_ name: String) -> (index: Int, column: Column) {
        let i = table.columnIndex(name)!
        return (i, table.columns[i])
    }

    /// The column's numbers, nil for a missing cell.
    public func numbers(_ name: String) -> [Double?] { column(name).column.numbers }

    /// A time column as periods: a period as it is, a whole-number year as that calendar year;
    /// nil for a missing cell or a number that is not a whole year.
    public func periods(_ name: String) -> [Period?] {
        column(name).column.values.map { v in
            if let p = v.period { return p }
            if let x = v.number, x == x.rounded(), x >= 1, x <= 9999 { return Period(year: Int(x)) }
            return nil
        }
    }

    /// `FILE:LINE:COLUMN` of a cell, for messages about it.
    public func location(row: Int, column name: String) -> String {
        "\(file):\(table.rowLines[row]):\(column(name).index + 1)"
    }
}
