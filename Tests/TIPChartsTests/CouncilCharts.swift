import TIPCharts

/// The golden figures: one per chart kind, drawn from the council's own numbers (Datasets/ and
/// /shared/sources). Each is a figure a legislator could be handed.
enum CouncilCharts {
    static let all: [(name: String, spec: ChartSpec)] = [
        ("bar", dcfReferralBars),
        ("bar-horizontal", providerOutputs),
        ("grouped-bar", arrestsAndConvictions),
        ("stacked-bar", love146Youth),
        ("stacked-100", buyersShare),
        ("line", dcfReferralLine),
        ("line-interval", dcfReferralsWithEstimate),
        ("dot", hotlineCases),
        ("tornado", demandTornado),
        ("histogram", demandHistogram),
        ("share", residence),
        ("donut", childrenOfColor),
        ("small-multiples", traffickingStatutes),
    ]

    static let dcfReferralBars = ChartSpec(
        title: "DCF referrals for child trafficking rose from 4 in 2008 to 202 in 2016",
        subtitle: "Referrals of children at risk of or confirmed as victims of trafficking, by calendar year.",
        yTitle: "Referrals per year",
        source: "DCF HART slides (2008–2011); The Day, 2015-11-30 (2014); TIP Council 2016 annual report (2015); "
            + "J. Gilchrest, \u{201C}Sex Trafficking in Connecticut\u{201D} (2016)",
        notes: ["No count for 2012 or 2013 was found in a public source."],
        content: .bars(BarChart(categories: ["2008", "2009", "2010", "2011", "2012", "2013", "2014", "2015", "2016"],
                                values: [4, 30, 31, 13, nil, nil, 94, 133, 202], name: "Referrals")))

    static let providerOutputs = ChartSpec(
        title: "Providers screened 120 people and gave 101 youth rapid responses in 2016",
        subtitle: "Love146 gave 101 youth one-time rapid responses; the International Institute served 46 victims.",
        xTitle: "People in 2016",
        source: "TIP Council 2016 annual report, Council Member Activities",
        content: .bars(BarChart(
            categories: ["IIConn: people screened", "IIConn: victims served", "Love146: rapid responses",
                         "Love146: long-term services", "Love146: professionals trained", "OVS: training participants",
                         "OVS: victims housed"],
            values: [120, 46, 101, 41, 36, 31, .count(2, suppressBelow: 5)], orientation: .horizontal)))

    static let arrestsAndConvictions = ChartSpec(
        title: "Sellers of sex were arrested 2.6 times as often as buyers",
        subtitle: "Connecticut, 2005–2014: 3,557 prostitution arrests against 1,378 for patronizing; "
            + "1,841 convictions against 269.",
        yTitle: "Arrests and convictions, 2005–2014",
        source: "Milford Patch, 2016-01-16, reprinted by the CT Permanent Commission on the Status of Women",
        notes: ["Convictions in a period are not a subset of that period's arrests: compare them as a ratio, not a rate."],
        content: .bars(BarChart(categories: ["Prostitution (53a-82)", "Patronizing a prostitute (53a-83)"],
                                series: [Series("Arrests", [3557, 1378]), Series("Convictions", [1841, 269])])))

    static let love146Youth = ChartSpec(
        title: "Love146 reached 142 youth in 2016",
        subtitle: "Most were one-time rapid responses; 41 youth received long-term services.",
        yTitle: "Youth served",
        source: "Hartford Courant, 2014-12-12 (2014); TIP Council 2016 annual report, Love146 (2016)",
        notes: ["2014 counts rapid responses to 12 December only."],
        content: .bars(BarChart(categories: ["2014 (to 12 Dec)", "2016"],
                                series: [Series("Rapid responses", [18, 101]), Series("Long-term services", [nil, 41])],
                                layout: .stacked)))

    static let buyersShare = ChartSpec(
        title: "Buyers were 28% of arrests but 13% of convictions",
        subtitle: "Arrests and convictions for prostitution (sellers) and patronizing (buyers), Connecticut 2005–2014.",
        xTitle: "Share of arrests and of convictions, 2005–2014",
        source: "Milford Patch, 2016-01-16, reprinted by the CT Permanent Commission on the Status of Women",
        notes: ["Arrests: 3,557 prostitution, 1,378 patronizing. Convictions: 1,841 prostitution, 269 patronizing."],
        content: .bars(BarChart(categories: ["Arrests", "Convictions"],
                                series: [Series("Prostitution, 53a-82 (sellers)", [3557, 1841]),
                                         Series("Patronizing, 53a-83 (buyers)", [1378, 269])],
                                layout: .normalized, orientation: .horizontal)))

