import Foundation
import Testing
import TIPTable
import TIPStats
import TIPDomain
import TIPCharts
@testable import TIPReport

/// The council's figure set on Datasets/: every figure complete, every value traced to a row,
/// the statistics checked against independent references.
@Suite("Council figure set")
struct CouncilFiguresTests {
    static let data = try! CouncilData.load(directory: repositoryRoot + "/Datasets", displayName: "Datasets")
    static let set = CouncilFigures(data)

    func figure(_ name: String) throws -> Figure {
        try #require(Self.set.figures.first { $0.name == name }, "no figure \(name)")
    }

    @Test("the set holds every figure the council needs, and nothing was left out")
    func names() {
        #expect(Self.set.figures.map(\.name) == [
            "judicial-prostitution-patronizing", "judicial-statutes", "dcf-referrals", "dcf-age-2016", "dcf-gender-2021",
            "dcf-race-ethnicity-grouped-2018", "dcf-race-ethnicity-undated", "dcf-residence-at-exploitation-undated",
            "hotline-cases", "hotline-calls", "providers-outputs", "providers-funding", "demand-tornado", "demand-simulation",
        ])
        #expect(Self.set.omitted.isEmpty)
    }

    @Test("every figure has a title, a finding, a source line, notes, a text alternative with data, and a data table")
    func complete() {
        for f in Self.set.figures {
            #expect(!f.spec.title.isEmpty, "\(f.name)")
            #expect(!(f.spec.subtitle ?? "").isEmpty, "\(f.name)")
            #expect(!(f.spec.source ?? "").isEmpty, "\(f.name)")
            #expect(!f.spec.notes.isEmpty, "\(f.name)")
            #expect(f.spec.accessibleDescription.count > (f.spec.subtitle ?? "").count + 20, "\(f.name)")
            #expect(!f.table.rows.isEmpty && f.table.rows.allSatisfy { $0.count == f.table.columns.count }, "\(f.name)")
            switch f.spec.content {
            case .donut: break
            case .bars, .dots, .tornado, .shares: #expect(f.spec.xTitle != nil || f.spec.yTitle != nil, "\(f.name): no axis title")
            case .line, .histogram, .smallMultiples: #expect(f.spec.yTitle != nil, "\(f.name): no value axis title")
            }
        }
    }

    @Test("no invented data: every source a figure names is a dataset row's source")
    func sourcesFromRows() {
        let rowSources = Set(Self.data.datasets.compactMap(\.table).flatMap { t in
            t.columnIndex("source").map { c in t.columns[c].values.compactMap(\.string) } ?? []
        })
        for f in Self.set.figures {
            guard let c = f.table.columns.firstIndex(of: "Source") else { continue }
            for row in f.table.rows where !row[c].isEmpty {
                #expect(rowSources.contains(row[c]) || rowSources.contains { DemandFigures.shortSource($0) == row[c] } || row[c].hasPrefix("assumption"),
                        "\(f.name): \(row[c])")
            }
        }
    }

    @Test("judicial: the sellers-to-buyers arrest ratio is 3,557 / 1,378 = 2.58, said as 2.6")
    func judicial() throws {
        let f = try figure("judicial-prostitution-patronizing")
        #expect(f.spec.title == "Sellers of sex were arrested 2.6 times as often as buyers, 2005–2014")
        #expect(f.spec.notes[0].hasPrefix("Convictions per arrest: prostitution 0.52, patronizing a prostitute 0.2. "))
        guard case let .smallMultiples(m) = try figure("judicial-statutes").spec.content else { Issue.record("not panels"); return }
        #expect(m.panels.map(\.title) == ["53a-192a Trafficking in persons",
                                           "53a-83(c) Patronizing a prostitute under 18 or a trafficking victim (Class C felony)"])
        guard case let .bars(b) = m.panels[0].content else { Issue.record("not bars"); return }
        #expect(b.series.map(\.values) == [[10, .missing], [0, 2]], "arrests after March 2016 are not stated: missing, not zero")
    }

    @Test("referrals: Jan-Sep 2016 drawn as 151 x 12/9 with its exact interval (SciPy), the 456 of 2013-2016 named, not drawn")
    func referrals() throws {
        let f = try figure("dcf-referrals")
        guard case let .line(line) = f.spec.content else { Issue.record("not a line"); return }
        #expect(line.series[0].points.map(\.value) == [4, 30, 31, 13, 94, 133, 202, 210, 241])
        let estimate = try #require(line.series.dropFirst().first?.points.first)
        #expect(estimate.value.isEstimate)
        #expect(close(estimate.value.value, 151.0 * 12 / 9, 1e-15))
        #expect(close(estimate.lower, 170.50164754799587) && close(estimate.upper, 236.12911094170727))
        #expect(f.spec.notes.contains("Not drawn, as they span several years: 456 referrals over 2013–2016."))
        #expect(f.spec.title == "DCF referrals of children for trafficking rose from 4 in 2008 to 241 in 2021")
    }

    @Test("demographics: what the source does not break down is shown as such (202 - 88 = 114), counts and percentages labelled")
    func demographics() throws {
        guard case let .shares(age) = try figure("dcf-age-2016").spec.content else { Issue.record("not shares"); return }
        #expect(age.items.map(\.label) == ["Age 15-16", "Age 11-12", "Age 10", "Not broken down"])
        #expect(age.items.map(\.count) == [75, 12, 1, 114])
        #expect(age.total == 202)
        let race = try figure("dcf-race-ethnicity-undated")
        #expect(race.spec.notes.contains("Lower-confidence or undated source. Read with caution."))
        guard case let .donut(grouped) = try figure("dcf-race-ethnicity-grouped-2018").spec.content else { Issue.record("not a donut"); return }
        #expect(grouped.items.map(\.count) == [153, 57])
    }

    @Test("hotline: exact intervals; the Jan-Sep 2016 rise against 2015 as R's poisson.test rate ratio (1.885, 1.143 to 3.145)")
    func hotline() throws {
        let f = try figure("hotline-cases")
        #expect(f.spec.title == "Hotline cases from Connecticut rose in 2016")
        #expect(f.spec.subtitle == "At the Jan–Sep 2016 pace, about 54.7 cases a year: 89% above the 29 of 2015 (95% interval +14% to +215%).")
        guard case let .dots(dots) = f.spec.content else { Issue.record("not dots"); return }
        let part = try #require(dots.rows.first { $0.label.hasPrefix("Jan–Sep 2016") })
        #expect(close(part.lower, 39.22974382460704) && close(part.upper, 74.16150608764656))
        #expect(try figure("hotline-calls").spec.notes.contains("Not drawn, as they span several years: more than 765 calls over Jan 2007–Sep 2016."))
    }

    @Test("funding: $346.18 + $220.48 = $566.66 spent of $8,344 (6.8%), $7,777.34 unspent")
    func funding() throws {
        let f = try figure("providers-funding")
        #expect(f.spec.title == "Office of Victim Services (Judicial Branch) spent 6.8% of its 2016 allocation")
        #expect(f.spec.subtitle?.contains("$346.18 on housing and $220.48 on training; $7,777.34 unspent") == true)
    }

    @Test("demand: base 456 x 1 x 182 = 82,992; ranges and distributions stated as assumptions; seed and draws stated")
    func demand() throws {
        let tornado = try figure("demand-tornado")
        guard case let .tornado(t) = tornado.spec.content else { Issue.record("not a tornado"); return }
        #expect(t.base == 456 * 182)
        #expect(t.factors.count == 4)
        #expect(tornado.spec.notes.contains { $0.hasPrefix("Ranges, assumed (not data): children exploited 228 to 684") })
        let simulation = try figure("demand-simulation")
        guard case let .histogram(h) = simulation.spec.content else { Issue.record("not a histogram"); return }
        #expect(h.values.count == 100_000)
        #expect(simulation.spec.notes.contains("Random numbers: xoshiro256** with seed 20161215; the same seed gives the same figure."))
        #expect(simulation.spec.notes.contains { $0.hasPrefix("Distributions, assumed (not data): children exploited triangular from 228 to 684, most likely 456") })
    }

    @Test("the set is the same, byte for byte, when drawn again")
    func deterministic() throws {
        let again = CouncilFigures(Self.data)
        #expect(try again.figures.map { try $0.svg } == Self.set.figures.map { try $0.svg })
        let a = try FigureSet(title: "t", figures: Self.set.figures).files, b = try FigureSet(title: "t", figures: again.figures).files
        #expect(a == b)
    }
}
