import TIPText
import Foundation

/// A segmented (joinpoint) log-linear trend for counts: log mu_t = b0 + b1 t + sum_k d_k (t - tau_k)_+
/// + covariates + log(exposure_t), continuous at each joinpoint tau_k, with 0 to K joinpoints
/// and their number chosen by permutation tests as the NCI Joinpoint program does
/// (Kim, Fay, Feuer and Midthune 2000).
///
/// - Fitting: Poisson (or quasi-Poisson) maximum likelihood by IRLS for every admissible set of
///   joinpoints among the observed times (grid search; see `JoinpointSearch` for the gaps a set
///   must keep), the best set for each k = 0...K kept. Partial periods enter through their
///   exposure as an offset, so nine months count as nine months; seasonal terms
///   (``SeasonalHarmonics``) or other covariates enter every model alike.
/// - Choosing k: sequential tests of H0: k = ka against H1: k = kb, starting from ka = Kmin
///   (0 by default), kb = K; reject, and ka increases by one, when the p-value is below
///   alpha / (K - ka)
///   (Joinpoint's rule since version 3.0, which bounds the chance of choosing too many
///   joinpoints by alpha); otherwise kb decreases by one; until ka = kb. Each test's statistic
///   is the deviance ratio D(ka) / D(kb) (the Poisson form of Kim et al.'s SSE ratio); its
///   null distribution comes from `permutations` data sets y* = mu0 + sqrt(mu0) r_pi: the
///   Pearson residuals r of the ka-joinpoint fit, permuted and put back on its fitted values
///   mu0 (Kim et al. permute the standardised residuals of their weighted model the same way);
///   a value below zero, possible where mu0 is small, is set to 0. Both models are refitted to
///   each data set by the same grid search, and p = (1 + #{T* >= T}) / (1 + permutations used)
///   (a data set on which a fit fails is not used). Seeded: the same seed gives the same p.
/// - Reported per segment: the slope (log rate ratio per unit of time) b1 + sum of the d_k of
///   the joinpoints before it, its standard error from the covariance of the selected model,
///   and the annual percent change APC = 100 (exp(slope) - 1) with the interval
///   100 (exp(slope -+ q se) - 1), q normal (Poisson) or t on the residual df (quasi-Poisson).
///   These intervals treat the joinpoints as known: they ignore the uncertainty of where the
///   trend bends, so they are too narrow, most near the joinpoints (as Joinpoint's parametric
///   intervals).
///
/// Use time in years for an annual percent change; for monthly counts, decimal years with
/// harmonics of period 1. Counts that vary more than Poisson (see the selected `fit`'s
/// dispersion test) call for the quasi-Poisson family, whose intervals widen by sqrt(phi).
///
/// ```swift
/// let trend = try JoinpointRegression(
///     counts: [4, 30, 31, 13, 20, 35, 94, 133, 151, 160, 170, 150, 140, 120, 118, 110, 77],
///     times: (2000...2016).map(Double.init), exposure: Array(repeating: 1, count: 16) + [0.75],
///     maximumJoinpoints: 1, family: .quasiPoisson, permutations: 999, seed: 42)
/// trend.joinpoints      // [2008]
/// trend.segments[0].apc // 45.1: +45% a year to 2008 (95% CI 32.5 to 58.9)
/// trend.segments[1].apc // -5.7: -5.7% a year since (CI -10.4 to -0.8)
/// ```
public struct JoinpointRegression: Sendable, Hashable {
    public struct Segment: Sendable, Hashable {
        public let startTime: Double
        public let endTime: Double
        public let slope: Double
        public let stdError: Double
        public let p: Double
        public let apc: Double
        public let apcLow: Double
        public let apcHigh: Double
    }

    /// The best model with a given number of joinpoints.
    public struct Model: Sendable, Hashable {
        public let joinpoints: [Double]
        public let deviance: Double
    }

    public struct PermutationTest: Sendable, Hashable {
        public let nullJoinpoints: Int
        public let alternativeJoinpoints: Int
        /// D(null) / D(alternative).
        public let statistic: Double
        public let pValue: Double
        /// The level the p-value was compared with: alpha / (K - nullJoinpoints).
        public let testLevel: Double
        public let rejected: Bool
        /// Permuted data sets on which both models could be fitted.
        public let permutationsUsed: Int
    }

    public static let maximumJoinpointCount = 5
    public static let maximumObservations = 10_000
    public static let maximumPermutations = 100_000
    /// Most model fits the grid searches and permutation tests may need (worst case).
    public static let maximumFits = 20_000_000

    public let family: CountFamily
    public let level: Double
    public let alpha: Double
    public let permutations: Int
    public let seed: UInt64
    /// The selected joinpoints (times).
    public let joinpoints: [Double]
    public let segments: [Segment]
    /// The best model for each k = 0...K.
    public let models: [Model]
    public let tests: [PermutationTest]
    /// The selected model: coefficients `(Intercept)`, `time`, `hinge1`..., then the covariates.
    public let fit: CountRegression

