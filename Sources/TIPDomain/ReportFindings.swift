import TIPTable
import TIPStats
import TIPText

/// The derived figures of the council's 2016 annual report, recomputed from the data, each
/// beside the sentence it checks: what `tipstat analyze` prints, and what notebooks and the
/// figure set can reuse.
///
/// Every number comes from the data's rows (chosen by what they are: a statute, a period, a
/// measure), never from this code; the only figures written here are the thresholds the
/// report's own sentences state ("a more than 40% increase"), kept with the sentence in
/// ``ReportClaim``. A finding whose input is missing from the data says so (verdict
/// `.missingData`), and one whose input the computation refuses says why in the computation's
/// own words (verdict `.invalidData`), instead of failing, so the analysis runs on any folder
/// of council data. Inside, figures are read from typed values (``ShareEstimate``), never
/// looked up by name.
///
/// ```swift
/// let findings = ReportFindings(data: try CouncilData.load(directory: "Datasets"))
/// findings.finding("hotline_increase")?.figure("rate_ratio")?.value   // 1.885...
/// findings.findings.map(\.verdict.symbol)
/// ```
public struct ReportFindings: Sendable {
    public let findings: [Finding]
    /// The confidence level of every interval.
    public let level: Double

    /// - Throws: ``StatsError`` for a level outside (0, 1).
    public init(data: CouncilData, level: Double = 0.95) throws(StatsError) {
        try StatsError.checkLevel(level)
        self.level = level
        let builder = Builder(data: data, level: level)
        findings = [builder.buyers(), builder.hotlineIncrease(), builder.hotlineAnnualised(), builder.referralsAnnualised()]
            + builder.statuteFindings() + [builder.prostitutionVersusPatronizing(), builder.sexTraffickingShare()]
            + builder.demographicFindings() + builder.providerFindings()
    }

    public func finding(_ id: String) -> Finding? { findings.first { $0.id == id } }
}

/// The computations behind ``ReportFindings``, one method per kind of finding.
private struct Builder {
    let data: CouncilData
    let level: Double

    var percentLevel: String { formatNumber(100 * level) + "%" }

    func missing(_ id: String, _ topic: String, _ claim: ReportClaim, _ what: String) -> Finding {
        Finding(id: id, topic: topic, claim: claim.quote, claimSource: claim.source, figures: [], check: "not computed",
                verdict: .missingData, verdictText: "cannot be checked: the data has no \(what)", rows: [])
    }

    /// A finding the computation refused: the data's input is invalid, or (an
    /// `insufficientData` error) not there; the error's own words say which and why.
    func refused(_ id: String, _ topic: String, claim: String, source: String, _ what: String, _ error: StatsError,
                 rows: [String]) -> Finding {
        let missing = error.kind == .insufficientData
        return Finding(id: id, topic: topic, claim: claim, claimSource: source, figures: [], check: "not computed",
                       verdict: missing ? .missingData : .invalidData,
                       verdictText: "cannot be \(missing ? "checked" : "computed"): \(what)\(error.message)", rows: rows)
    }

    // MARK: Demand