    static let dcfReferralLine = ChartSpec(
        title: "Referrals of children for trafficking rose fifty-fold from 2008 to 2016",
        subtitle: "DCF's referrals reached 133 in 2015; the first nine months of 2016 point to about 201 for the year.",
        yTitle: "Referrals per year",
        source: "DCF HART slides (2008–2011); The Day, 2015-11-30 (2014); TIP Council 2016 annual report (2015, 2016)",
        notes: ["2016 is an estimate: 151 referrals from January to September, annualised (151 \u{00D7} 12/9 = 201.3). "
                + "A later source gives 202 for the full year.",
                "No count for 2012 or 2013 was found in a public source; the line is not drawn across the gap."],
        content: .line(LineChart(series: [
            LineSeries("Referrals", years: [2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016],
                       values: [4, 30, 31, 13, nil, nil, 94, 133, .estimate(151.0 * 12 / 9)]),
        ], yFormat: .decimal(1), step: 1)))

    /// The count for 2016 beside the estimate the report made from January to September, with
    /// its exact interval (SciPy: chi2.ppf(0.025, 302)/2/0.75 = 170.50, chi2.ppf(0.975, 304)/2/0.75
    /// = 236.13), dodged a quarter-year so neither hides the other.
    static let dcfReferralsWithEstimate = ChartSpec(
        title: "The report's estimate for 2016 matched the count that came later",
        subtitle: "151 referrals from January to September 2016 annualise to 201.3 (95% interval 170.5–236.1); 202 were counted.",
        yTitle: "Referrals per year",
        source: "DCF HART slides (2008–2011); The Day, 2015-11-30 (2014); TIP Council 2016 annual report (2015, Jan–Sep 2016); "
            + "J. Gilchrest, \u{201C}Sex Trafficking in Connecticut\u{201D} (2016); Hartford Foundation (2018); CT DCF (2021)",
        notes: ["Jan–Sep 2016 is an estimate: 151 \u{00D7} 12/9 = 201.3; the whisker is its exact (Garwood) 95% Poisson interval."],
        content: .line(LineChart(series: [
            LineSeries("Referrals in the year", years: [2008, 2009, 2010, 2011, 2014, 2015, 2016, 2018, 2021],
                       values: [4, 30, 31, 13, 94, 133, 202, 210, 241]),
            LineSeries("Annualised from Jan–Sep", points: [
                LinePoint(x: 2016.25, value: .estimate(151.0 * 12 / 9), lower: 170.50164754799587, upper: 236.12911094170727),
            ]),
        ], yFormat: .decimal(1), step: 1, valueLabels: .all, intervalLabel: "95% exact interval")))

    static let hotlineCases = ChartSpec(
        title: "Hotline cases from Connecticut rose in 2016",
        subtitle: "At the January–September pace, 2016 would see about 55 cases, well above the 29 of 2015.",
        xTitle: "Cases reported to the National Human Trafficking Hotline per year",
        source: "Norwich Bulletin, 2016-02-14 (2014, 2015); TIP Council 2016 annual report (2016); "
            + "thepoliticbackend.org (2016 full year, lower confidence)",
        notes: ["Intervals are exact (Garwood) 95% Poisson intervals. January–September 2016: 41 cases annualised (\u{00D7} 12/9)."],
        content: .dots(DotPlot(rows: [
            DotPlot.Row("2014", value: 35, lower: 24.38, upper: 48.68),
            DotPlot.Row("2015", value: 29, lower: 19.42, upper: 41.65),
            DotPlot.Row("2016, Jan–Sep annualised", value: .estimate(41.0 * 12 / 9), lower: 39.23, upper: 74.16),
            DotPlot.Row("2016, full year (caution)", value: 54, lower: 40.57, upper: 70.46),
        ], reference: ReferenceLine(29, label: "2015 level"), pointLabel: "Cases", intervalLabel: "95% exact interval")))

    static let demandTornado = ChartSpec(
        title: "How many buyers? The answer turns on the buyers-per-day assumption",
        subtitle: "The report's 82,992 multiplies 456 children by one buyer a day for 182 days; "
            + "each assumption moved alone over a plausible range.",
        xTitle: "Estimated buyers (unique), 2013–2016",
        source: "TIP Council 2016 annual report, End Demand CT; ranges: TIPStat sensitivity analysis",
        notes: ["Ranges are illustrative assumptions, not estimates. Visits per buyer divides the total: "
                + "the report implicitly assumes no buyer returns."],
        content: .tornado(TornadoChart(base: 82_992, baseLabel: "Report's estimate", factors: [
            .init("Children exploited (of 456 referred)", low: "228", high: "456", outputAtLow: 41_496, outputAtHigh: 82_992),
            .init("Buyers per child per day", low: "0.5", high: "3", outputAtLow: 41_496, outputAtHigh: 248_976),
            .init("Days exploited", low: "90", high: "365", outputAtLow: 41_040, outputAtHigh: 166_440),
            .init("Visits per buyer", low: "1", high: "10", outputAtLow: 82_992, outputAtHigh: 8_299.2),
        ])))

