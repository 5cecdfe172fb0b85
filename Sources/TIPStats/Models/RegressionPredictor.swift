/// One predictor of a regression model: a numeric column, or a factor (a categorical column)
/// entered with treatment coding against a reference level.
///
/// A numeric predictor enters the design as one column of its values. A factor with levels
/// L1 < L2 < ... < Lk (sorted by Unicode code points, R's `sort` in the C locale) enters as
/// k - 1 indicator columns, one for each level but the reference, named `name` + `level` as R
/// names them (`regionSouth`): its coefficient is the log rate ratio of that level against the
/// reference level. The reference is the first level unless `reference` names another
/// (R's `relevel`).
///
/// ```swift
/// let region = RegressionPredictor.factor(name: "region", values: ["North", "South", "South"],
///                                         reference: "South")
/// let year = RegressionPredictor.numeric(name: "year", values: [2014, 2015, 2016])
/// ```
public enum RegressionPredictor: Sendable, Hashable {
    case numeric(name: String, values: [Double])
    case factor(name: String, values: [String], reference: String? = nil)

    /// The predictor's name as given.
    public var name: String {
        switch self {
        case .numeric(let name, _), .factor(let name, _, _): name
        }
    }

    /// The number of observations the predictor has values for.
    public var count: Int {
        switch self {
        case .numeric(_, let values): values.count
        case .factor(_, let values, _): values.count
        }
    }
}