    func buyers() -> Finding {
        let id = "buyers", topic = "End Demand CT: the buyer extrapolation"
        guard let demand = data.demand else {
            return missing(id, topic, .buyers, "demand factors (children, buyers per child per day, days)")
        }
        let model: DemandModel
        do {
            model = try demand.model()
        } catch {
            return refused(id, topic, claim: ReportClaim.buyers.quote, source: ReportClaim.buyers.source, "", error,
                           rows: demand.entries.map(\.provenance.reference))
        }
        let e = model.pointEstimate()
        let stated = demand.statedResult
        let claim = stated?.provenance.quote.map { "\u{2026}" + $0 } ?? ReportClaim.buyers.quote
        var figures: [Finding.Figure] = [
            .init("children", model.children.value, .childCount),
            .init("buyers_per_child_per_day", model.buyersPerDay.value, .number),
            .init("days", model.days.value, .number),
            .init("visits_per_buyer", model.visitsPerBuyer.value, .number),
            .init("transactions", e.transactions, .count),
            .init("unique_buyers", e.uniqueBuyers, .count),
        ]
        let product = "\(number(model.children.value)) \u{00D7} \(number(model.buyersPerDay.value)) \u{00D7} \(number(model.days.value)) = \(number(e.transactions)) transactions"
        let twice = e.transactions / 2
        var cautions = [
            "Transactions are not unique buyers: \(number(e.transactions)) transactions are \(number(e.transactions)) buyers only if no buyer returns; "
                + "at 2 visits per buyer they are \(number(twice)) buyers, at 10 visits \(number((e.transactions / 10).rounded())).",
            "Every factor is an assumption except the count of children, and the children are referrals \u{201C}at high risk\u{201D}, not confirmed victims.",
        ]
        let verdict: Finding.Verdict
        let text: String
        if let stated {
            figures.append(.init("stated_result", stated.value, .count))
            let lowerBound = stated.provenance.isLowerBound
            let holds = lowerBound ? e.transactions > stated.value : e.transactions == stated.value
            let qualifier = stated.provenance.qualifier.map { $0 + " " } ?? ""
            verdict = holds ? .qualified : .inconsistent
            text = holds
                ? "\(product) is \(qualifier)\(number(stated.value)) as transactions; as buyers only if no buyer returns"
                : "\(product) is not \(qualifier)\(number(stated.value))"
        } else {
            verdict = .derived
            text = product
            cautions.append("The data states no result to check the product against.")
        }
        return Finding(id: id, topic: topic, claim: claim, claimSource: stated?.provenance.source ?? ReportClaim.buyers.source,
                       figures: figures, check: product + "; / \(number(model.visitsPerBuyer.value)) visit per buyer = \(number(e.uniqueBuyers)) unique buyers",
                       verdict: verdict, verdictText: text, cautions: cautions,
                       rows: demand.entries.map(\.provenance.reference))
    }

    // MARK: Hotline

    func hotlineRecord(_ period: Period, _ value: (HotlineRecord) -> Int?) -> (HotlineRecord, Int)? {
        for r in data.hotline where r.period == period {
            if let v = value(r) { return (r, v) }
        }
        return nil
    }

    func hotlineIncrease() -> Finding {
        let id = "hotline_increase", topic = "NHTRC hotline: cases, January–September 2016 against 2015"
        let claim = ReportClaim.hotlineIncrease
        guard let (baseRow, base) = hotlineRecord(claim.periods[0], \.cases),
              let (laterRow, later) = hotlineRecord(claim.periods[1], \.cases) else {
            return missing(id, topic, claim, "hotline cases for both \(claim.periods[0].label) and \(claim.periods[1].label)")
        }
        let test: RateRatioTest
        do {
            test = try RateRatioTest(count: later, exposure: laterRow.period.years, baselineCount: base,
                                     baselineExposure: baseRow.period.years, level: level)
        } catch {
            return refused(id, topic, claim: claim.quote, source: claim.source, "the rate ratio of the cases: ", error,
                           rows: [baseRow.provenance.reference, laterRow.provenance.reference])
        }
        guard let percent = test.percentChange, let low = test.percentChangeLower, let high = test.percentChangeUpper else {
            return missing(id, topic, claim, "non-zero hotline case count for \(claim.periods[0].label)")
        }
        let countPercent = 100 * Double(later - base) / Double(base)
        let threshold = claim.statedValue ?? 0
        var figures: [Finding.Figure] = [
            .init("cases_baseline", Double(base), .count), .init("cases_later", Double(later), .count),
            .init("months_baseline", Double(baseRow.period.months), .number), .init("months_later", Double(laterRow.period.months), .number),
            .init("count_percent_change", countPercent, .percent),
            .init("rate_ratio", test.rateRatio, .number), .init("ci_low", test.lower, .number), .init("ci_high", test.upper, .number),
            .init("percent_change", percent, .percent), .init("percent_change_low", low, .percent),
            .init("percent_change_high", high, .percent), .init("p_value", test.pValue, .pValue),
        ]
        var rows = [baseRow.provenance.reference, laterRow.provenance.reference]
        let check = "counts \(later) / \(base) = \(fixed(Double(later) / Double(base), 2)) (\(DecimalText.signedPercent(countPercent))); "
            + "rates \(later) in \(laterRow.period.months) months against \(base) in \(baseRow.period.months): rate ratio "
            + "\(fixed(test.rateRatio, 3)) (\(percentLevel) CI \(fixed(test.lower, 2)) to \(fixed(test.upper, 2)), exact, p = \(fixed(test.pValue, 4))), "
            + "\(DecimalText.signedPercent(percent)) (\(DecimalText.signedPercent(low)) to \(DecimalText.signedPercent(high)))"
        var cautions = [
            "The report compares \(laterRow.period.months) months of 2016 with 12 months of 2015. Per month the increase is \(DecimalText.signedPercent(percent)), "
                + "but its \(percentLevel) interval reaches down to \(DecimalText.signedPercent(low)): the data support an increase, "
                + (low > threshold ? "and one of more than \(formatNumber(threshold))%." : "not that it exceeds \(formatNumber(threshold))%."),
        ]
        if let (fullRow, full) = hotlineRecord(Period(year: claim.periods[1].start.year), \.cases), fullRow.period != laterRow.period {
            figures.append(.init("cases_full_year_later", Double(full), .count))
            rows.append(fullRow.provenance.reference)
            cautions.append("A later source gives \(full) cases for all of \(fullRow.period.label) (\(DecimalText.signedPercent(100 * Double(full - base) / Double(base))) on \(baseRow.period.label))"
                + (fullRow.provenance.isCaution ? "; it is a lower-confidence source." : "."))
        }
        let holds = countPercent > threshold
        return Finding(id: id, topic: topic, claim: claim.quote, claimSource: claim.source, figures: figures, check: check,
                       verdict: holds ? .qualified : .inconsistent,
                       verdictText: holds ? "more than \(formatNumber(threshold))% as a count comparison (\(DecimalText.signedPercent(countPercent))); "
                           + "the exposure-adjusted rate rose \(DecimalText.signedPercent(percent))"
                           : "the count comparison gives \(DecimalText.signedPercent(countPercent)), not more than \(formatNumber(threshold))%",
                       cautions: cautions, rows: rows)
    }