    static let demandHistogram = ChartSpec(
        title: "With uncertain assumptions, the transactions could be half or four times the report's figure",
        subtitle: "The middle 95% of simulated totals runs from about 46,000 to 340,000; the report's 82,992 sits low in that range.",
        xTitle: "Estimated transactions, 2013–2016",
        yTitle: "Simulated draws",
        source: "TIPStat Monte Carlo of the report's model (456 children \u{00D7} buyers per day \u{00D7} days), seed 2016",
        notes: ["Buyers per child per day triangular(0.5, 1, 3); days uniform(90, 365); 456 children held fixed."],
        content: .histogram(Histogram(values: MonteCarlo.demandDraws(count: 2_000, seed: 2016), binCount: 30,
                                      reference: ReferenceLine(82_992, label: "Report's figure"))))

    static let residence = ChartSpec(
        title: "Most exploited children were living at home",
        subtitle: "Where 210 children in DCF HART's caseload lived when they were exploited: 63% with a parent or guardian.",
        xTitle: "Share of the 210 children",
        source: "DCF HART quarterly slides, \u{201C}Clients Served by Region\u{201D} (undated; lower confidence)",
        content: .shares(ShareChart(items: [
            ShareItem("Parent/guardian home", 133), ShareItem("Foster home", 38), ShareItem("Congregate care", 20),
            ShareItem("AWOL/runaway", 7), ShareItem("Missing/unknown", 7),
            ShareItem("Relative/other home", .count(4, suppressBelow: 5)), ShareItem("Detention", .count(1, suppressBelow: 5)),
            ShareItem("Shelter", 0),
        ], total: 210)))

    static let childrenOfColor = ChartSpec(
        title: "Nearly three in four children referred in 2018 were children of color",
        subtitle: "153 of the 210 children DCF referred for trafficking in 2018.",
        source: "Hartford Foundation for Public Giving, grant announcement",
        notes: ["\u{201C}Other children\u{201D} is 210 less the 153 children of color; the source does not break it down."],
        content: .donut(DonutChart(items: [ShareItem("Children of color", 153), ShareItem("Other children", 57)],
                                   centerLabel: "children, 2018")))

    static let traffickingStatutes = ChartSpec(
        title: "Two trafficking convictions in a decade, none for patronizing a minor",
        subtitle: "Arrests and convictions under Connecticut's trafficking statutes, on a common scale.",
        yTitle: "Cases in the period",
        source: "CT News Junkie, 2016-03-31; TIP Council 2016 annual report",
        notes: ["Arrests under 53a-192a from March to December 2016 were not reported."],
        content: .smallMultiples(SmallMultiples(panels: [
            .init("53a-192a Trafficking in persons", .bars(BarChart(
                categories: ["2006 – Mar 2016", "Mar – Dec 2016"],
                series: [Series("Arrests", [10, nil]), Series("Convictions", [0, 2])]))),
            .init("53a-83(c) Patronizing a minor or trafficking victim", .bars(BarChart(
                categories: ["2013 – 2016"],
                series: [Series("Arrests", [0]), Series("Convictions", [0])]))),
        ])))
}

/// Draws for the histogram golden, from a generator written out here so the figure does not
/// depend on another module: SplitMix64 uniforms mapped through inverse CDFs that use only
/// +, -, x, / and sqrt, which IEEE 754 rounds identically everywhere.
enum MonteCarlo {
    static func demandDraws(count: Int, seed: UInt64) -> [Double] {
        var state = seed
        func uniform() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return Double(z >> 11) / 9_007_199_254_740_992
        }
        func triangular(_ a: Double, _ c: Double, _ b: Double) -> Double {
            let u = uniform()
            let f = (c - a) / (b - a)
            return u < f ? a + ((b - a) * (c - a) * u).squareRoot() : b - ((b - a) * (b - c) * (1 - u)).squareRoot()
        }
        return (0..<count).map { _ in
            let buyers = triangular(0.5, 1, 3)
            let days = 90 + 275 * uniform()
            return 456 * buyers * days
        }
    }
}