    /// - Parameters:
    ///   - times: strictly increasing, one per count.
    ///   - covariates: entered in every model (seasonal harmonics, other predictors).
    ///   - minimumJoinpoints: Kmin, the fewest joinpoints the selection may return (0 by default;
    ///     Kmin = K fits that many without testing).
    ///   - maximumJoinpoints: K, at most ``maximumJoinpointCount``.
    ///   - family: `.poisson` or `.quasiPoisson`.
    ///   - endGap, interiorGap: observations required between a joinpoint and either end, and
    ///     between two joinpoints (excluding the joinpoints).
    /// - Throws: ``StatsError`` for bad input, a K the series cannot hold with these gaps,
    ///   permutations out of range, a search beyond ``maximumFits`` fits, or no fit.
    public init(counts: [Int], times: [Double], exposure: [Double]? = nil, covariates: [RegressionPredictor] = [],
                minimumJoinpoints: Int = 0, maximumJoinpoints: Int = 2, family: CountFamily = .poisson, endGap: Int = 2, interiorGap: Int = 2,
                permutations: Int = 4499, seed: UInt64, alpha: Double = 0.05, level: Double = 0.95) throws(StatsError) {
        try StatsError.checkLevel(level)
        let n = counts.count
        guard family != .negativeBinomial else {
            throw .invalidInput("joinpoint trends take the Poisson or quasi-Poisson family")
        }
        guard alpha > 0, alpha < 1 else { throw .invalidInput("alpha must lie strictly between 0 and 1 (got \(alpha))") }
        guard (0...JoinpointRegression.maximumJoinpointCount).contains(maximumJoinpoints) else {
            throw .invalidInput("the number of joinpoints must lie between 0 and \(JoinpointRegression.maximumJoinpointCount) (got \(maximumJoinpoints))")
        }
        guard (0...maximumJoinpoints).contains(minimumJoinpoints) else {
            throw .invalidInput("the minimum number of joinpoints must lie between 0 and the maximum, \(maximumJoinpoints) (got \(minimumJoinpoints))")
        }
        guard (1...JoinpointRegression.maximumPermutations).contains(permutations) else {
            throw .invalidInput("permutations must lie between 1 and \(JoinpointRegression.maximumPermutations) (got \(permutations))")
        }
        guard endGap >= 1, interiorGap >= 0 else {
            throw .invalidInput("the end gap must be at least 1 and the interior gap at least 0 (got \(endGap) and \(interiorGap))")
        }
        guard n <= JoinpointRegression.maximumObservations else {
            throw .invalidInput("a joinpoint trend takes at most \(JoinpointRegression.maximumObservations) observations (got \(n))")
        }
        guard times.count == n else { throw .invalidInput("there are \(n) counts but \(times.count) times") }
        for (i, t) in times.enumerated() { try StatsError.checkFinite(t, "time \(i + 1)") }
        for i in times.indices.dropFirst() where times[i] <= times[i - 1] {
            throw .invalidInput("times must increase strictly (time \(i + 1), \(times[i]), follows \(times[i - 1]))")
        }
        let covariateDesign = try DesignMatrix(predictors: covariates, rows: n)
        let search = JoinpointSearch(times: times, offset: exposure?.map { log($0) } ?? Array(repeating: 0, count: n),
                                     covariates: Array(covariateDesign.columns.dropFirst()),
                                     covariateNames: Array(covariateDesign.names.dropFirst()),
                                     endGap: endGap, interiorGap: interiorGap)
        let candidateCounts = (0...maximumJoinpoints).map {
            JoinpointSearch.candidateCount(n: n, k: $0, endGap: endGap, interiorGap: interiorGap)
        }
        if let k = candidateCounts.firstIndex(of: 0) {
            throw .insufficientData("a series of \(n) observations admits at most \(k - 1) joinpoint\(k - 1 == 1 ? "" : "s") "
                + "with \(endGap) observations to either end and \(interiorGap) between joinpoints (asked for \(maximumJoinpoints))")
        }
        let worstCase = candidateCounts.reduce(0, +)
            + Double(maximumJoinpoints - minimumJoinpoints) * Double(permutations) * 2 * (candidateCounts.max() ?? 0)
        guard worstCase <= Double(JoinpointRegression.maximumFits) else {
            throw .invalidInput("the grid search and permutation tests could need \(DecimalText.scientific(worstCase, digits: 2)) model fits, more than "
                + "\(JoinpointRegression.maximumFits); lower the permutations or the maximum number of joinpoints")
        }
        let candidates = (0...maximumJoinpoints).map { search.candidates($0) }

        // The selected model, fitted in full (with the exposure and family checks of CountRegression).
        func model(_ set: [Int]) throws(StatsError) -> CountRegression {
            let hinges = set.enumerated().map { k, i in
                RegressionPredictor.numeric(name: "hinge\(k + 1)", values: times.map { max($0 - times[i], 0) })
            }
            return try CountRegression(counts: counts, predictors: [.numeric(name: "time", values: times)] + hinges + covariates,
                                       exposure: exposure, family: family, level: level, profile: false)
        }
        let baseline = try model([]) // validates counts and exposure
        let y = counts.map(Double.init)
        var best: [(joinpoints: [Int], fit: CountModelFit)] = []
        for k in 0...maximumJoinpoints {
            guard let fit = search.best(k, y: y, candidates: candidates[k], start: nil) else {
                throw StatsError(.noConvergence, "no \(k)-joinpoint model could be fitted (the rates run to zero in every candidate's segment)")
            }
            best.append(fit)
        }
        models = best.map { Model(joinpoints: $0.joinpoints.map { times[$0] }, deviance: $0.fit.deviance) }

        // Sequential permutation tests.
        var generator = Xoshiro256StarStar(seed: seed)
        var tests: [PermutationTest] = []
        var (ka, kb) = (minimumJoinpoints, maximumJoinpoints)
        while ka < kb {
            let statistic = JoinpointRegression.ratio(best[ka].fit.deviance, best[kb].fit.deviance)
            let mu0 = best[ka].fit.mu
            let residuals = zip(y, mu0).map { ($0 - $1) / $1.squareRoot() }
            var extreme = 0, used = 0
            for _ in 0..<permutations {
                let shuffled = JoinpointRegression.shuffle(residuals, using: &generator)
                let yStar = mu0.indices.map { max(0, mu0[$0] + mu0[$0].squareRoot() * shuffled[$0]) }
                guard let null = search.best(ka, y: yStar, candidates: candidates[ka], start: best[ka].fit.eta),
                      let alternative = search.best(kb, y: yStar, candidates: candidates[kb], start: best[ka].fit.eta) else { continue }
                used += 1
                if JoinpointRegression.ratio(null.fit.deviance, alternative.fit.deviance) >= statistic * (1 - 64 * Double.ulpOfOne) {
                    extreme += 1
                }
            }
            let p = Double(1 + extreme) / Double(1 + used)
            let testLevel = alpha / Double(maximumJoinpoints - ka)
            let rejected = p < testLevel
            tests.append(PermutationTest(nullJoinpoints: ka, alternativeJoinpoints: kb, statistic: statistic, pValue: p,
                                         testLevel: testLevel, rejected: rejected, permutationsUsed: used))
            if rejected { ka += 1 } else { kb -= 1 }
        }
        self.tests = tests
        let selected = best[ka].joinpoints
        let fit = selected.isEmpty ? baseline : try model(selected)
        self.fit = fit
        joinpoints = selected.map { times[$0] }

        // Segment slopes: time's coefficient plus the hinges before the segment.
        let quantile = family == .quasiPoisson ? Distributions.studentTQuantile((1 + level) / 2, df: Double(fit.dfResidual))
                                               : Distributions.normalQuantile((1 + level) / 2)
        let bounds = [times[0]] + joinpoints + [times[n - 1]]
        segments = (0...selected.count).map { s in
            let terms = Array(1...(s + 1)) // time, hinge1...hinge_s
            let slope = terms.reduce(0) { $0 + fit.coefficients[$1].estimate }
            let variance = terms.reduce(0) { sum, a in terms.reduce(sum) { $0 + fit.covariance[a][$1] } }
            let se = variance.squareRoot()
            let p = family == .quasiPoisson ? Distributions.studentTTwoSidedP(slope / se, df: Double(fit.dfResidual))
                                            : Distributions.normalTwoSidedP(slope / se)
            return Segment(startTime: bounds[s], endTime: bounds[s + 1], slope: slope, stdError: se, p: p,
                           apc: 100 * (exp(slope) - 1), apcLow: 100 * (exp(slope - quantile * se) - 1),
                           apcHigh: 100 * (exp(slope + quantile * se) - 1))
        }
        self.family = family
        self.level = level
        self.alpha = alpha
        self.permutations = permutations
        self.seed = seed
    }

    /// D0 / D1, infinite when the alternative fits exactly and the null does not.
    static func ratio(_ d0: Double, _ d1: Double) -> Double {
        d1 > 0 ? d0 / d1 : (d0 > 0 ? .infinity : 1)
    }

    /// A uniformly random permutation (Fisher-Yates; unbiased integers by rejection).
    static func shuffle(_ values: [Double], using generator: inout Xoshiro256StarStar) -> [Double] {
        var v = values
        for i in stride(from: v.count - 1, to: 0, by: -1) {
            let bound = UInt64(i + 1)
            var x: UInt64
            repeat { x = generator.next() } while x >= UInt64.max - UInt64.max % bound
            v.swapAt(i, Int(x % bound))
        }
        return v
    }
}
