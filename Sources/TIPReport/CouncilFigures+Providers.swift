import TIPTable
import TIPStats
import TIPDomain
import TIPCharts

/// The providers' outputs (people screened, served, trained...) and their funding (allocated,
/// spent, committed).
extension CouncilFigures {
    /// A measure as a reader says it.
    static func measureName(_ measure: String) -> String {
        switch measure {
        case "screened": return "screened"
        case "served": return "served"
        case "long_term_services": return "long-term services"
        case "rapid_responses": return "rapid responses"
        case "trainings": return "trainings held"
        case "participants": return "training participants"
        case "professionals_trained": return "professionals trained"
        case "victims_housed": return "victims housed"
        case "cases": return "cases reviewed"
        case "dollars_allocated": return "allocated"
        case "dollars_spent": return "spent"
        case "dollars_committed": return "committed"
        default: return measure.replacingOccurrences(of: "_", with: " ")
        }
    }

    /// "Love146: rapid responses (youth)"; the unit only when the measure's name does not say it.
    static func outputLabel(_ r: ProviderRecord) -> String {
        let name = measureName(r.measure)
        let unit = r.unit.flatMap { name.contains($0) ? nil : " (\($0))" } ?? ""
        return "\(r.provider): \(name)\(unit)"
    }

    /// The outputs of the period with the most of them (the latest on a tie), one bar each; the
    /// other periods' outputs are listed in a note.
    static func providerOutputs(_ records: [ProviderRecord]) -> [Figure] {
        let outputs = records.filter { !$0.isDollars }
        let periods = Array(Set(outputs.map(\.period))).sorted()
        guard let period = periods.max(by: { a, b in
            let na = outputs.count { $0.period == a }, nb = outputs.count { $0.period == b }
            return na != nb ? na < nb : a < b
        }) else { return [] }
        let drawn = outputs.filter { $0.period == period }
        let others = outputs.filter { $0.period != period }
        var providers: [String] = []
        for r in drawn where !providers.contains(r.provider) { providers.append(r.provider) }
        let subtitle = providers.map { p in
            let top = drawn.filter { $0.provider == p }.max { $0.value < $1.value }!
            return "\(p): \(count.string(top.value)) \(measureName(top.measure))"
        }.joined(separator: "; ") + " (each provider\u{2019}s largest figure)."
        var units: [String] = []
        for u in drawn.compactMap(\.unit) where !units.contains(u) { units.append(u) }
        var notes: [String] = []
        if units.count > 1 {
            notes.append("The bars count different things (\(units.joined(separator: ", "))): each label says what.")
        }
        if !others.isEmpty {
            notes.append("Other periods in the data: " + others.map { r in
                let q = r.provenance.qualifier.map { ", \($0)" } ?? ""
                return "\(r.provider), \(r.period.label): \(count.string(r.value)) \(measureName(r.measure))\(q)"
            }.joined(separator: "; ") + ".")
        }
        notes += provenanceNotes(drawn.map { (outputLabel($0), $0.provenance) })
        let bars = BarChart(categories: drawn.map(outputLabel), values: drawn.map { Datum($0.value) }, orientation: .horizontal)
        let spec = ChartSpec(title: "What council members reported doing in \(period.label)", subtitle: subtitle,
                             xTitle: "Number in \(period.label)" + (units.isEmpty ? "" : " (\(units.joined(separator: ", ")))"),
                             source: source(drawn.map(\.provenance)), notes: notes, content: .bars(bars))
        let table = FigureTable(columns: ["Provider", "Programme", "Period", "Measure", "Value", "Unit", "Source"],
                                rows: outputs.map { r in
            [r.provider, r.programme ?? "", r.period.label, measureName(r.measure), count.string(r.value), r.unit ?? "",
             r.provenance.source ?? ""]
        })
        return [Figure(name: "providers-outputs", spec: spec, table: table)]
    }

    /// Dollars allocated, spent and committed, one bar per provider, period and measure (spending
    /// of all programmes together, broken down in the finding), with the share of an allocation spent.
    static func funding(_ records: [ProviderRecord]) -> [Figure] {
        let dollars = records.filter(\.isDollars)
        guard !dollars.isEmpty else { return [] }
        let order = ["dollars_allocated", "dollars_spent", "dollars_committed"]
        var keys: [String] = []
        var byKey: [String: [ProviderRecord]] = [:]
        for r in dollars {
            let key = "\(r.provider), \(r.period.label)"
            if byKey[key] == nil { keys.append(key) }
            byKey[key, default: []].append(r)
        }
        var categories: [String] = [], values: [Datum] = []
        var title = "Funding reported by council members"
        var findings: [(key: String, text: String)] = []
        for key in keys {
            let rows = byKey[key]!
            var totals: [String: Double] = [:]
            for m in order + rows.map(\.measure) where totals[m] == nil {
                let matching = rows.filter { $0.measure == m }
                guard !matching.isEmpty else { continue }
                totals[m] = matching.map(\.value).reduce(0, +)
                categories.append("\(key): \(measureName(m))")
                values.append(Datum(totals[m]!))
            }
            guard let a = totals["dollars_allocated"], let spent = totals["dollars_spent"],
                  let share = try? FundingShare(spent: spent, allocated: a) else { continue }
            let parts = rows.filter { $0.measure == "dollars_spent" }
            let spentOn = parts.map { "\(NumberFormat.dollars.string($0.value)) on \($0.programme ?? "an unnamed programme")" }
            let detail = parts.count > 1 ? ": " + spentOn.dropLast().joined(separator: ", ") + " and " + spentOn.last! : ""
            findings.append((key, "\(share.statement)\(detail); \(NumberFormat.dollars.string(share.unspent)) unspent"))
            if findings.count == 1, let percent = share.percent {
                title = "\(rows[0].provider) spent \(NumberFormat.percent(decimals: 1).string(percent)) of its \(rows[0].period.label) allocation"
            }
        }
        let subtitle = findings.isEmpty ? "Dollars allocated, spent and committed, as the providers report them."
            : findings.map { findings.count > 1 ? "\($0.key): \($0.text)" : $0.text }.joined(separator: ". ") + "."
        let notes = provenanceNotes(dollars.map { ("\($0.provider) \(measureName($0.measure))", $0.provenance) })
        let spec = ChartSpec(title: title, subtitle: subtitle, xTitle: "US dollars", source: source(dollars.map(\.provenance)),
                             notes: notes, content: .bars(BarChart(categories: categories, values: values, orientation: .horizontal,
                                                                   format: .dollars)))
        let table = FigureTable(columns: ["Provider", "Programme", "Period", "Measure", "Dollars", "Source"], rows: dollars.map { r in
            [r.provider, r.programme ?? "", r.period.label, measureName(r.measure), NumberFormat.dollars.string(r.value),
             r.provenance.source ?? ""]
        })
        return [Figure(name: "providers-funding", spec: spec, table: table)]
    }
}
