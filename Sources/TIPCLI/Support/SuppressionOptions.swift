import ArgumentParser
import TIPAnalysis

/// Disclosure control on request: small counts about children withheld from tables and charts,
/// with the suppression shown ("<5"), never hidden; the rule is TIPAnalysis's ``SmallCountRule``.
/// Shared by every command that prints or draws counts, so the rule is stated and applied once.
struct SuppressionOptions: ParsableArguments {
    @Flag(help: "Suppress counts from 1 to 4 (the default threshold, 5) and mark them \"<5\".")
    var suppressSmallCounts = false

    @Option(help: ArgumentHelp("Suppress counts from 1 to k - 1 and mark them \"<k\" (implies suppression).", valueName: "k"))
    var suppressBelow: Int?

    func validate() throws {
        if let k = suppressBelow { _ = try usage { () throws(AnalysisError) in try SmallCountRule(threshold: k) } }
    }

    /// The threshold in force, or nil when no suppression was asked for.
    var threshold: Int? { suppressBelow ?? (suppressSmallCounts ? SmallCountRule.defaultThreshold : nil) }

    /// The rule in force, or nil when no suppression was asked for.
    var rule: SmallCountRule? { threshold.flatMap { try? SmallCountRule(threshold: $0) } }
}
