import TIPTable
import TIPStats
import TIPDomain
import TIPCharts
import TIPTableCharts

/// The demand estimate: the tornado and the Monte Carlo histogram of unique buyers, around the
/// factors the demand dataset states, with the ``DemandScenario``'s assumptions.
extension CouncilFigures {
    static func demand(_ assumptions: DemandAssumptions, scenario: DemandScenario) throws(StatsError) -> [Figure] {
        let model = try scenario.apply(to: try assumptions.model())
        let simulation = try model.simulate(draws: scenario.draws, seed: scenario.seed)
        var notes: [String] = []
        if let stated = assumptions.statedResult {
            let words = [stated.provenance.qualifier, count.string(stated.value), stated.unit].compactMap { $0 }.joined(separator: " ")
            let product = model.factors.prefix(3).map { DemandFigures.number.string($0.value) }.joined(separator: " \u{00D7} ")
            notes.append("The report states \u{201C}\(words)\u{201D} from \(product) = "
                         + "\(count.string(model.pointEstimate().transactions)): a count of transactions, which equals the number "
                         + "of buyers only if no buyer returns.")
        }
        var text = ChartText(notes: notes)
        text.source = source(assumptions.entries.map(\.provenance)).map { $0 + "; ranges and distributions: TIPStat assumptions" }
        let tornado = DemandFigures.tornado(model, text: text, reasons: scenario.reasons)
        let histogram = DemandFigures.histogram(simulation, model: model, text: text, reasons: scenario.reasons)
        let factorRows = model.factors.map { f in
            [DemandFigures.name(f), DemandFigures.number.string(f.value), f.low.map(DemandFigures.number.string) ?? "",
             f.high.map(DemandFigures.number.string) ?? "", f.distribution.map(DemandFigures.words) ?? "fixed",
             DemandFigures.shortSource(f.source)]
        }
        let columns = ["Factor", "Stated value", "Low (assumed)", "High (assumed)", "Distribution (assumed)", "Source"]
        let sensitivity = model.sensitivity().map { r in
            [DemandFigures.name(r.factor), DemandFigures.number.string(r.low), DemandFigures.number.string(r.high),
             count.string(r.uniqueBuyersAtLow), count.string(r.uniqueBuyersAtHigh)]
        }
        let s = simulation.uniqueBuyers
        return [
            Figure(name: "demand-tornado", spec: tornado, table: FigureTable(
                columns: ["Factor", "Low", "High", "Unique buyers at low", "Unique buyers at high"], rows: sensitivity
                    + [["Base estimate", "", "", count.string(model.pointEstimate().uniqueBuyers), ""]])),
            Figure(name: "demand-simulation", spec: histogram, table: FigureTable(columns: columns, rows: factorRows + [
                ["Simulated unique buyers: median \(count.string(s.median)), 2.5% \(count.string(s.lower)), "
                 + "97.5% \(count.string(s.upper)) (\(count.string(Double(simulation.draws))) draws, seed \(simulation.seed))",
                 "", "", "", "", ""],
            ])),
        ]
    }
}