    /// A partial-year count annualised with its exact interval, against a later full-year figure.
    func annualised(id: String, topic: String, claim: String, claimSource: String, name: String, count: Int, record: Provenance,
                    period: Period, later: (Int, Provenance)?, kind: Finding.Figure.Kind) -> Finding {
        let a: AnnualisedCount
        do {
            a = try AnnualisedCount(count: count, months: Double(period.months), level: level)
        } catch {
            // A period longer than a year has no part-year count to annualise: the input is not there.
            let notPartOfAYear = period.months > 12
            return Finding(id: id, topic: topic, claim: claim, claimSource: claimSource, figures: [], check: "not computed",
                           verdict: notPartOfAYear ? .missingData : .invalidData,
                           verdictText: "cannot be annualised: \(error.message)", rows: [record.reference])
        }
        var figures: [Finding.Figure] = [
            .init(name, Double(count), kind), .init("months", Double(period.months), .number),
            .init("annualised", a.estimate, .number), .init("ci_low", a.lower, .number), .init("ci_high", a.upper, .number),
        ]
        var rows = [record.reference]
        var cautions = ["\(fixed(a.estimate, 1)) is an annualised estimate from \(period.months) months (\(count) observed), not an observed annual count; "
            + "it assumes the rest of the year ran at the same rate."]
        let check = "\(count) in \(period.months) months \u{00D7} 12 / \(period.months) = \(fixed(a.estimate, 1)) a year (\(percentLevel) exact CI \(fixed(a.lower, 1)) to \(fixed(a.upper, 1)))"
        var verdict = Finding.Verdict.derived
        var text = "annualised estimate \(fixed(a.estimate, 1))"
        if let (full, provenance) = later {
            figures.append(.init("\(name)_full_year", Double(full), kind))
            rows.append(provenance.reference)
            let inside = Double(full) >= a.lower && Double(full) <= a.upper
            verdict = inside ? .consistent : .inconsistent
            text += inside ? "; the later full-year figure \(full) lies within its interval"
                : "; the later full-year figure \(full) lies outside its interval"
            if provenance.isCaution { cautions.append("The full-year figure comes from a lower-confidence source.") }
        }
        return Finding(id: id, topic: topic, claim: claim, claimSource: claimSource, figures: figures, check: check,
                       verdict: verdict, verdictText: text, cautions: cautions, rows: rows)
    }

