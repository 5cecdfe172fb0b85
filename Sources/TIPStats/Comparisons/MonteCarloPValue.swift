/// How a test of an r x c table gets its p-value when the exact distribution is not used:
/// Monte Carlo over tables with the observed margins (``RandomContingencyTable``), as R's
/// `simulate.p.value = TRUE`: p = (1 + #{simulated statistic at least as extreme}) / (B + 1),
/// which is never zero and is itself a valid p-value for any B. Its Monte Carlo standard error
/// is about sqrt(p (1 - p) / B); B = 2000 (R's default) gives about +-0.005 at p = 0.05.
///
/// ```swift
/// let settings = MonteCarloPValue(replicates: 9999, seed: 20240131)
/// ```
public struct MonteCarloPValue: Sendable, Hashable, Codable {
    /// Most replicates allowed.
    public static let maximumReplicates = 10_000_000

    public let replicates: Int
    public let seed: UInt64

    public init(replicates: Int = 2000, seed: UInt64) {
        self.replicates = replicates
        self.seed = seed
    }

    func check() throws(StatsError) {
        guard (1...MonteCarloPValue.maximumReplicates).contains(replicates) else {
            throw .invalidInput("Monte Carlo replicates must lie between 1 and \(MonteCarloPValue.maximumReplicates) (got \(replicates))")
        }
    }

    /// (1 + #{statistic(table) counted as extreme}) / (B + 1) over B random tables.
    func pValue(_ table: ContingencyTable, isExtreme: ([[Int]]) -> Bool) -> Double {
        let sampler = RandomContingencyTable(rowTotals: table.rowTotals, columnTotals: table.columnTotals)
        var generator = Xoshiro256StarStar(seed: seed)
        var extreme = 0
        for _ in 0..<replicates where isExtreme(sampler.draw(using: &generator)) { extreme += 1 }
        return Double(1 + extreme) / Double(replicates + 1)
    }
}
