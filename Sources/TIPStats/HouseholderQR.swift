/// Householder QR factorisation X = QR of an n x p design (n >= p), in double-double
/// arithmetic, with the least-squares solve and the diagonal of (X'X)^-1 that standard errors
/// need.
///
/// Why double-double rather than float64 QR with iterative refinement: the relative error of a
/// backward-stable QR solution is about eps k + eps k^2 |r| / (|X| |b|), with k the condition
/// number of the column-scaled design and r the residual. In float64 (eps = 1.1e-16) that
/// leaves 8 digits on Filip (k = 5e9) and 6 on Wampler5 (k = 2e3, but residuals ten million
/// times larger than the signal). Refining the solution can recover the coefficients, but the
/// standard errors come from R^-1, whose error stays eps k. In double-double (eps about 1e-32)
/// the same algorithm gives at least 13 digits of every certified StRD value, coefficients,
/// standard errors, residual SD and R-squared alike; the designs here are small (tens of rows,
/// a handful of columns), so the ~20x cost of double-double arithmetic is immaterial.
///
/// The factorisation does not pivot, so columns keep the caller's order and a dependent column
/// is reported by its own name (see `firstDependentColumn`).
struct HouseholderQR {
    let rows: Int
    let columns: Int
    /// Column-major working storage: on and above the diagonal, R; below it, the Householder
    /// vectors (their first components are kept in `vectorHeads`).
    private var a: [[DoubleDouble]]
    private var vectorHeads: [DoubleDouble]
    /// v'v of each reflector; zero where the column was already zero (no reflection).
    private var vectorNormsSquared: [DoubleDouble]
    private var columnNorms: [DoubleDouble]

    init(columns design: [[DoubleDouble]]) {
        precondition(!design.isEmpty && design.allSatisfy { $0.count == design[0].count })
        rows = design[0].count
        columns = design.count
        precondition(rows >= columns, "QR needs at least as many rows as columns")
        a = design
        vectorHeads = Array(repeating: .zero, count: columns)
        vectorNormsSquared = Array(repeating: .zero, count: columns)
        columnNorms = design.map { DoubleDouble.dot($0, $0).squareRoot() }
        for k in 0..<columns { reflect(column: k) }
    }

    /// Builds the reflector H = I - 2 v v' / v'v that maps a[k][k...] onto -sign(x0)|x| e1 and
    /// applies it to the remaining columns. The sign is chosen so that v0 = x0 + sign(x0)|x|
    /// involves no cancellation.
    private mutating func reflect(column k: Int) {
        var norm = DoubleDouble.zero
        for i in k..<rows { norm += a[k][i] * a[k][i] }
        norm = norm.squareRoot()
        guard !norm.isZero else { return } // a zero column: R[k][k] = 0, caught by the rank check
        let x0 = a[k][k]
        let alpha = x0 < .zero ? norm : -norm
        vectorHeads[k] = x0 - alpha
        a[k][k] = alpha
        // v'v = (x0 - alpha)^2 + (|x|^2 - x0^2) = 2 |x| (|x| + |x0|).
        vectorNormsSquared[k] = DoubleDouble(2) * norm * (norm + x0.magnitude)
        for j in (k + 1)..<columns {
            a[j] = applyReflector(k, to: a[j])
        }
    }

    /// v'y for reflector k, then y - (2 v'y / v'v) v, on rows k...
    private func applyReflector(_ k: Int, to y: [DoubleDouble]) -> [DoubleDouble] {
        let vtv = vectorNormsSquared[k]
        guard !vtv.isZero else { return y }
        var y = y
        var s = vectorHeads[k] * y[k]
        for i in (k + 1)..<rows { s += a[k][i] * y[i] }
        let f = DoubleDouble(2) * s / vtv
        y[k] -= f * vectorHeads[k]
        for i in (k + 1)..<rows { y[i] -= f * a[k][i] }
        return y
    }

    /// R[i][j], i <= j.
    private func r(_ i: Int, _ j: Int) -> DoubleDouble { a[j][i] }

    /// |R[j][j]| / |X_j|: the fraction of column j's norm that lies outside the span of the
    /// columns before it (1 for orthogonal columns, 0 for a dependent one).
    func independentFraction(_ j: Int) -> Double {
        columnNorms[j].isZero ? 0 : (r(j, j).magnitude / columnNorms[j]).value
    }

    /// Index of the first column whose independent fraction is below `tolerance`.
    func firstDependentColumn(tolerance: Double) -> Int? {
        (0..<columns).first { independentFraction($0) < tolerance }
    }

    /// The least-squares solution b minimising |y - Xb|: R b = (Q'y)[0..<p].
    func solve(_ y: [DoubleDouble]) -> [DoubleDouble] {
        var qty = y
        for k in 0..<columns { qty = applyReflector(k, to: qty) }
        var b = Array(repeating: DoubleDouble.zero, count: columns)
        for i in stride(from: columns - 1, through: 0, by: -1) {
            var s = qty[i]
            for j in (i + 1)..<columns { s -= r(i, j) * b[j] }
            b[i] = s / r(i, i)
        }
        return b
    }

    /// diag((X'X)^-1) = squared row norms of R^-1, since (X'X)^-1 = R^-1 R^-T.
    func unscaledVariances() -> [DoubleDouble] {
        let inverse = inverseOfR()
        return (0..<columns).map { i in DoubleDouble.sum((i..<columns).map { inverse[$0][i] * inverse[$0][i] }) }
    }

    /// The whole of (X'X)^-1 = R^-1 R^-T, for the covariance of sums of coefficients.
    func unscaledCovariance() -> [[DoubleDouble]] {
        let inverse = inverseOfR()
        return (0..<columns).map { i in
            (0..<columns).map { j in DoubleDouble.sum((max(i, j)..<columns).map { inverse[$0][i] * inverse[$0][j] }) }
        }
    }

    /// R^-1 by columns (upper triangular): column j solves R c = e_j by back substitution.
    private func inverseOfR() -> [[DoubleDouble]] {
        (0..<columns).map { j in
            var c = Array(repeating: DoubleDouble.zero, count: columns)
            c[j] = .one / r(j, j)
            for i in stride(from: j - 1, through: 0, by: -1) {
                var s = DoubleDouble.zero
                for m in (i + 1)...j { s += r(i, m) * c[m] }
                c[i] = -s / r(i, i)
            }
            return c
        }
    }
}

extension HouseholderQR {
    /// A column counts as dependent on the columns before it when less than 1e-13 of its norm
    /// lies outside their span. Columns derived from others in float64 (x3 = x1 + x2 rounded)
    /// leave about 1e-16 outside, which this catches with a thousandfold margin; the most nearly
    /// dependent column of any StRD problem (Filip's x^10, 5.2e-8) passes with a margin of five
    /// orders of magnitude. (R's `lm` uses 1e-7 with pivoting and so drops a column of Filip.)
    static let dependenceTolerance = 1e-13

    /// Throws ``StatsError`` naming the first column that depends on the ones before it.
    func requireFullRank(names: [String]) throws(StatsError) {
        guard let j = firstDependentColumn(tolerance: HouseholderQR.dependenceTolerance) else { return }
        let earlier = j == 0 ? "is zero" : "is a linear combination of "
            + names[..<j].map { "'\($0)'" }.joined(separator: ", ")
        throw StatsError(.singularDesign, "the design is singular: column '\(names[j])' \(earlier) "
            + "(less than 1e-13 of its norm lies outside their span); drop or combine columns")
    }
}