    func hotlineAnnualised() -> Finding {
        let partial = ReportClaim.hotlineIncrease.periods[1]
        let claim = ReportClaim.hotlineIncrease
        guard let (row, calls) = hotlineRecord(partial, \.calls) else {
            return missing("hotline_calls_annualised", "NHTRC hotline: calls, January–September 2016 annualised", claim, "hotline calls for \(partial.label)")
        }
        let later = hotlineRecord(Period(year: partial.start.year), \.calls).map { ($0.1, $0.0.provenance) }
        return annualised(id: "hotline_calls_annualised", topic: "NHTRC hotline: calls, January–September 2016 annualised",
                          claim: row.provenance.quote ?? claim.quote, claimSource: row.provenance.source ?? claim.source, name: "calls",
                          count: calls, record: row.provenance, period: row.period, later: later, kind: .count)
    }

    func referralsAnnualised() -> Finding {
        let id = "dcf_referrals_annualised", topic = "DCF referrals: January–September 2016 annualised, against 2015"
        let claim = ReportClaim.referrals
        guard let partial = data.referrals.first(where: { $0.period == claim.periods[1] }) else {
            return missing(id, topic, claim, "DCF referrals for \(claim.periods[1].label)")
        }
        let full = data.referrals.first { $0.period == Period(year: partial.period.start.year) }
        var f = annualised(id: id, topic: topic, claim: claim.quote, claimSource: claim.source, name: "referrals",
                           count: partial.referrals, record: partial.provenance, period: partial.period,
                           later: full.map { ($0.referrals, $0.provenance) }, kind: .childCount)
        guard let base = data.referrals.first(where: { $0.period == claim.periods[0] }) else { return f }
        let test: RateRatioTest
        do {
            test = try RateRatioTest(count: partial.referrals, exposure: partial.period.years, baselineCount: base.referrals,
                                     baselineExposure: base.period.years, level: level)
        } catch {
            f.cautions.append("No rate ratio against \(base.period.label): \(error.message).")
            return f
        }
        if let percent = test.percentChange {
            f.figures.insert(.init("referrals_baseline", Double(base.referrals), .childCount), at: 0)
            f.figures += [.init("rate_ratio", test.rateRatio, .number), .init("rate_ratio_ci_low", test.lower, .number),
                          .init("rate_ratio_ci_high", test.upper, .number), .init("percent_change", percent, .percent),
                          .init("p_value", test.pValue, .pValue)]
            f.rows.insert(base.provenance.reference, at: 0)
            f.check += "; against \(base.referrals) in \(base.period.label): rate ratio \(fixed(test.rateRatio, 3)) "
                + "(\(percentLevel) CI \(fixed(test.lower, 2)) to \(fixed(test.upper, 2)), p = \(fixed(test.pValue, 4))), \(DecimalText.signedPercent(percent))"
        }
        return f
    }

    // MARK: Judicial

