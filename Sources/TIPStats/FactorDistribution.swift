import Foundation

/// The uncertainty of one factor of a model, as a probability distribution to sample in a Monte
/// Carlo propagation (GUM Supplement 1), drawn by inverse CDF from a uniform in (0, 1).
///
/// Text forms (`init(parsing:)`), as a user types them on the command line:
/// - `fixed(182)` or a bare number `182`: no uncertainty;
/// - `uniform(90,365)`: every value between low and high equally likely;
/// - `triangular(0.5,1,3)`: low, mode, high; the most likely value is the mode;
/// - `lognormal(456,1.5)`: median and geometric standard deviation (GSD); the factor is
///   exp(N(log median, log GSD)), so about 68% of draws lie within median / GSD to
///   median x GSD and 95% within median / GSD^1.96 to median x GSD^1.96. Also
///   `lognormal(median=456,gsd=1.5)` and `lognormal(meanlog=6.12,sdlog=0.405)` (the
///   parameters of the underlying normal, as R's `rlnorm`).
///
/// ```swift
/// let d = try FactorDistribution(parsing: "triangular(0.5, 1, 3)")
/// d.quantile(0.5) // 1.4188...: 3 - sqrt(2.5)
/// ```
public enum FactorDistribution: Sendable, Hashable, Codable, CustomStringConvertible {
    case fixed(Double)
    case uniform(low: Double, high: Double)
    case triangular(low: Double, mode: Double, high: Double)
    /// exp(N(log median, log geometricSD)).
    case lognormal(median: Double, geometricSD: Double)

    /// The lognormal with meanlog and sdlog, the mean and SD of its logarithm.
    public static func lognormal(meanlog: Double, sdlog: Double) -> FactorDistribution {
        .lognormal(median: exp(meanlog), geometricSD: exp(sdlog))
    }

    /// The value at cumulative probability u in (0, 1).
    public func quantile(_ u: Double) -> Double {
        switch self {
        case .fixed(let v):
            return v
        case let .uniform(a, b):
            return a + u * (b - a)
        case let .triangular(a, c, b):
            // F(x) = (x - a)^2 / ((b - a)(c - a)) up to the mode, 1 - (b - x)^2 / ((b - a)(b - c)) after.
            let fc = (c - a) / (b - a)
            return u < fc ? a + (u * (b - a) * (c - a)).squareRoot()
                          : b - ((1 - u) * (b - a) * (b - c)).squareRoot()
        case let .lognormal(median, gsd):
            return median * exp(log(gsd) * Distributions.normalQuantile(u))
        }
    }

    /// The canonical text form, which `init(parsing:)` reads back.
    public var description: String {
        switch self {
        case .fixed(let v): return "fixed(\(v))"
        case let .uniform(a, b): return "uniform(\(a),\(b))"
        case let .triangular(a, c, b): return "triangular(\(a),\(c),\(b))"
        case let .lognormal(m, g): return "lognormal(\(m),\(g))"
        }
    }

    /// Whether every value the distribution can take is positive (so it may divide).
    public var isPositive: Bool {
        switch self {
        case .fixed(let v): return v > 0
        case .uniform(let a, _), .triangular(let a, _, _): return a > 0
        case .lognormal: return true
        }
    }

    /// Throws ``StatsError`` when the parameters do not describe a distribution.
    public func validate() throws(StatsError) {
        func fail(_ message: String) -> StatsError { StatsError(.invalidSpecification, message) }
        let parameters: [Double]
        switch self {
        case .fixed(let v): parameters = [v]
        case let .uniform(a, b): parameters = [a, b]
        case let .triangular(a, c, b): parameters = [a, c, b]
        case let .lognormal(m, g): parameters = [m, g]
        }
        guard parameters.allSatisfy(\.isFinite) else { throw fail("\(self): parameters must be finite numbers") }
        switch self {
        case .fixed:
            return
        case let .uniform(a, b):
            guard a < b else { throw fail("\(self): uniform needs low < high") }
        case let .triangular(a, c, b):
            guard a <= c, c <= b, a < b else { throw fail("\(self): triangular needs low <= mode <= high and low < high") }
        case let .lognormal(m, g):
            guard m > 0, g >= 1 else {
                throw fail("\(self): lognormal needs a positive median and a geometric SD of at least 1")
            }
        }
    }

    /// Parses the text forms listed above; spaces are ignored.
    ///
    /// - Throws: ``StatsError`` (invalidSpecification) naming what is wrong with the text.
    public init(parsing text: String) throws(StatsError) {
        func fail(_ message: String) -> StatsError {
            StatsError(.invalidSpecification, "cannot read distribution '\(text)': \(message)")
        }
        let compact = text.filter { !$0.isWhitespace }
        guard !compact.isEmpty else { throw fail("it is empty") }
        if let v = Double(compact) {
            guard v.isFinite else { throw fail("the value must be finite") }
            self = .fixed(v)
            return
        }
        guard let open = compact.firstIndex(of: "(") else {
            throw fail("expected a number or name(parameters), e.g. triangular(0.5,1,3)")
        }
        guard compact.last == ")" else { throw fail("missing ')' at the end") }
        let name = compact[..<open].lowercased()
        let fields = compact[compact.index(after: open)..<compact.index(before: compact.endIndex)]
            .split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        // Each field is a number, optionally preceded by a keyword: "sdlog=0.4".
        var keywords: [String?] = []
        var values: [Double] = []
        for field in fields {
            let parts = field.split(separator: "=", maxSplits: 1).map(String.init)
            let number = parts.count == 2 ? parts[1] : field
            guard let v = Double(number), v.isFinite else { throw fail("'\(number)' is not a finite number") }
            keywords.append(parts.count == 2 ? parts[0].lowercased() : nil)
            values.append(v)
        }
        func expect(_ names: [String]) throws(StatsError) {
            guard values.count == names.count else {
                throw fail("\(name) takes \(names.count) number\(names.count == 1 ? "" : "s") "
                    + "(\(names.joined(separator: ", "))), got \(values.count)")
            }
        }
        switch name {
        case "fixed":
            try expect(["value"])
            self = .fixed(values[0])
        case "uniform":
            try expect(["low", "high"])
            self = .uniform(low: values[0], high: values[1])
        case "triangular":
            try expect(["low", "mode", "high"])
            self = .triangular(low: values[0], mode: values[1], high: values[2])
        case "lognormal":
            try expect(["median", "gsd"])
            switch (keywords[0], keywords[1]) {
            case (nil, nil), ("median", "gsd"):
                self = .lognormal(median: values[0], geometricSD: values[1])
            case ("meanlog", "sdlog"):
                guard values[1] >= 0 else { throw fail("sdlog cannot be negative") }
                self = .lognormal(meanlog: values[0], sdlog: values[1])
            default:
                throw fail("lognormal takes (median, gsd), (median=, gsd=) or (meanlog=, sdlog=)")
            }
        default:
            throw fail("unknown distribution '\(name)'; expected fixed(value), uniform(low,high), "
                + "triangular(low,mode,high) or lognormal(median,gsd)")
        }
        if name != "lognormal", let keyword = keywords.compactMap({ $0 }).first {
            throw fail("\(name) takes its numbers in order, without names like '\(keyword)='")
        }
        try validate()
    }
}
