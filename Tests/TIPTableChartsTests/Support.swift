import Foundation
import TIPTable

/// A table read from CSV text, as `tipstat chart` reads a file, with optional metadata JSON.
func table(_ csv: String, metadata: String? = nil, name: String = "t.csv", types: [String: ColumnType] = [:]) throws -> Table {
    let result = TableLoader(options: LoadOptions(columnTypes: types, readMetadata: false)).load(.bytes(Array(csv.utf8), name: name))
    guard var table = result.table, !result.hasErrors else { throw TableError(problems: result.problems) }
    if let metadata { table.metadata = try TableMetadata.parse(Data(metadata.utf8), name: name + "-metadata.json") }
    return table
}

struct TableError: Error { var problems: [Problem] }

/// Relative closeness, for values from an independent reference (SciPy, R).
func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(abs(b), 1)
}
