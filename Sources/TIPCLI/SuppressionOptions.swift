import ArgumentParser
import TIPTable

/// Disclosure control on request: small counts about children withheld from tables and charts,
/// with the suppression shown ("<5"), never hidden. Counts from 1 to threshold - 1 are
/// suppressed; zero stays visible (a true zero identifies no one). Shared by every command that
/// prints or draws counts, so the rule is stated and applied once.
struct SuppressionOptions: ParsableArguments {
    /// The council's default threshold: counts under 5 are withheld.
    static let defaultThreshold = 5

    @Flag(help: "Suppress counts from 1 to 4 (the default threshold, 5) and mark them \"<5\".")
    var suppressSmallCounts = false

    @Option(help: ArgumentHelp("Suppress counts from 1 to k - 1 and mark them \"<k\" (implies suppression).", valueName: "k"))
    var suppressBelow: Int?

    func validate() throws {
        if let k = suppressBelow, k < 2 {
            throw ValidationError("--suppress-below must be at least 2 (got \(k)): a threshold of \(k) withholds no count")
        }
    }

    /// The threshold in force, or nil when no suppression was asked for.
    var threshold: Int? { suppressBelow ?? (suppressSmallCounts ? SuppressionOptions.defaultThreshold : nil) }
}

extension SuppressionOptions {
    /// The table with small counts withheld, and the note that says so; the table itself when
    /// no suppression was asked for.
    ///
    /// The counts are the integer columns named in `countColumns`, or every integer column when
    /// none is named (a year column never holds a value below the threshold, so it is left as
    /// it is). A count from 1 to K - 1 becomes the text "<K"; zero and missing stay. Columns
    /// of any other type are never touched: a share or an amount is not a count of people.
    ///
    /// - Throws: a message naming the file when a named column is missing or not integer.
    func apply(to table: Table, countColumns: [String]) throws(SuppressionError) -> (table: Table, notes: [String]) {
        guard let k = threshold else { return (table, []) }
        var indices: [Int] = []
        if countColumns.isEmpty {
            indices = table.columns.indices.filter { table.columns[$0].type == .integer }
        } else {
            for name in countColumns {
                guard let i = table.columnIndex(name) else {
                    throw SuppressionError(message: "no column \(quotedForMessage(name)) to suppress counts in (the columns are "
                        + table.columns.map(\.name).joined(separator: ", ") + ")")
                }
                guard table.columns[i].type == .integer else {
                    throw SuppressionError(message: "column \(quotedForMessage(table.columns[i].name)) holds \(table.columns[i].type.rawValue) values, "
                        + "not counts: only integer columns are suppressed")
                }
                indices.append(i)
            }
        }
        var suppressed = table
        var withheld = 0
        for i in indices {
            suppressed.columns[i].values = table.columns[i].values.map { v in
                guard let n = v.integer, n >= 1, n < k else { return v }
                withheld += 1
                return .string("<\(k)")
            }
        }
        let names = indices.map { table.columns[$0].name }.joined(separator: ", ")
        let range = k == 2 ? "of 1" : "from 1 to \(k - 1)"
        return (suppressed, ["Counts \(range) in \(names.isEmpty ? "no column (the table has no integer column)" : names) "
            + "are suppressed to protect privacy and shown as \"<\(k)\" (\(withheld) withheld). Zero is shown: it identifies no one. "
            + "Text columns (such as quote or note) are not changed and may state a count in words."])
    }
}

/// Why suppression could not be applied as asked.
struct SuppressionError: Error {
    let message: String
}
