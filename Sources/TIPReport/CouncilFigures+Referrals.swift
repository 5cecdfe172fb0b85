import TIPTable
import TIPStats
import TIPDomain
import TIPCharts

/// DCF referrals over time: full calendar years as counted, part-years as annualised estimates
/// with their exact interval, multi-year totals named in a note.
extension CouncilFigures {
    static func referrals(_ records: [ReferralRecord]) -> [Figure] {
        guard !records.isEmpty else { return [] }
        // A year counted twice (two sources) keeps the first; the other is said in a note.
        var years: [Int: ReferralRecord] = [:]
        var notes: [String] = []
        for r in records where r.period.isFullYear {
            if let kept = years[r.period.start.year] {
                notes.append("\(r.period.label): \(kept.provenance.source ?? kept.provenance.reference) gives "
                             + "\(count.string(Double(kept.referrals))), drawn; \(r.provenance.source ?? r.provenance.reference) gives "
                             + "\(count.string(Double(r.referrals))).")
            } else {
                years[r.period.start.year] = r
            }
        }
        let partial = records.filter { $0.period.months < 12 && $0.period.start.year == $0.period.end.year }
        let long = records.filter { !$0.period.isFullYear && !($0.period.months < 12 && $0.period.start.year == $0.period.end.year) }
        let estimates = partial.compactMap { r in (try? AnnualisedCount(count: r.referrals, months: Double(r.period.months))).map { (r, $0) } }

        // Estimates for a year with no count join the line (dashed); beside a counted year they
        // are a series of their own, so the count and the estimate both show.
        var counted = years.keys.sorted().map { y in LinePoint(x: Double(y), value: Datum(Double(years[y]!.referrals))) }
        var beside: [LinePoint] = []
        for (r, a) in estimates {
            let year = Double(r.period.start.year)
            if years[r.period.start.year] == nil {
                counted.append(LinePoint(x: year, value: .estimate(a.estimate), lower: a.lower, upper: a.upper))
            } else {
                // Dodged a quarter-year right of the count, so neither hides the other.
                beside.append(LinePoint(x: year + 0.25, value: .estimate(a.estimate), lower: a.lower, upper: a.upper))
            }
        }
        var series = [LineSeries("Referrals in the year", points: counted.sorted { $0.x < $1.x })]
        if !beside.isEmpty { series.append(LineSeries("Annualised from part of the year", points: beside)) }

        let observed = years.keys.sorted()
        var title = "DCF referrals of children for trafficking"
        if let a = observed.first, let b = observed.last, a != b, let ra = years[a]?.referrals, let rb = years[b]?.referrals {
            let verb = rb > ra ? "rose" : (rb < ra ? "fell" : "were the same")
            title = "DCF referrals of children for trafficking \(verb) from \(count.string(Double(ra))) in \(a) to "
                + "\(count.string(Double(rb))) in \(b)"
        }
        let subtitle = estimates.map { r, a in
            let full = years[r.period.start.year].map { "; the count for the full year is \(count.string(Double($0.referrals)))" } ?? ""
            return "\(r.period.label): \(count.string(Double(r.referrals))) referrals, about \(oneDecimal.string(a.estimate)) a year "
                + "when annualised (\(interval(a.lower, a.upper)))\(full)"
        }.joined(separator: ". ")
        for (r, a) in estimates {
            notes.insert("\(r.period.label) is an estimate, drawn hollow: \(count.string(Double(r.referrals))) referrals in "
                         + "\(r.period.months) months \u{00D7} 12/\(r.period.months) = \(oneDecimal.string(a.estimate)) a year; "
                         + "the whisker is its exact (Garwood) 95% Poisson interval.", at: 0)
        }
        if zip(observed, observed.dropFirst()).contains(where: { $1 - $0 > 1 }) {
            notes.append("No public source gives a count for the years where the line breaks (\u{201C}no data\u{201D}).")
        }
        if !long.isEmpty {
            notes.append("Not drawn, as they span several years: " + long.map {
                "\(count.string(Double($0.referrals))) referrals over \($0.period.label)"
            }.joined(separator: "; ") + ".")
        }
        notes += provenanceNotes(records.map { ($0.period.label, $0.provenance) })
        let chart = LineChart(series: series, yFormat: .decimal(1), step: 1, valueLabels: .all, intervalLabel: "95% exact interval")
        let spec = ChartSpec(title: title, subtitle: subtitle.isEmpty ? nil : subtitle + ".", yTitle: "Referrals per year",
                             source: source(records.map(\.provenance)), notes: notes, content: .line(chart))
        let rows = records.map { r -> [String] in
            let a = estimates.first { $0.0 == r }?.1
            let drawn = r.period.isFullYear ? (years[r.period.start.year] == r ? "count" : "not drawn (second source)")
                : (a != nil ? "annualised estimate" : "not drawn (several years)")
            return [r.period.label, count.string(Double(r.referrals)), drawn, a.map { oneDecimal.string($0.estimate) } ?? "",
                    a.map { interval($0.lower, $0.upper) } ?? "", r.provenance.source ?? ""]
        }
        return [Figure(name: "dcf-referrals", spec: spec, table: FigureTable(
            columns: ["Period", "Referrals", "Drawn as", "Per year", "Interval", "Source"], rows: rows))]
    }
}
