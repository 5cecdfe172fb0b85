import TIPTable
import TIPStats
import TIPDomain
import TIPCharts
import TIPTableCharts
import TIPText

/// The council's figure set, drawn from its records: the judicial series (prostitution against
/// patronizing, and small multiples of the other statutes), DCF referrals over time with partial
/// years annualised, the demographic breakdowns, the hotline's calls and cases with exact
/// intervals, the providers' outputs and funding, and the demand estimate's tornado and Monte
/// Carlo histogram.
///
/// Every value drawn comes from a dataset row; every figure's source line is built from the
/// rows' provenance and its notes carry the rows' own notes, cautions and qualifiers. Titles and
/// findings are computed from the data, so the set can be redrawn from a newer folder. The
/// demand figures' ranges and distributions are ``DemandScenario`` assumptions, stated as such.
///
/// ```swift
/// let data = try CouncilData.load(directory: "Datasets")
/// let set = CouncilFigures(data)
/// set.figures.map(\.name)   // ["judicial-prostitution-patronizing", "judicial-statutes", "dcf-referrals", ...]
/// ```
public struct CouncilFigures: Sendable {
    public var figures: [Figure] = []
    /// Figures the set could not draw, and why (no rows of their kind, a demand model the data
    /// cannot make).
    public var omitted: [String] = []

    public init(_ data: CouncilData, scenario: DemandScenario = .council) {
        func add(_ topic: String, _ made: [Figure]) {
            if made.isEmpty { omitted.append("\(topic): no rows to draw") } else { figures += made }
        }
        add("judicial figures", CouncilFigures.judicial(data.judicial))
        add("DCF referrals", CouncilFigures.referrals(data.referrals))
        add("DCF demographics", CouncilFigures.demographics(data.demographics))
        add("hotline figures", CouncilFigures.hotline(data.hotline))
        add("provider outputs", CouncilFigures.providerOutputs(data.providers))
        add("provider funding", CouncilFigures.funding(data.providers))
        if let demand = data.demand {
            do {
                figures += try CouncilFigures.demand(demand, scenario: scenario)
            } catch {
                omitted.append("demand figures: \(error.message)")
            }
        } else {
            omitted.append("demand figures: no demand dataset")
        }
    }

    // MARK: Shared wording

    static let count = NumberFormat.integer
    static let oneDecimal = NumberFormat.decimal(1)

    /// The distinct sources of the rows drawn, for a figure's source line.
    static func source(_ provenances: [Provenance]) -> String? {
        let sources = CouncilData.sources(provenances)
        return sources.isEmpty ? nil : sources.joined(separator: "; ")
    }

    /// The rows' own notes, qualifiers and cautions, each said once and prefixed with the
    /// labels of the rows it applies to (none when it applies to every row drawn).
    static func provenanceNotes(_ items: [(label: String, provenance: Provenance)]) -> [String] {
        func prefix(_ labels: [String]) -> String {
            labels.count == items.count && items.count > 1 ? "" : labels.joined(separator: ", ") + ": "
        }
        func grouped(_ text: (Provenance) -> String?) -> [(text: String, labels: [String])] {
            var order: [String] = []
            var labels: [String: [String]] = [:]
            for item in items {
                guard let t = text(item.provenance), !t.isEmpty else { continue }
                if labels[t] == nil { order.append(t) }
                if !(labels[t]?.contains(item.label) ?? false) { labels[t, default: []].append(item.label) }
            }
            return order.map { ($0, labels[$0] ?? []) }
        }
        var notes: [String] = []
        var seen = Set<String>()
        let cautious = items.filter(\.provenance.isCaution).map(\.label).filter { seen.insert($0).inserted }
        if !cautious.isEmpty {
            notes.append("Lower-confidence or undated source" + (cautious.count == items.count ? "" : ": " + cautious.joined(separator: ", "))
                         + ". Read with caution.")
        }
        for (text, labels) in grouped({ $0.qualifier }) {
            notes.append("\(labels.joined(separator: ", ")): the source says \u{201C}\(text)\u{201D}.")
        }
        for (text, labels) in grouped({ $0.note }) {
            notes.append(prefix(labels) + text + (text.hasSuffix(".") ? "" : "."))
        }
        return notes
    }

    /// The words of the rows a table chart draws, from the provenance columns every schema
    /// accepts (`confidence`, `qualifier`, `note`), as the council's figures say them: what
    /// `tipstat chart` passes as the chart's row notes, so a chart of any council file carries
    /// its rows' cautions, qualifiers and notes.
    ///
    /// ```swift
    /// let spec = try chart.spec(for: table, rowNotes: CouncilFigures.provenanceNotes(for:))
    /// ```
    public static func provenanceNotes(for drawn: DrawnRows) -> [String] {
        let table = drawn.table
        func text(_ name: String, _ r: Int) -> String? {
            table.columnIndex(name).flatMap { table.columns[$0].values[r].string?.trimmingSpaces }.flatMap { $0.isEmpty ? nil : $0 }
        }
        return provenanceNotes(zip(drawn.rows, drawn.labels).map { r, label in
            (label: label, provenance: Provenance(file: table.name, line: table.rowLines[r], qualifier: text("qualifier", r),
                                                  confidence: text("confidence", r), note: text("note", r)))
        })
    }

    /// A count, or "not stated".
    static func stated(_ value: Int?) -> String { value.map { count.string(Double($0)) } ?? "not stated" }

    /// "10 arrests", "arrests not stated".
    static func stated(_ value: Int?, _ noun: String) -> String {
        value.map { "\(count.string(Double($0))) \(noun)" } ?? "\(noun) not stated"
    }

    /// "95% interval 171.4–235.1".
    static func interval(_ lower: Double, _ upper: Double, level: Double = 0.95) -> String {
        "\(NumberFormat.percent(decimals: 1).string(level * 100)) interval \(oneDecimal.string(lower))\u{2013}\(oneDecimal.string(upper))"
    }
}
