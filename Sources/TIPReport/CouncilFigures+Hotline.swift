import TIPTable
import TIPStats
import TIPDomain
import TIPCharts
import TIPText

/// The hotline's cases and calls per year, each with its exact (Garwood) Poisson interval; a
/// part-year annualised, with its change from the year before as an exact rate ratio.
extension CouncilFigures {
    static func hotline(_ records: [HotlineRecord]) -> [Figure] {
        [hotlineFigure(records, measure: "cases", value: \.cases), hotlineFigure(records, measure: "calls", value: \.calls)]
            .compactMap { $0 }
    }

    /// One measure's dot plot, or nil when no row states it.
    static func hotlineFigure(_ records: [HotlineRecord], measure: String, value: (HotlineRecord) -> Int?) -> Figure? {
        let stated = records.filter { value($0) != nil }
        guard !stated.isEmpty else { return nil }
        let drawn = stated.filter { $0.period.months <= 12 && $0.period.start.year == $0.period.end.year }
        let long = stated.filter { !drawn.contains($0) }

        var rows: [DotPlot.Row] = []
        var table: [[String]] = []
        var annualised: [String] = []
        for r in drawn {
            let n = value(r)!
            let months = r.period.months
            guard let i = try? PoissonInterval(count: n, exposure: Double(months) / 12) else { continue }
            let label = r.period.label + (months < 12 ? ", annualised" : "") + (r.provenance.isCaution ? " (caution)" : "")
            rows.append(DotPlot.Row(label, value: months < 12 ? .estimate(i.estimate) : Datum(i.estimate), lower: i.lower, upper: i.upper))
            if months < 12 {
                annualised.append("\(r.period.label): \(count.string(Double(n))) \(measure) in \(months) months \u{00D7} 12/\(months) = "
                                  + "\(oneDecimal.string(i.estimate)) a year")
            }
            table.append([r.period.label, count.string(Double(n)), oneDecimal.string(i.estimate), interval(i.lower, i.upper),
                          r.provenance.source ?? ""])
        }
        for r in long {
            table.append([r.period.label, count.string(Double(value(r)!)), "not drawn (several years)", "", r.provenance.source ?? ""])
        }

        // The finding: the latest part-year against the last full year before it, as an exact rate ratio.
        var title = "National Human Trafficking Hotline \(measure) from Connecticut"
        var subtitle = "\(Wording.capitalisingFirst(measure)) per year, each with its exact 95% interval."
        if let part = drawn.last(where: { $0.period.months < 12 }),
           let full = drawn.last(where: { $0.period.isFullYear && $0.period.start.year == part.period.start.year }) {
            let rate = Double(value(part)!) * 12 / Double(part.period.months)
            subtitle = "The \(part.period.label) pace, about \(oneDecimal.string(rate)) \(measure) a year, against the "
                + "\(count.string(Double(value(full)!))) counted for \(full.period.label)"
                + (full.provenance.isCaution ? " by a lower-confidence source." : ".")
        }
        if let part = drawn.last(where: { $0.period.months < 12 }),
           let before = drawn.last(where: { $0.period.isFullYear && $0.period.end < part.period.start && !$0.provenance.isCaution }),
           let test = try? RateRatioTest(count: value(part)!, exposure: Double(part.period.months) / 12,
                                         baselineCount: value(before)!, baselineExposure: 1),
           let change = test.percentChange, let lo = test.percentChangeLower, let hi = test.percentChangeUpper {
            let rate = Double(value(part)!) * 12 / Double(part.period.months)
            if lo > 0 || hi < 0 {
                title = "Hotline \(measure) from Connecticut \(lo > 0 ? "rose" : "fell") in \(part.period.start.year)"
            }
            subtitle = "At the \(part.period.label) pace, about \(oneDecimal.string(rate)) \(measure) a year: "
                + "\(NumberFormat.percent().string(change.magnitude)) \(change >= 0 ? "above" : "below") the "
                + "\(count.string(Double(value(before)!))) of \(before.period.label) (95% interval "
                + "\(signed(lo)) to \(signed(hi)))."
        }
        var notes = ["Whiskers are exact (Garwood) 95% Poisson intervals."]
        if !annualised.isEmpty {
            notes.append("Annualised estimates, drawn hollow: " + annualised.joined(separator: "; ") + ".")
        }
        if !long.isEmpty {
            notes.append("Not drawn, as they span several years: " + long.map { r in
                let q = r.provenance.qualifier.map { "\($0) " } ?? ""
                return "\(q)\(count.string(Double(value(r)!))) \(measure) over \(r.period.label)"
            }.joined(separator: "; ") + ".")
        }
        if measure == "cases" { notes += caseTypes(stated.filter { $0.provenance.note == nil }) }
        notes += provenanceNotes(stated.map { ($0.period.label, $0.provenance) })
        let dots = DotPlot(rows: rows, format: .decimal(1), pointLabel: Wording.capitalisingFirst(measure) + " per year",
                           intervalLabel: "95% exact interval")
        let spec = ChartSpec(title: title, subtitle: subtitle,
                             xTitle: "\(Wording.capitalisingFirst(measure)) per year", source: source(stated.map(\.provenance)), notes: notes,
                             content: .dots(dots))
        return Figure(name: "hotline-\(measure)", spec: spec, table: FigureTable(
            columns: ["Period", Wording.capitalisingFirst(measure), "Per year", "Interval", "Source"], rows: table))
    }

    /// "+89%", "−12%".
    static func signed(_ percent: Double) -> String {
        (percent > 0 ? "+" : "") + NumberFormat.percent().string(percent)
    }

    /// Cases by type where the source gives them: "2015: 24 of 29 cases sex trafficking".
    static func caseTypes(_ records: [HotlineRecord]) -> [String] {
        records.compactMap { r in
            guard let cases = r.cases else { return nil }
            let parts = [(r.casesSex, "sex trafficking"), (r.casesLabor, "labor trafficking"),
                         (r.casesSexAndLabor, "both"), (r.casesNotSpecified, "type not specified")]
                .compactMap { n, what in n.map { "\(count.string(Double($0))) \(what)" } }
            guard !parts.isEmpty else { return nil }
            return "\(r.period.label): of \(count.string(Double(cases))) cases, " + parts.joined(separator: ", ") + "."
        }
    }
}
