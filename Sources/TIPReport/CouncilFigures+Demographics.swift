import TIPTable
import TIPStats
import TIPDomain
import TIPCharts
import TIPText

/// The demographic breakdowns: one figure per dimension and period, labelled with counts and
/// percentages; a donut for up to three parts, share bars otherwise; shares without counts as
/// percentage bars. What the source does not break down is shown as such, never spread.
extension CouncilFigures {
    static let notBrokenDown = "Not broken down"
    /// Said on every race/ethnicity figure: the report's own pie cannot be drawn, and the figure
    /// shows another source's counts or percentages in its place.
    static func reportPieLost(drawn: String) -> String {
        "The 2016 annual report's race/ethnicity pie is lost (which of its shares 2%, 5%, 10%, 26%, 28% and 29% belongs to "
            + "which category did not survive the report's conversion to text), so it is not drawn: this figure draws instead "
            + "the \(drawn) of the source named below."
    }

    static func demographics(_ records: [DemographicRecord]) -> [Figure] {
        var groups: [(dimension: String, period: Period?, rows: [DemographicRecord])] = []
        for r in records {
            if let i = groups.firstIndex(where: { $0.dimension == r.dimension && $0.period == r.period }) {
                groups[i].rows.append(r)
            } else {
                groups.append((r.dimension, r.period, [r]))
            }
        }
        var names = Set<String>()
        return groups.map { g in
            var name = "dcf-\(Figure.slug(g.dimension))-\(g.period.map { Figure.slug($0.description) } ?? "undated")"
            while !names.insert(name).inserted { name += "-2" }
            return demographicFigure(g.dimension, g.period, g.rows, name: name)
        }
    }

    static func demographicFigure(_ dimension: String, _ period: Period?, _ rows: [DemographicRecord], name: String) -> Figure {
        let when = period?.label ?? "undated source"
        let title = "\(Wording.capitalisingFirst(dimension)) of children in DCF trafficking referrals, \(when)"
        let complete = rows.allSatisfy { $0.complete == true }
        let totals = Set(rows.compactMap(\.total))
        let total = totals.count == 1 ? totals.first : nil
        var notes: [String] = []
        if period == nil && !rows.allSatisfy(\.provenance.isCaution) {
            notes.append("The source does not say which year these figures are for: read them with caution.")
        }
        // "15-16" reads as an age when the dimension says so: "Age 15-16".
        func label(_ category: String) -> String {
            category.first?.isNumber ?? false ? "\(Wording.capitalisingFirst(dimension)) \(category)" : Wording.capitalisingFirst(category)
        }
        let content: ChartContent
        let subtitle: String
        if rows.allSatisfy({ $0.count != nil }) {
            var items = rows.map { ShareItem(label($0.category), Datum(Double($0.count!))) }
            let known = rows.compactMap(\.count).reduce(0, +)
            if !complete, let total, known < total {
                items.append(ShareItem(notBrokenDown, Datum(Double(total - known))))
                notes.append("\u{201C}\(notBrokenDown)\u{201D}: the stated total of \(count.string(Double(total))) less the "
                             + "\(count.string(Double(known))) the source breaks down; the source says nothing of them.")
            }
            // Ordered categories (ages, ranges) keep their order; others go largest first.
            let ordinal = rows.allSatisfy { $0.category.first?.isNumber ?? false }
            let whole = total.map(Double.init)
            if items.count <= 3 {
                content = .donut(DonutChart(items: items, total: whole, centerLabel: "children"))
            } else {
                content = .shares(ShareChart(items: items, total: whole, sortedByShare: !ordinal))
            }
            let largest = rows.max { ($0.count ?? 0) < ($1.count ?? 0) }!
            let denominator = total ?? known
            let share = denominator > 0 ? NumberFormat.percent().string(Double(largest.count!) / Double(denominator) * 100) : "no share"
            subtitle = "\(label(largest.category)) is the largest group: \(count.string(Double(largest.count!))) of "
                + "\(count.string(Double(denominator))) children (\(share))."
        } else {
            var categories = rows.map { label($0.category) }
            var values = rows.map { Datum($0.share) }
            let known = rows.compactMap(\.share).reduce(0, +)
            if !complete && known < 100 {
                categories.append(notBrokenDown)
                values.append(Datum(100 - known))
                notes.append("\u{201C}\(notBrokenDown)\u{201D}: 100% less the \(NumberFormat.percent(decimals: 1).string(known)) "
                             + "the source states; the source says nothing of them.")
            }
            content = .bars(BarChart(categories: categories, values: values, orientation: .horizontal, format: .percent(decimals: 1)))
            let largest = rows.max { ($0.share ?? 0) < ($1.share ?? 0) }!
            subtitle = "\(label(largest.category)): \(NumberFormat.percent(decimals: 1).string(largest.share ?? 0)) of the "
                + "children referred\(period.map { " in \($0.label)" } ?? "")."
            if rows.allSatisfy({ $0.provenance.note == nil }) {
                notes.append("The source gives percentages only, without the counts they are of.")
            }
        }
        if dimension.lowercased().hasPrefix("race/ethnicity") {
            notes.append(reportPieLost(drawn: rows.allSatisfy { $0.count != nil } ? "counts" : "percentages"))
        }
        notes += provenanceNotes(rows.map { (label($0.category), $0.provenance) })
        let xTitle: String?
        var size = ChartSize.standard
        switch content {
        case .donut: xTitle = nil
        case let .bars(b):
            xTitle = "Percent of the children"
            if b.categories.count <= 4 { size = ChartSize(width: 720, height: 300) }
        case let .shares(s):
            xTitle = "Share of the " + (total.map { "\(count.string(Double($0))) " } ?? "") + "children"
            if s.items.count <= 4 { size = ChartSize(width: 720, height: 340) }
        default: xTitle = nil
        }
        let spec = ChartSpec(title: title, subtitle: subtitle, xTitle: xTitle, source: source(rows.map(\.provenance)), notes: notes,
                             size: size, content: content)
        let table = FigureTable(columns: ["Category", "Count", "Share (%)", "Total", "Source"], rows: rows.map { r in
            let share = r.share ?? r.count.flatMap { c in r.total.map { Double(c) / Double($0) * 100 } }
            return [label(r.category), stated(r.count), share.map { oneDecimal.string($0) } ?? "not stated",
                    stated(r.total), r.provenance.source ?? ""]
        })
        return Figure(name: name, spec: spec, table: table)
    }
}