    func statuteFindings() -> [Finding] {
        ReportClaim.statutes.map { claim in
            let statute = claim.statute!
            let id = "statute_" + ColumnName.normalize(statute.replacing("(", with: "_").replacing(")", with: ""))
            let topic = "\(statute) \(Statutes.offences[Statutes.section(of: statute)] ?? ""): arrests and convictions"
            let records = data.judicial.filter { $0.statute == statute }.sorted { $0.period < $1.period }
            guard !records.isEmpty else { return missing(id, topic, claim, "arrest or conviction rows for \(statute)") }
            var figures: [Finding.Figure] = []
            var parts: [String] = []
            var cautions: [String] = []
            for r in records {
                let key = ColumnName.normalize(r.period.description.replacing("/", with: "_to_"))
                if let a = r.arrests { figures.append(.init("arrests_\(key)", Double(a), .count)) }
                if let c = r.convictions { figures.append(.init("convictions_\(key)", Double(c), .count)) }
                let arrests = r.arrests.map { "\($0) arrest\($0 == 1 ? "" : "s")" } ?? "arrests not stated"
                let convictions = r.convictions.map { "\($0) conviction\($0 == 1 ? "" : "s")" } ?? "convictions not stated"
                var part = "\(r.period.label): \(arrests), \(convictions)"
                if let a = r.arrests, let c = r.convictions {
                    do throws(StatsError) {
                        let ratio = try ConvictionArrestRatio(convictions: c, arrests: a)
                        figures.append(.init("conviction_arrest_ratio_\(key)", ratio.ratio, .number))
                        part += ratio.ratio.map { " (conviction/arrest ratio \(fixed($0, 3)))" } ?? " (no ratio without arrests)"
                    } catch {
                        part += " (no ratio: \(error.message))"
                    }
                }
                parts.append(part)
            }
            cautions.append(ConvictionArrestRatio.caution)
            let convictionsStated = records.compactMap(\.convictions)
            let claimedNone = claim.statedValue == 0
            let firstNone = records.first?.convictions == 0
            let verdict: Finding.Verdict = claimedNone ? (firstNone ? .consistent : .inconsistent) : .derived
            let text = claimedNone
                ? (firstNone ? "\(records[0].arrests.map { "\($0) arrest\($0 == 1 ? "" : "s") and " } ?? "")no convictions in \(records[0].period.label), as stated" : "the data gives \(records[0].convictions.map(String.init) ?? "no") convictions in \(records[0].period.label)")
                : "\(convictionsStated.reduce(0, +)) convictions in the periods stated"
            return Finding(id: id, topic: topic, claim: claim.quote, claimSource: claim.source, figures: figures,
                           check: parts.joined(separator: "; "), verdict: verdict, verdictText: text, cautions: cautions,
                           rows: records.map(\.provenance.reference))
        }
    }

    func prostitutionVersusPatronizing() -> Finding {
        let id = "prostitution_vs_patronizing", topic = "Prostitution (53a-82) against patronizing (53a-83): arrests and convictions"
        let sold = data.judicial.first { $0.statute == "53a-82" && $0.arrests != nil && $0.convictions != nil }
        guard let sold, let bought = data.judicial.first(where: { $0.statute == "53a-83" && $0.period == sold.period && $0.arrests != nil && $0.convictions != nil }),
              let a1 = sold.arrests, let c1 = sold.convictions, let a2 = bought.arrests, let c2 = bought.convictions, a2 > 0, c2 > 0 else {
            return missing(id, topic, ReportClaim(quote: "(no sentence)", source: "public figures"),
                           "arrests and convictions for both 53a-82 and 53a-83 over one period")
        }
        let r1: ConvictionArrestRatio, r2: ConvictionArrestRatio
        do {
            (r1, r2) = (try ConvictionArrestRatio(convictions: c1, arrests: a1), try ConvictionArrestRatio(convictions: c2, arrests: a2))
        } catch {
            return refused(id, topic, claim: sold.provenance.quote ?? "", source: sold.provenance.source ?? "", "the conviction/arrest ratios: ",
                           error, rows: [sold.provenance.reference, bought.provenance.reference])
        }
        let arrestRatio = Double(a1) / Double(a2), convictionRatio = Double(c1) / Double(c2)
        return Finding(id: id, topic: topic, claim: sold.provenance.quote ?? "", claimSource: sold.provenance.source ?? "",
                       figures: [
                        .init("arrests_prostitution", Double(a1), .count), .init("arrests_patronizing", Double(a2), .count),
                        .init("convictions_prostitution", Double(c1), .count), .init("convictions_patronizing", Double(c2), .count),
                        .init("arrest_ratio", arrestRatio, .number), .init("conviction_ratio", convictionRatio, .number),
                        .init("conviction_arrest_ratio_prostitution", r1.ratio, .number),
                        .init("conviction_arrest_ratio_patronizing", r2.ratio, .number),
                       ],
                       check: "\(sold.period.label): \(a1) / \(a2) = \(fixed(arrestRatio, 2)) times as many arrests for selling as for buying sex; "
                        + "\(c1) / \(c2) = \(fixed(convictionRatio, 2)) times as many convictions; conviction/arrest ratios "
                        + "\(fixed(r1.ratio ?? .nan, 3)) and \(fixed(r2.ratio ?? .nan, 3))",
                       verdict: .derived, verdictText: "\(fixed(arrestRatio, 1))\u{00D7} the arrests and \(fixed(convictionRatio, 1))\u{00D7} the convictions of those selling sex",
                       cautions: [ConvictionArrestRatio.caution],
                       rows: [sold.provenance.reference, bought.provenance.reference])
    }

