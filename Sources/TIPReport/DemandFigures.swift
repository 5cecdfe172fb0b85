import TIPStats
import TIPCharts
import TIPDomain
import TIPTableCharts

/// The buyer-demand model's two figures, shared by `tipstat chart buyers` and the council's
/// figure set: the one-at-a-time sensitivity (a tornado of unique buyers) and the Monte Carlo
/// distribution (a histogram of unique buyers with its central interval). Every factor's base
/// value, source, range or distribution is stated in the notes, and so are the seed and the
/// number of draws, so a reader can see what is data and what is assumption and rerun it.
///
/// ```swift
/// let tornado = DemandFigures.tornado(model)                       // factors with a range
/// let histogram = DemandFigures.histogram(try model.simulate(seed: 2016), model: model)
/// ```
public enum DemandFigures {
    /// The factors' names as a reader says them.
    static func name(_ factor: DemandFactor) -> String { name(factor.name) }

    static func name(_ factor: String) -> String {
        switch factor {
        case "children": return "Children exploited"
        case "buyers_per_child_per_day": return "Buyers per child per day"
        case "days": return "Days of exploitation"
        case "visits_per_buyer": return "Transactions per buyer"
        default: return factor
        }
    }

    static let number = NumberFormat.decimal(3)
    static let buyers = NumberFormat.integer

    /// "children exploited 456 and days of exploitation 182 (TIP Council 2016 annual report, End
    /// Demand CT); transactions per buyer 1 (assumption: ...)": base values grouped by source.
    static func stated(_ factors: [DemandFactor]) -> String {
        var groups: [(source: String, parts: [String])] = []
        for f in factors {
            let part = "\(name(f).lowercased()) \(number.string(f.value))"
            let source = shortSource(f.source)
            if let i = groups.firstIndex(where: { $0.source == source }) { groups[i].parts.append(part) } else { groups.append((source, [part])) }
        }
        return groups.map { g in
            (g.parts.count == 1 ? g.parts[0] : g.parts.dropLast().joined(separator: ", ") + " and " + g.parts.last!) + " (\(g.source))"
        }.joined(separator: "; ")
    }

    /// "children exploited 228 to 684 (why)": each factor's assumption, with the reason given.
    static func assumptions(_ factors: [DemandFactor], _ describe: (DemandFactor) -> String, reasons: [String: String]) -> String {
        factors.map { f in "\(name(f).lowercased()) \(describe(f))" + (reasons[f.name].map { " (\($0))" } ?? "") }
            .joined(separator: "; ")
    }

    /// A factor's source without its quotation: what precedes `: “`.
    static func shortSource(_ source: String) -> String {
        source.components(separatedBy: ": \u{201C}").first ?? source
    }

    /// The formula with the base values: "456 × 1 × 182 / 1 = 82,992 unique buyers".
    static func formula(_ model: DemandModel) -> String {
        let v = model.factors.map { number.string($0.value) }
        return "\(v[0]) \u{00D7} \(v[1]) \u{00D7} \(v[2]) / \(v[3]) = \(buyers.string(model.pointEstimate().uniqueBuyers)) unique buyers"
    }

    /// What the model computes, said once for both figures.
    static let definition = "Transactions = children exploited \u{00D7} buyers per child per day \u{00D7} days; "
        + "unique buyers = transactions / transactions per buyer."

