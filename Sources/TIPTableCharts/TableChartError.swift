import TIPTable

/// Why a table cannot be drawn as asked: an unknown column, a value that is not a number (with
/// its `FILE:LINE:COLUMN`), no rows left to draw, two values for one bar. Every problem found
/// is kept, so a user fixes the file in one pass.
///
/// ```swift
/// do { _ = try chart.spec(for: table) } catch { for p in error.problems { print(p) } }
/// // data.csv:3:2: error: column "cases": expected a number, found "x"
/// ```
public struct TableChartError: Error, Sendable, CustomStringConvertible {
    public var problems: [Problem]

    public init(_ problems: [Problem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