    // MARK: Shares

    func sexTraffickingShare() -> Finding {
        let id = "sex_trafficking_share", topic = "NHTRC hotline: share of 2015 cases involving sex trafficking"
        let claim = ReportClaim.sexTraffickingShare
        guard let row = data.hotline.first(where: { $0.period == claim.periods[0] && $0.cases != nil && $0.casesSex != nil }),
              let n = row.cases, let k = row.casesSex, n > 0 else {
            return missing(id, topic, claim, "cases and sex-trafficking cases for \(claim.periods[0].label)")
        }
        let estimate: ShareEstimate
        do {
            estimate = try ShareEstimate(k, of: n, level: level)
        } catch {
            return refused(id, topic, claim: claim.quote, source: claim.source, "the share of cases: ", error, rows: [row.provenance.reference])
        }
        let figures = [Finding.Figure("cases_sex", Double(k), .count), .init("cases", Double(n), .count)] + estimate.figures()
        let share = estimate.percent
        let stated = claim.statedValue!
        let decimals = 1
        let rounded = fixed(share, decimals)
        let truncated = formatFixed((share * 10).rounded(.towardZero) / 10, decimals: decimals)
        let verdict: Finding.Verdict = rounded == formatFixed(stated, decimals: decimals) ? .consistent
            : (truncated == formatFixed(stated, decimals: decimals) ? .qualified : .inconsistent)
        let text: String
        switch verdict {
        case .consistent: text = "\(k) of \(n) is \(rounded)%, as stated"
        case .qualified: text = "\(k) of \(n) is \(fixed(share, 2))%, which rounds to \(rounded)%; the stated \(formatNumber(stated))% is truncated, not rounded"
        default: text = "\(k) of \(n) is \(rounded)%, not \(formatNumber(stated))%"
        }
        return Finding(id: id, topic: topic, claim: claim.quote, claimSource: claim.source, figures: figures,
                       check: "\(k) / \(n) = \(fixed(share, 2))% (\(percentLevel) Wilson CI \(fixed(estimate.wilsonLow, 1))% to \(fixed(estimate.wilsonHigh, 1))%; "
                        + "Clopper-Pearson \(fixed(estimate.clopperPearsonLow, 1))% to \(fixed(estimate.clopperPearsonHigh, 1))%)",
                       verdict: verdict, verdictText: text,
                       cautions: ["\(n) cases is a small group: the share's \(percentLevel) interval is about \(fixed(estimate.wilsonHigh - estimate.wilsonLow, 0)) points wide."],
                       rows: [row.provenance.reference])
    }

