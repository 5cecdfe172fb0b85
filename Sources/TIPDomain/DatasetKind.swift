import TIPTable

/// The kinds of data the council works with, each with its schema.
public enum DatasetKind: String, CaseIterable, Sendable {
    /// Judicial Branch arrests and convictions by statute and period.
    case judicial
    /// DCF referrals of children by period.
    case referrals
    /// DCF referrals by age, gender, race/ethnicity: counts and/or shares.
    case demographics
    /// National Human Trafficking Hotline calls and cases.
    case hotline
    /// Service-provider outputs and funding.
    case providers
    /// The factors of a demand (buyer) estimate.
    case demand

    /// The measures a providers dataset may report.
    public static let providerMeasures: [String] = [
        "screened", "served", "long_term_services", "rapid_responses", "trainings", "participants",
        "professionals_trained", "victims_housed", "cases", "dollars_allocated", "dollars_spent", "dollars_committed",
    ]

    /// The factors a demand dataset may give.
    public static let demandFactors: [String] = [
        "children", "buyers_per_child_per_day", "days", "visits_per_buyer", "stated_result",
    ]

    /// Columns every council dataset may carry beside its own.
    static let provenance: [ColumnRule] = [
        ColumnRule("qualifier", .string, description: "\"more than\", \"as of\": applies to the row's figures"),
        ColumnRule("confidence", .string, description: "\"caution\" for lower-confidence sources"),
        ColumnRule("note", .string),
        ColumnRule("source", .string, description: "publication and section or date"),
        ColumnRule("quote", .string, description: "the source's exact words"),
        ColumnRule("derived_from", .string, description: "how a figure the quote does not state is computed (QuoteRule)"),
    ]

    /// The schema for this kind. `extraStatutes` widens the judicial statute check.
    public func schema(extraStatutes: Set<String> = []) -> TableSchema {
        switch self {
        case .judicial:
            return TableSchema(name: rawValue, summary: "statute, offence, period, arrests, convictions", columns: [
                ColumnRule("statute", .string, required: true, nonMissing: true),
                ColumnRule("offence", .string, aliases: ["offense"]),
                ColumnRule("period", .period, required: true, nonMissing: true, aliases: ["year"]),
                ColumnRule("arrests", .integer, required: true, nonNegative: true),
                ColumnRule("convictions", .integer, required: true, nonNegative: true),
            ] + DatasetKind.provenance, checks: [DatasetChecks.statutes(extra: extraStatutes), DatasetChecks.someFigure(["arrests", "convictions"])])
        case .referrals:
            return TableSchema(name: rawValue, summary: "period, referrals", columns: [
                ColumnRule("period", .period, required: true, nonMissing: true, aliases: ["year"]),
                ColumnRule("referrals", .integer, required: true, nonNegative: true, aliases: ["count"]),
            ] + DatasetKind.provenance, checks: [DatasetChecks.someFigure(["referrals"])])
        case .demographics:
            return TableSchema(name: rawValue, summary: "period, dimension, category, count and/or share", columns: [
                ColumnRule("period", .period, required: true, aliases: ["year"]),
                ColumnRule("dimension", .string, required: true, nonMissing: true),
                ColumnRule("category", .string, required: true, nonMissing: true),
                ColumnRule("count", .integer, nonNegative: true),
                ColumnRule("share", .percent, nonNegative: true, aliases: ["percent", "percentage"]),
                ColumnRule("total", .integer, nonNegative: true),
                ColumnRule("complete", .boolean),
            ] + DatasetKind.provenance, checks: [DatasetChecks.someFigure(["count", "share"]), DatasetChecks.shares])
        case .hotline:
            return TableSchema(name: rawValue, summary: "period, calls, cases, cases by type", columns: [
                ColumnRule("period", .period, required: true, nonMissing: true, aliases: ["year"]),
                ColumnRule("calls", .integer, nonNegative: true),
                ColumnRule("cases", .integer, nonNegative: true),
                ColumnRule("cases_sex", .integer, nonNegative: true),
                ColumnRule("cases_labor", .integer, nonNegative: true, aliases: ["cases_labour"]),
                ColumnRule("cases_sex_and_labor", .integer, nonNegative: true, aliases: ["cases_both", "cases_sex_and_labour"]),
                ColumnRule("cases_not_specified", .integer, nonNegative: true),
            ] + DatasetKind.provenance, checks: [DatasetChecks.someFigure(["calls", "cases"]), DatasetChecks.hotlineTypes])
        case .providers:
            return TableSchema(name: rawValue, summary: "provider, programme, period, measure, value, unit", columns: [
                ColumnRule("provider", .string, required: true, nonMissing: true),
                ColumnRule("programme", .string, aliases: ["program"]),
                ColumnRule("period", .period, required: true, nonMissing: true, aliases: ["year"]),
                ColumnRule("measure", .string, required: true, nonMissing: true),
                ColumnRule("value", .double, required: true, nonNegative: true, nonMissing: true),
                ColumnRule("unit", .string),
            ] + DatasetKind.provenance, checks: [DatasetChecks.vocabulary(column: "measure", allowed: DatasetKind.providerMeasures)])
        case .demand:
            return TableSchema(name: rawValue, summary: "factor, value, unit", columns: [
                ColumnRule("factor", .string, required: true, nonMissing: true),
                ColumnRule("value", .double, required: true, nonNegative: true, nonMissing: true),
                ColumnRule("unit", .string),
            ] + DatasetKind.provenance, checks: [DatasetChecks.vocabulary(column: "factor", allowed: DatasetKind.demandFactors)])
        }
    }
}
