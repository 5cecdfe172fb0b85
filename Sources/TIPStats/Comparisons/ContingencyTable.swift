/// An r x c table of counts (r, c >= 2), checked once for the tests that take it
/// (``FisherExactTest``, ``ChiSquareIndependenceTest``).
///
/// ```swift
/// let t = try ContingencyTable([[3, 1], [1, 3]])
/// t.rowTotals    // [4, 4]
/// t.columnTotals // [4, 4]
/// ```
public struct ContingencyTable: Sendable, Hashable {
    /// Most rows or columns a table may have.
    public static let maximumDimension = 100
    /// Largest total; log-factorials and the exact sampler stay exact far beyond it.
    public static let maximumTotal = 100_000_000

    /// counts[i][j]: row i, column j.
    public let counts: [[Int]]
    public let rowTotals: [Int]
    public let columnTotals: [Int]
    public let total: Int

    public var rows: Int { counts.count }
    public var columns: Int { counts[0].count }

    /// - Throws: ``StatsError`` when the table has fewer than 2 rows or columns, ragged rows,
    ///   more than ``maximumDimension`` rows or columns, a negative count, a total above
    ///   ``maximumTotal``, or a row or column with no observations (it carries no information
    ///   and makes expected counts zero: remove it).
    public init(_ counts: [[Int]]) throws(StatsError) {
        guard counts.count >= 2, let width = counts.first?.count, width >= 2 else {
            throw .invalidInput("a contingency table needs at least 2 rows and 2 columns")
        }
        guard counts.allSatisfy({ $0.count == width }) else {
            throw .invalidInput("every row of the table must have \(width) columns")
        }
        guard counts.count <= ContingencyTable.maximumDimension, width <= ContingencyTable.maximumDimension else {
            throw .invalidInput("a contingency table may have at most \(ContingencyTable.maximumDimension) rows and columns "
                + "(got \(counts.count) x \(width))")
        }
        for (i, row) in counts.enumerated() {
            for (j, x) in row.enumerated() where x < 0 {
                throw .invalidInput("counts cannot be negative (row \(i + 1), column \(j + 1) is \(x))")
            }
        }
        let rowTotals = counts.map { $0.reduce(0, +) }
        let total = rowTotals.reduce(0, +)
        guard total <= ContingencyTable.maximumTotal else {
            throw .invalidInput("the table's total \(total) exceeds \(ContingencyTable.maximumTotal)")
        }
        let columnTotals = (0..<width).map { j in counts.reduce(0) { $0 + $1[j] } }
        if let i = rowTotals.firstIndex(of: 0) {
            throw .insufficientData("row \(i + 1) of the table has no observations; remove it")
        }
        if let j = columnTotals.firstIndex(of: 0) {
            throw .insufficientData("column \(j + 1) of the table has no observations; remove it")
        }
        self.counts = counts
        self.rowTotals = rowTotals
        self.columnTotals = columnTotals
        self.total = total
    }

    /// Expected counts under independence, E_ij = r_i c_j / n.
    public var expected: [[Double]] {
        counts.indices.map { i in
            (0..<columns).map { j in Double(rowTotals[i]) * Double(columnTotals[j]) / Double(total) }
        }
    }
}
