import TIPTable

/// A sentence of the council's 2016 annual report that states a figure the data can check,
/// in the report's words, with what it is about (periods, a statute) and the threshold or
/// value it states. These are the report's claims, not data: the figures checked against them
/// come from the datasets (see ``ReportFindings``). Tests check that every quote appears word
/// for word in the report's text.
public struct ReportClaim: Sendable, Hashable {
    public var quote: String
    public var source: String
    /// The periods compared, baseline first.
    public var periods: [Period]
    public var statute: String?
    /// The figure the sentence states (40 for "a more than 40% increase"; 0 for "no convictions").
    public var statedValue: Double?

    public init(quote: String, source: String, periods: [Period] = [], statute: String? = nil, statedValue: Double? = nil) {
        self.quote = quote
        self.source = source
        self.periods = periods
        self.statute = statute
        self.statedValue = statedValue
    }

    static let report = "TIP Council 2016 annual report"

    public static let buyers = ReportClaim(
        quote: "Utilizing a very conservative estimate, if each of these children was sexually exploited by one buyer each day "
            + "for half a year (182 days), this would amount to more than 80,000 buyers.",
        source: report + ", End Demand CT")

    public static let hotlineIncrease = ReportClaim(
        quote: "From January to September 2016, the NHTRC has received 145 calls from Connecticut and a total of 41 unique cases "
            + "(incidents) of potential human trafficking. This is a more than 40% increase from 2015.",
        source: report + ", Connecticut Specific Data, NHTRC",
        periods: [Period(year: 2015), Period(parsing: "2016-01/2016-09")!], statedValue: 40)

    public static let referrals = ReportClaim(
        quote: "In 2015, DCF received 133 referrals of youth who were at risk or confirmed victims of human trafficking. "
            + "As of September 2016, DCF has received 151 referrals of youth who were at risk or confirmed victims of human trafficking.",
        source: report + ", Council Member Activities, DCF",
        periods: [Period(year: 2015), Period(parsing: "2016-01/2016-09")!])

    /// The statutes whose arrests and convictions the report speaks of in words.
    public static let statutes = [
        ReportClaim(
            quote: "to understand why no convictions occurred for Sec. 53a-192a, Trafficking in persons, since the felony charge "
                + "was enacted in 2006. \u{2026} Since convening the Roundtable discussion, there have been two convictions for "
                + "trafficking in persons in the state of Connecticut.",
            source: report + ", 2016 Highlights, Roundtable: Why No Convictions?", statute: "53a-192a", statedValue: 0),
        ReportClaim(
            quote: "In 2013, the state of Connecticut amended Sec. 53a-83, Patronizing a prostitute, to explicitly target individuals "
                + "who pay to sexually abuse children and exploited adults, increasing the penalty to a Class C felony. Since then, "
                + "however, no arrests or convictions have occurred for that charge.",
            source: report + ", End Demand CT", statute: "53a-83(c)", statedValue: 0),
    ]

    public static let sexTraffickingShare = ReportClaim(
        quote: "Of those, 82.7 percent \u{2013} or 24 cases \u{2013} involved trafficking for sex",
        source: "Norwich Bulletin, 2016-02-14, quoting the council's report of 2016-01-06",
        periods: [Period(year: 2015)], statedValue: 82.7)

    /// Every claim, for checking the quotes against the report.
    public static let all: [ReportClaim] = [buyers, hotlineIncrease, referrals] + statutes + [sexTraffickingShare]
}