    /// Per period and dimension: shares of the total with intervals, a stated share checked to its
    /// rounding, and for a complete group the sum of its counts against the stated total.
    func demographicFindings() -> [Finding] {
        var groups: [String: [DemographicRecord]] = [:]
        var order: [String] = []
        for r in data.demographics {
            let key = (r.period?.description ?? "undated") + "|" + r.dimension
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(r)
        }
        return order.compactMap { key -> Finding? in
            let records = groups[key]!
            let counted = records.filter { $0.count != nil && $0.total != nil && $0.total! > 0 }
            guard !counted.isEmpty, let first = records.first else { return nil }
            let when = first.period?.label ?? "undated"
            let id = "demographics_" + slug((first.period?.description ?? "undated") + " " + first.dimension)
            var figures: [Finding.Figure] = []
            var checks: [String] = []
            var verdict = Finding.Verdict.derived
            var texts: [String] = []
            var cautions: [String] = []
            for r in counted {
                let k = r.count!, n = r.total!
                let name = slug(r.category)
                figures.append(.init("\(name)_count", Double(k), .childCount))
                do throws(StatsError) {
                    figures += try ShareEstimate(k, of: n, level: level).figures(prefix: "\(name)_")
                } catch {
                    cautions.append("\(r.category): no interval: \(error.message).")
                }
                let share = 100 * Double(k) / Double(n)
                checks.append("\(r.category): \(k) of \(n) = \(fixed(share, 1))%")
                if let stated = r.share {
                    let decimals = DemographicFindingRounding.decimals(of: stated)
                    let matches = fixed(share, decimals) == formatFixed(stated, decimals: decimals)
                    figures.append(.init("\(name)_stated_share", stated, .percent))
                    verdict = matches ? (verdict == .inconsistent ? .inconsistent : .consistent) : .inconsistent
                    texts.append("\(r.category): \(k) of \(n) = \(fixed(share, 2))%, \(matches ? "which rounds to the stated" : "not the stated") \(formatNumber(stated))%")
                }
            }
            let complete = records.contains { $0.complete == true }
            let total = counted[0].total!
            if complete, records.allSatisfy({ $0.count != nil }) {
                let sum = records.compactMap(\.count).reduce(0, +)
                figures.append(.init("sum_of_counts", Double(sum), .childCount))
                figures.append(.init("stated_total", Double(total), .childCount))
                checks.append("the \(records.count) categories add to \(sum) against the stated total \(total)")
                if sum == total {
                    if verdict == .derived { verdict = .consistent }
                    texts.append("the categories add to the stated total \(total)")
                } else {
                    verdict = .inconsistent
                    texts.append("the categories add to \(sum), not the stated total \(total)")
                }
            }
            if texts.isEmpty { texts.append("shares of \(total) derived from the counts") }
            if records.contains(where: \.provenance.isCaution) {
                cautions.append("Lower-confidence source\(first.period == nil ? ", undated" : "").")
            }
            cautions.append("Intervals treat the group as a sample of a process; they say how precisely a share of \(total) is known, not that anyone was sampled.")
            let quotes = Array(Set(records.compactMap(\.provenance.quote))).sorted()
            let sources = CouncilData.sources(records.map(\.provenance))
            return Finding(id: id, topic: "DCF referrals by \(first.dimension), \(when)", claim: quotes.joined(separator: " \u{2026} "),
                           claimSource: sources.joined(separator: "; "), figures: figures, check: checks.joined(separator: "; "),
                           verdict: verdict, verdictText: texts.joined(separator: "; "), cautions: cautions,
                           rows: records.map(\.provenance.reference))
        }
    }

    // MARK: Providers

