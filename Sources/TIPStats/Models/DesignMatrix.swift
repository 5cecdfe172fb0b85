/// The model matrix X of a regression with an intercept: R's `model.matrix(~ x1 + x2 + ...)`
/// with treatment contrasts.
///
/// Column 0 is the intercept `(Intercept)`; each numeric predictor adds its values; each factor
/// adds one 0/1 indicator column per non-reference level (see ``RegressionPredictor``). The
/// model therefore has 1 + sum over predictors of (1 or k - 1) coefficients, and a design with
/// fewer rows than that, or with dependent columns, is refused when it is fitted.
///
/// ```swift
/// let x = try DesignMatrix(predictors: [
///     .numeric(name: "year", values: [2014, 2015, 2016, 2017]),
///     .factor(name: "agency", values: ["DCF", "DCF", "police", "police"]),
/// ])
/// x.names   // ["(Intercept)", "year", "agencypolice"]
/// x.columns[2] // [0, 0, 1, 1]
/// ```
public struct DesignMatrix: Sendable, Hashable {
    /// Most levels a factor may have; more is almost surely an identifier column read as a factor.
    public static let maximumLevels = 200

    /// The column names, intercept first.
    public let names: [String]
    /// The columns, each `rows` long.
    public let columns: [[Double]]
    public let rows: Int

    /// - Parameter rows: the number of observations, when there is no predictor to tell it.
    /// - Throws: ``StatsError``: predictors of different lengths, a non-finite numeric value, a
    ///   factor with one level or more than ``maximumLevels``, a reference level not among the
    ///   factor's values, or two columns with the same name.
    public init(predictors: [RegressionPredictor], rows: Int? = nil) throws(StatsError) {
        let n = rows ?? predictors.first?.count ?? 0
        var names = [LinearRegression.interceptName]
        var columns = [Array(repeating: 1.0, count: n)]
        for predictor in predictors {
            guard predictor.count == n else {
                throw .invalidInput("predictor '\(predictor.name)' has \(predictor.count) values but the model has \(n) rows")
            }
            switch predictor {
            case .numeric(let name, let values):
                for (i, x) in values.enumerated() { try StatsError.checkFinite(x, "predictor '\(name)' value \(i + 1)") }
                names.append(name)
                columns.append(values)
            case .factor(let name, let values, let reference):
                let levels = Array(Set(values)).sorted()
                guard levels.count <= DesignMatrix.maximumLevels else {
                    throw .invalidInput("factor '\(name)' has \(levels.count) levels; at most \(DesignMatrix.maximumLevels) are allowed")
                }
                guard levels.count >= 2 else {
                    throw StatsError(.singularDesign, "factor '\(name)' has only one level ('\(levels.first ?? "")'), so it has no effect to estimate")
                }
                let base = reference ?? levels[0]
                guard levels.contains(base) else {
                    throw .invalidInput("reference level '\(base)' is not a value of factor '\(name)' (levels: "
                        + levels.map { "'\($0)'" }.joined(separator: ", ") + ")")
                }
                for level in levels where level != base {
                    names.append(name + level)
                    columns.append(values.map { $0 == level ? 1 : 0 })
                }
            }
        }
        var seen = Set<String>()
        for name in names where !seen.insert(name).inserted {
            throw .invalidInput("two columns of the design are named '\(name)'; rename a predictor")
        }
        self.names = names
        self.columns = columns
        self.rows = n
    }
}
