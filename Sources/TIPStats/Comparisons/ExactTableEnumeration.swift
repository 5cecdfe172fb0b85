import Foundation

/// The exact two-sided p-value of Fisher's test for an r x c table: the total probability of
/// the tables with its margins that are no more probable than the observed one.
///
/// Tables are built column by column, accumulating sum log n_ij! over the cells fixed so far
/// (`partial`); a table's probability is P(T) = exp(K - sum log n_ij!), K = sum log r_i! +
/// sum log c_j! - log n!. A table counts when sum log n_ij! >= observed - log(1 + 1e-7) (R's
/// tolerance for ties). As in Mehta and Patel's network algorithm, whole subtrees are settled
/// at once: for the columns still open, with row sums R still to fill, the rest of the sum,
/// sum log n_ij!, lies between
/// - a lower bound: the larger of (each column spread as evenly as the rows' room allows) and
///   (each row spread as evenly as the columns allow), since log k! is convex; and
/// - an upper bound: the smaller of sum log c_j! and sum log R_i! (n_1! n_2! ... <= (n_1 + n_2 + ...)!).
/// If even the lower bound counts, every completion counts, and their probabilities sum in
/// closed form, sum over completions of prod 1/n_ij! = N! / (prod R_i! prod c_j!); if even the
/// upper bound does not, none does. Otherwise the next column is enumerated.
/// Probabilities are summed relative to the observed table's, so nothing under- or overflows.
/// The work is bounded: at most `maximumNodes` columns filled or subtrees settled.
struct ExactTableEnumeration {
    let pValue: Double
    /// Tables enumerated one by one or settled in subtrees.
    let nodes: Int

    init(_ table: ContingencyTable, logFactorial: [Double], maximumNodes: Int) throws(StatsError) {
        let r = table.rows, c = table.columns
        let columns = table.columnTotals
        let observed = table.counts.reduce(0) { $0 + $1.reduce(0) { $0 + logFactorial[$1] } }
        let constant = table.rowTotals.reduce(0) { $0 + logFactorial[$1] } + columns.reduce(0) { $0 + logFactorial[$1] }
            - logFactorial[table.total]
        let cutoff = observed - log1p(FisherExactTest.tieTolerance)
        // Sum of log c_j! over columns j..c-1.
        var columnTail = Array(repeating: 0.0, count: c + 1)
        for j in stride(from: c - 1, through: 0, by: -1) { columnTail[j] = columnTail[j + 1] + logFactorial[columns[j]] }

        var rowLeft = table.rowTotals
        var relativeSum = 0.0
        var count = 0
        var exceeded = false

        // The smallest sum log n_i! of `amount` units split over cells with the given room.
        func evenSplit(_ amount: Int, room: [Int]) -> Double {
            var remaining = amount, cellsLeft = room.count, total = 0.0
            for cap in room.sorted() {
                let share = (remaining + cellsLeft - 1) / cellsLeft
                let given = min(cap, share)
                total += logFactorial[given]
                remaining -= given
                cellsLeft -= 1
            }
            return total
        }

        // Settles the subtree of columns j..c-1 if the bounds allow; true when settled.
        func settle(column j: Int, partial: Double) -> Bool {
            let open = rowLeft.filter { $0 > 0 }
            let upper = min(columnTail[j], open.reduce(0) { $0 + logFactorial[$1] })
            if partial + upper < cutoff { return true }
            let columnsLeft = Array(columns[j...])
            let byColumns = columnsLeft.reduce(0) { $0 + evenSplit($1, room: open) }
            let byRows = open.reduce(0) { $0 + evenSplit($1, room: columnsLeft) }
            guard partial + max(byColumns, byRows) >= cutoff else { return false }
            // Every completion counts: add exp(observed - partial) N! / (prod R_i! prod c_j!).
            let units = open.reduce(0, +)
            let completions = logFactorial[units] - open.reduce(0) { $0 + logFactorial[$1] } - columnTail[j]
            relativeSum += exp(observed - partial + completions)
            return true
        }

        // Fills column j from row i on, with `need` units of the column still to place.
        func fill(column j: Int, row i: Int, need: Int, partial: Double) {
            if exceeded { return }
            if i == 0 {
                count += 1
                if count > maximumNodes { exceeded = true; return }
                if j == c - 1 {
                    // The last column takes what each row still lacks.
                    let total = partial + rowLeft.reduce(0) { $0 + logFactorial[$1] }
                    if total >= cutoff { relativeSum += exp(observed - total) }
                    return
                }
                if settle(column: j, partial: partial) { return }
            }
            if i == r - 1 {
                guard need <= rowLeft[i] else { return }
                rowLeft[i] -= need
                fill(column: j + 1, row: 0, need: columns[j + 1], partial: partial + logFactorial[need])
                rowLeft[i] += need
                return
            }
            // Rows below i can take at most what they still lack.
            let capacityBelow = rowLeft[(i + 1)...].reduce(0, +)
            let low = max(0, need - capacityBelow), high = min(need, rowLeft[i])
            guard low <= high else { return }
            for x in low...high {
                rowLeft[i] -= x
                fill(column: j, row: i + 1, need: need - x, partial: partial + logFactorial[x])
                rowLeft[i] += x
                if exceeded { return }
            }
        }
        fill(column: 0, row: 0, need: columns[0], partial: 0)
        guard !exceeded else {
            throw .invalidInput("the exact p-value needs more than \(maximumNodes) steps of enumeration for this table; "
                + "use the Monte Carlo p-value")
        }
        pValue = min(1, exp(constant - observed) * relativeSum)
        nodes = count
    }
}
