import TIPTable
import TIPStats
import TIPDomain
import TIPCharts
import TIPText

/// The judicial figures: prostitution (53a-82) against patronizing (53a-83), and one panel per
/// other statute on a common scale.
extension CouncilFigures {
    /// The statutes of the sellers-and-buyers comparison.
    static let sellerBuyerStatutes = ["53a-82", "53a-83"]

    static func judicial(_ records: [JudicialRecord]) -> [Figure] {
        let pair = records.filter { sellerBuyerStatutes.contains($0.statute.trimmingSpaces) }
        let others = records.filter { !sellerBuyerStatutes.contains($0.statute.trimmingSpaces) }
        return [sellersAndBuyers(pair), statutePanels(others, separate: !pair.isEmpty)].compactMap { $0 }
    }

    /// "Prostitution (53a-82)".
    static func offence(_ r: JudicialRecord) -> String {
        (r.offence.map { "\($0) (\(r.statute))" }) ?? r.statute
    }

    /// Arrests beside convictions for prostitution and patronizing, with their ratio in words.
    static func sellersAndBuyers(_ records: [JudicialRecord]) -> Figure? {
        guard !records.isEmpty else { return nil }
        let periods = Set(records.map(\.period))
        let categories = records.map { periods.count > 1 ? "\(offence($0)), \($0.period.label)" : offence($0) }
        let arrests = Series("Arrests", records.map { Datum($0.arrests.map(Double.init)) })
        let convictions = Series("Convictions", records.map { Datum($0.convictions.map(Double.init)) })
        let span = periods.count == 1 ? records[0].period.label : nil

        // The finding: sellers against buyers in one period, when both are stated.
        let seller = records.first { $0.statute.trimmingSpaces == "53a-82" }
        let buyer = records.first { $0.statute.trimmingSpaces == "53a-83" && $0.period == seller?.period }
        var title = "Arrests and convictions for prostitution and for patronizing a prostitute"
        if let s = seller?.arrests, let b = buyer?.arrests, s > 0, b > 0, let period = seller?.period.label {
            let ratio = Double(Swift.max(s, b)) / Double(Swift.min(s, b))
            title = "\(s >= b ? "Sellers" : "Buyers") of sex were arrested \(oneDecimal.string(ratio)) times as often as "
                + "\(s >= b ? "buyers" : "sellers"), \(period)"
        }
        let subtitle = records.map { r in
            "\(offence(r)): \(stated(r.arrests, "arrests")), \(stated(r.convictions, "convictions"))"
                + (periods.count > 1 ? " (\(r.period.label))" : "")
        }.joined(separator: "; ") + "."

        var notes: [String] = []
        let ratios = records.compactMap { r -> String? in
            guard let a = r.arrests, let c = r.convictions, let ratio = try? ConvictionArrestRatio(convictions: c, arrests: a).ratio else {
                return nil
            }
            return "\(Wording.lowercasingFirstWord(r.offence ?? r.statute)) \(NumberFormat.decimal(2).string(ratio))"
        }
        if !ratios.isEmpty {
            notes.append("Convictions per arrest: " + ratios.joined(separator: ", ") + ". " + ConvictionArrestRatio.caution)
        }
        notes += provenanceNotes(zip(categories, records.map(\.provenance)).map { ($0, $1) })
        let spec = ChartSpec(title: title, subtitle: subtitle, yTitle: "Arrests and convictions" + (span.map { ", \($0)" } ?? ""),
                             source: source(records.map(\.provenance)), notes: notes,
                             content: .bars(BarChart(categories: categories, series: [arrests, convictions])))
        return Figure(name: "judicial-prostitution-patronizing", spec: spec, table: judicialTable(records))
    }

    /// One panel per statute (in the order met), its periods in time order, arrests beside
    /// convictions, all on one scale.
    static func statutePanels(_ records: [JudicialRecord], separate: Bool) -> Figure? {
        guard !records.isEmpty else { return nil }
        var statutes: [String] = []
        for r in records where !statutes.contains(r.statute) { statutes.append(r.statute) }
        let panels = statutes.map { statute -> SmallMultiples.Panel in
            let rows = records.filter { $0.statute == statute }.sorted { $0.period < $1.period }
            let name = rows.first?.offence.map { "\(statute) \($0)" } ?? statute
            return .init(name, .bars(BarChart(categories: rows.map(\.period.label), series: [
                Series("Arrests", rows.map { Datum($0.arrests.map(Double.init)) }),
                Series("Convictions", rows.map { Datum($0.convictions.map(Double.init)) }),
            ])))
        }
        let arrests = records.compactMap(\.arrests).reduce(0, +), convictions = records.compactMap(\.convictions).reduce(0, +)
        let first = records.map(\.period.start.year).min() ?? 0, last = records.map(\.period.end.year).max() ?? 0
        let years = first == last ? String(first) : "\(first)\u{2013}\(last)"
        let title = "\(count.string(Double(convictions))) conviction\(convictions == 1 ? "" : "s") and "
            + "\(count.string(Double(arrests))) reported arrest\(arrests == 1 ? "" : "s") under "
            + "\(statutes.count == 1 ? statutes[0] : "\(statutes.count) statutes"), \(years)"
        let subtitle = statutes.map { statute in
            let rows = records.filter { $0.statute == statute }.sorted { $0.period < $1.period }
            return "\(statute): " + rows.map { "\($0.period.label) \(stated($0.arrests, "arrests")), \(stated($0.convictions, "convictions"))" }
                .joined(separator: "; ")
        }.joined(separator: ". ") + "."
        var notes = ["Periods differ in length and may overlap: each bar is the count its source gives for the period."]
        if separate {
            notes.append("Prostitution (53a-82) and patronizing (53a-83), counted in thousands, are in their own figure so that "
                         + "this common scale stays readable.")
        }
        notes += provenanceNotes(records.map { ("\($0.statute) \($0.period.label)", $0.provenance) })
        let spec = ChartSpec(title: title, subtitle: subtitle, yTitle: "Arrests and convictions in the period",
                             source: source(records.map(\.provenance)), notes: notes, size: ChartSize(width: 720, height: 680),
                             content: .smallMultiples(SmallMultiples(panels: panels, columns: Swift.min(statutes.count, 3))))
        return Figure(name: "judicial-statutes", spec: spec, table: judicialTable(records))
    }

    static func judicialTable(_ records: [JudicialRecord]) -> FigureTable {
        FigureTable(columns: ["Statute", "Offence", "Period", "Arrests", "Convictions", "Source"], rows: records.map { r in
            [r.statute, r.offence ?? "", r.period.label, stated(r.arrests), stated(r.convictions), r.provenance.source ?? ""]
        })
    }
}