    /// Per provider and period: spending against the allocation, cost per unit of each
    /// programme's outputs, and people served of those screened.
    func providerFindings() -> [Finding] {
        var keys: [String] = []
        var groups: [String: [ProviderRecord]] = [:]
        for r in data.providers {
            let key = r.provider + "|" + r.period.description
            if groups[key] == nil { keys.append(key) }
            groups[key, default: []].append(r)
        }
        var findings: [Finding] = []
        for key in keys {
            let records = groups[key]!
            let provider = records[0].provider, period = records[0].period
            let key = slug(provider + " " + period.description)
            let quotes = records.compactMap(\.provenance.quote).joined(separator: "; ")
            let source = CouncilData.sources(records.map(\.provenance)).joined(separator: "; ")
            let spent = records.filter { $0.measure == "dollars_spent" }
            if let allocated = records.first(where: { $0.measure == "dollars_allocated" }), !spent.isEmpty,
               let share = fundingShare(spent: spent, allocated: allocated, key: key, topic: "\(provider): spending against allocation, \(period.label)",
                                        claim: quotes, source: source, into: &findings) {
                var figures: [Finding.Figure] = [.init("allocated", allocated.value, .dollars), .init("spent", share.spent, .dollars),
                                                 .init("unspent", share.unspent, .dollars), .init("percent_spent", share.percent, .percent)]
                var checks = ["\(spent.map { DecimalText.dollars($0.value) }.joined(separator: " + ")) = \(DecimalText.dollars(share.spent)) spent of \(DecimalText.dollars(allocated.value)) allocated"
                    + (share.percent.map { " (\(fixed($0, 1))%)" } ?? "")]
                var rows = ([allocated] + spent).map(\.provenance.reference)
                for s in spent {
                    let outputs = records.filter { !$0.isDollars && $0.programme == s.programme && $0.value == $0.value.rounded() }
                    for o in outputs {
                        let unit = Builder.unitNames[o.measure] ?? o.measure.replacing("_", with: " ")
                        do {
                            let cost = try CostPerUnit(dollars: s.value, units: Int(o.value), unit: unit)
                            figures.append(.init("cost_per_" + slug(unit), cost.costPerUnit, .dollars))
                            checks.append(cost.statement)
                        } catch {
                            checks.append("no cost per \(unit): \(error.message)")
                        }
                        rows.append(o.provenance.reference)
                    }
                }
                findings.append(Finding(id: "funding_" + key, topic: "\(provider): spending against allocation, \(period.label)",
                                        claim: quotes, claimSource: source, figures: figures, check: checks.joined(separator: "; "),
                                        verdict: .derived, verdictText: share.statement,
                                        cautions: ["Spending reimbursed in the year; money committed but not yet spent is not counted."],
                                        rows: rows))
            }
            if let screened = records.first(where: { $0.measure == "screened" }), let served = records.first(where: { $0.measure == "served" }),
               screened.value == screened.value.rounded(), served.value == served.value.rounded(), served.value <= screened.value, screened.value > 0 {
                let k = Int(served.value), n = Int(screened.value)
                let estimate: ShareEstimate
                do {
                    estimate = try ShareEstimate(k, of: n, level: level)
                } catch {
                    findings.append(refused("served_" + key, "\(provider): people served of those screened, \(period.label)", claim: quotes,
                                            source: source, "the share served: ", error, rows: [screened.provenance.reference, served.provenance.reference]))
                    continue
                }
                let figures = [Finding.Figure("served", served.value, .count), .init("screened", screened.value, .count)] + estimate.figures()
                findings.append(Finding(id: "served_" + key, topic: "\(provider): people served of those screened, \(period.label)",
                                        claim: [screened, served].compactMap(\.provenance.quote).joined(separator: "; "), claimSource: source,
                                        figures: figures,
                                        check: "\(k) / \(n) = \(fixed(100 * Double(k) / Double(n), 1))% (\(percentLevel) Wilson CI "
                                            + "\(fixed(estimate.wilsonLow, 1))% to \(fixed(estimate.wilsonHigh, 1))%)",
                                        verdict: .derived, verdictText: "\(fixed(100 * Double(k) / Double(n), 1))% of those screened were served",
                                        cautions: ["Those served in a year need not be among those screened that year: read the share as a ratio of two counts."],
                                        rows: [screened.provenance.reference, served.provenance.reference]))
            }
        }
        return findings
    }

    /// The share spent of an allocation; when the amounts are refused (a negative or
    /// infinite amount), a finding that says why is added instead and nil returned.
    func fundingShare(spent: [ProviderRecord], allocated: ProviderRecord, key: String, topic: String, claim: String, source: String,
                      into findings: inout [Finding]) -> FundingShare? {
        do {
            return try FundingShare(spent: spent.map(\.value).reduce(0, +), allocated: allocated.value)
        } catch {
            findings.append(refused("funding_" + key, topic, claim: claim, source: source, "the share spent: ", error,
                                    rows: ([allocated] + spent).map(\.provenance.reference)))
            return nil
        }
    }

    // MARK: Text

    /// One unit of each provider measure, for "per ..." (the measures are plural counts).
    static let unitNames = [
        "screened": "person screened", "served": "person served", "long_term_services": "youth given long-term services",
        "rapid_responses": "rapid response", "trainings": "training", "participants": "participant",
        "professionals_trained": "professional trained", "victims_housed": "victim housed", "cases": "case",
    ]

    /// An identifier from a label: lower case ASCII letters and digits, other runs as one "_".
    func slug(_ text: String) -> String { Slug.make(text, separator: "_") }

    func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? groupThousands(Int(x)) : formatNumber(x)
    }

    func fixed(_ x: Double, _ decimals: Int) -> String { DecimalText.fixed(x, decimals: decimals) }
}

/// How many decimals a stated share was written with (73 -> 0, 82.7 -> 1).
private enum DemographicFindingRounding {
    static func decimals(of x: Double) -> Int {
        let text = formatNumber(x)
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        return text.distance(from: dot, to: text.endIndex) - 1
    }
}
