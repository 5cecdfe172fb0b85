import ArgumentParser

/// Disclosure control on request: small counts about children withheld from tables and charts,
/// with the suppression shown ("<5"), never hidden. Counts from 1 to threshold - 1 are
/// suppressed; zero stays visible (a true zero identifies no one). Shared by every command that
/// prints or draws counts, so the rule is stated and applied once.
struct SuppressionOptions: ParsableArguments {
    /// The council's default threshold: counts under 5 are withheld.
    static let defaultThreshold = 5

    @Flag(help: "Suppress counts from 1 to 4 (the default threshold, 5) and mark them \"<5\".")
    var suppressSmallCounts = false

    @Option(help: ArgumentHelp("Suppress counts from 1 to k - 1 and mark them \"<k\" (implies suppression).", valueName: "k"))
    var suppressBelow: Int?

    func validate() throws {
        if let k = suppressBelow, k < 2 {
            throw ValidationError("--suppress-below must be at least 2 (got \(k)): a threshold of \(k) withholds no count")
        }
    }

    /// The threshold in force, or nil when no suppression was asked for.
    var threshold: Int? { suppressBelow ?? (suppressSmallCounts ? SuppressionOptions.defaultThreshold : nil) }
}