    /// The tornado of unique buyers: each factor with a range moved alone from its low to its
    /// high value, the others at base. Factors without a range are named in a note as held at
    /// base, so none disappears unexplained.
    ///
    /// - Parameters:
    ///   - text: title, subtitle, source, size, description and id that replace the generated
    ///     ones where given, and notes that come first (the axis titles are the figure's own).
    ///   - reasons: why each factor's range is what it is, by factor name, for the notes.
    public static func tornado(_ model: DemandModel, text: ChartText = ChartText(), reasons: [String: String] = [:]) -> ChartSpec {
        let rows = model.sensitivity()
        let byName = Dictionary(model.factors.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let base = model.pointEstimate().uniqueBuyers
        let factors = rows.map { r in
            TornadoChart.Factor(byName[r.factor].map(name) ?? r.factor, low: number.string(r.low), high: number.string(r.high),
                                outputAtLow: r.uniqueBuyersAtLow, outputAtHigh: r.uniqueBuyersAtHigh)
        }
        let ranged = model.factors.filter { $0.low != nil && $0.high != nil }
        let held = model.factors.filter { $0.low == nil || $0.high == nil }
        var notes = [definition + " Base: " + formula(model) + ", from " + stated(model.factors) + "."]
        notes.append("Ranges, assumed (not data): " + assumptions(ranged, { "\(number.string($0.low ?? 0)) to \(number.string($0.high ?? 0))" },
                                                             reasons: reasons) + ".")
        if !held.isEmpty {
            notes.append("Held at base, as no range was given: " + held.map { name($0).lowercased() }.joined(separator: ", ") + ".")
        }
        let subtitle: String
        if let top = rows.first, let f = byName[top.factor] {
            let (lo, hi) = (Swift.min(top.uniqueBuyersAtLow, top.uniqueBuyersAtHigh), Swift.max(top.uniqueBuyersAtLow, top.uniqueBuyersAtHigh))
            subtitle = "Moved alone over its range, \(name(f).lowercased()) takes the estimate from \(buyers.string(lo)) to "
                + "\(buyers.string(hi)) unique buyers, against \(buyers.string(base)) at the base values."
        } else {
            subtitle = "No factor has a range, so there is nothing to compare."
        }
        let title = rows.first.flatMap { byName[$0.factor] }.map { "The buyer estimate turns most on \(name($0).lowercased())" }
            ?? "Sensitivity of the buyer estimate"
        let tornado = TornadoChart(base: base, baseLabel: "Base estimate", factors: factors, format: buyers)
        return ChartSpec(title: text.title ?? title, subtitle: text.subtitle ?? subtitle, xTitle: "Estimated unique buyers",
                         source: text.source ?? sources(model), notes: text.notes + notes, size: text.size, desc: text.desc,
                         id: text.id, content: .tornado(tornado))
    }

    /// The histogram of the simulated unique buyers, with the median, the central interval and
    /// the base estimate marked; the notes give each factor's distribution and the seed. The
    /// axis stops at a round number above the 99th percentile so the bulk of the draws has
    /// room; the draws beyond are counted in a note and in the median and interval.
    public static func histogram(_ simulation: DemandSimulation, model: DemandModel, text: ChartText = ChartText(),
                                 reasons: [String: String] = [:]) -> ChartSpec {
        let base = model.pointEstimate().uniqueBuyers
        let s = simulation.uniqueBuyers
        let below = simulation.uniqueBuyerDraws.count { $0 <= base }
        let percentile = Double(below) / Double(Swift.max(simulation.draws, 1)) * 100
        let level = NumberFormat.percent(decimals: 1).string(simulation.level * 100)
        let varied = model.factors.filter { $0.distribution != nil }
        let fixed = model.factors.filter { $0.distribution == nil }
        var notes = [definition + " Base: " + formula(model) + ", from " + stated(model.factors) + "."]
        notes.append("Distributions, assumed (not data): " + assumptions(varied, { words($0.distribution!) }, reasons: reasons) + ".")
        if !fixed.isEmpty {
            notes.append("Held at base, as no distribution was given: " + fixed.map { name($0).lowercased() }.joined(separator: ", ") + ".")
        }
        notes.append("Random numbers: xoshiro256** with seed \(simulation.seed); the same seed gives the same figure.")
        let title = "The buyer estimate is uncertain: the middle \(level) of simulations runs from "
            + "\(rounded(s.lower)) to \(rounded(s.upper))"
        let subtitle = "Median \(buyers.string(s.median)) unique buyers; the base estimate of \(buyers.string(base)) is "
            + "above \(NumberFormat.percent(decimals: 0).string(percentile)) of the simulated values."
        let sorted = simulation.uniqueBuyerDraws.sorted()
        let cutoff = sorted.isEmpty ? nil : roundUp(Quantile.type7(sorted: sorted, probability: 0.99))
        let histogram = Histogram(values: simulation.uniqueBuyerDraws, binCount: 40, level: simulation.level,
                                  reference: ReferenceLine(base, label: "Base estimate"), format: buyers, cutoff: cutoff)
        return ChartSpec(title: text.title ?? title, subtitle: text.subtitle ?? subtitle,
                         xTitle: "Simulated unique buyers", yTitle: "Draws per bin",
                         source: text.source ?? sources(model), notes: text.notes + notes, size: text.size, desc: text.desc,
                         id: text.id, content: .histogram(histogram))
    }

    /// x rounded up to a multiple of half its power of ten: 291,734 -> 300,000; 171,484 -> 200,000.
    static func roundUp(_ x: Double) -> Double {
        guard x.isFinite, x > 0 else { return x }
        var step = 1.0
        while step * 10 <= x { step *= 10 }
        while step > x { step /= 10 }
        step /= 2
        return (x / step).rounded(.up) * step
    }

    /// "about 46,000": two significant figures for a headline.
    static func rounded(_ x: Double) -> String {
        guard x.isFinite, x > 0 else { return buyers.string(x) }
        var step = 1.0
        while x / step >= 100 { step *= 10 }
        return "about " + buyers.string((x / step).rounded() * step)
    }

    /// A distribution in words: "triangular from 0.5 to 3, most likely 1".
    static func words(_ d: FactorDistribution) -> String {
        switch d {
        case let .fixed(v): return "fixed at \(number.string(v))"
        case let .uniform(a, b): return "uniform from \(number.string(a)) to \(number.string(b))"
        case let .triangular(a, c, b): return "triangular from \(number.string(a)) to \(number.string(b)), most likely \(number.string(c))"
        case let .lognormal(m, g): return "lognormal with median \(number.string(m)) and geometric SD \(number.string(g))"
        }
    }

    /// The factors' distinct publications, without quotations; assumptions and values given on
    /// the command line are not sources (the notes state them).
    static func sources(_ model: DemandModel) -> String {
        var seen = Set<String>()
        let published = model.factors.map { shortSource($0.source) }
            .filter { !$0.hasPrefix("assumption") && !$0.hasPrefix("given on the command line") && seen.insert($0).inserted }
        return (published + ["TIPStat demand model"]).joined(separator: "; ")
    }
}
