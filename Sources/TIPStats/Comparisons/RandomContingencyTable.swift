import Foundation

/// Random r x c tables with given margins, uniformly under the multiple hypergeometric
/// distribution (independence, margins fixed): Patefield's algorithm (AS 159, 1981), the
/// method of R's `r2dtable`, which `chisq.test` and `fisher.test` use for Monte Carlo p-values.
///
/// Cells are drawn row by row; cell (l, m) given the cells before it is hypergeometric: of the
/// `remainingTotal` units left in columns m..c of the unfilled rows, `columnLeft[m]` lie in
/// column m, and row l still needs `rowLeft` of them. Each draw inverts the hypergeometric CDF
/// from its mode outwards (probabilities from log-factorials; no rejection), as AS 159 does.
/// The generator is `Xoshiro256StarStar`, so a seed gives the same tables everywhere (not R's
/// tables: R's generator differs).
struct RandomContingencyTable {
    let rowTotals: [Int]
    let columnTotals: [Int]
    /// logFactorial[k] = log k!, k = 0...n.
    let logFactorial: [Double]

    init(rowTotals: [Int], columnTotals: [Int]) {
        self.rowTotals = rowTotals
        self.columnTotals = columnTotals
        let n = rowTotals.reduce(0, +)
        logFactorial = RandomContingencyTable.logFactorials(upTo: n)
    }

    static func logFactorials(upTo n: Int) -> [Double] {
        var table = [0.0]
        table.reserveCapacity(n + 1)
        for k in stride(from: 1, through: n, by: 1) { table.append(Distributions.logGamma(Double(k) + 1)) }
        return table
    }

    /// One table, row-major.
    func draw(using generator: inout Xoshiro256StarStar) -> [[Int]] {
        let r = rowTotals.count, c = columnTotals.count
        var table = Array(repeating: Array(repeating: 0, count: c), count: r)
        var columnLeft = columnTotals
        var unitsLeft = rowTotals.reduce(0, +)
        for l in 0..<(r - 1) {
            var rowLeft = rowTotals[l]
            var remainingTotal = unitsLeft // units in columns m..c-1 of rows l..r-1
            for m in 0..<(c - 1) {
                let x = drawHypergeometric(white: columnLeft[m], total: remainingTotal, drawn: rowLeft, using: &generator)
                table[l][m] = x
                rowLeft -= x
                remainingTotal -= columnLeft[m]
                columnLeft[m] -= x
            }
            table[l][c - 1] = rowLeft
            columnLeft[c - 1] -= rowLeft
            unitsLeft -= rowTotals[l]
        }
        table[r - 1] = columnLeft
        return table
    }

    /// X ~ hypergeometric: white balls among `drawn` taken from `total`, of which `white` are
    /// white. Inversion of the CDF by a walk from the mode alternately down and up.
    private func drawHypergeometric(white: Int, total: Int, drawn: Int, using generator: inout Xoshiro256StarStar) -> Int {
        let black = total - white
        let low = max(0, drawn - black), high = min(drawn, white)
        if low == high { return low }
        func logProbability(_ x: Int) -> Double {
            logFactorial[white] - logFactorial[x] - logFactorial[white - x]
                + logFactorial[black] - logFactorial[drawn - x] - logFactorial[black - drawn + x]
                - (logFactorial[total] - logFactorial[drawn] - logFactorial[total - drawn])
        }
        let mode = min(max(Int((Double(drawn + 1) * Double(white + 1) / Double(total + 2)).rounded(.down)), low), high)
        var u = generator.nextUniform()
        let pMode = exp(logProbability(mode))
        u -= pMode
        if u <= 0 { return mode }
        // Probabilities of neighbours by the ratio recurrences, so no further exp.
        var down = mode, up = mode
        var pDown = pMode, pUp = pMode
        while down > low || up < high {
            if down > low {
                // p(x - 1) / p(x) = x (black - drawn + x) / ((white - x + 1)(drawn - x + 1))
                pDown *= Double(down) * Double(black - drawn + down) / (Double(white - down + 1) * Double(drawn - down + 1))
                down -= 1
                u -= pDown
                if u <= 0 { return down }
            }
            if up < high {
                // p(x + 1) / p(x) = (white - x)(drawn - x) / ((x + 1)(black - drawn + x + 1))
                pUp *= Double(white - up) * Double(drawn - up) / (Double(up + 1) * Double(black - drawn + up + 1))
                up += 1
                u -= pUp
                if u <= 0 { return up }
            }
        }
        // The probabilities summed to less than u by rounding (a chance of about 1e-15; AS 159
        // draws again): the mode, the likeliest value, stands in.
        return mode
    }
}
