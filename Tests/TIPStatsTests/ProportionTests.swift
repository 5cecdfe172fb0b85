import Testing
import TIPStats

@Suite("Proportions and ratios")
struct ProportionTests {
    @Test("Wilson interval matches R's prop.test(correct = FALSE)", arguments: [
        (24, 29, 0.95), (0, 10, 0.95), (10, 10, 0.95), (39, 209, 0.95), (1, 3, 0.90),
    ])
    func wilson(k: Int, n: Int, level: Double) throws {
        let w = try ProportionInterval(successes: k, trials: n, level: level, method: .wilson)
        let key = "wilson.\(k)_\(n)_\(g(level))"
        #expect(agrees(w.lower, try rValue("\(key).lower")))
        #expect(agrees(w.upper, try rValue("\(key).upper")))
    }

    /// The reference keys carry the null proportion of the binom.test call that produced them.
    @Test("Clopper-Pearson matches R's binom.test interval",
          arguments: [(24, 29, 0.5), (0, 10, 0.3), (10, 10, 0.3), (7, 20, 0.25)])
    func clopperPearson(k: Int, n: Int, p: Double) throws {
        let c = try ProportionInterval(successes: k, trials: n, method: .clopperPearson)
        let key = "binom.\(k)_\(n)_\(g(p))"
        #expect(agrees(c.lower, try rValue("\(key).lower")))
        #expect(agrees(c.upper, try rValue("\(key).upper")))
    }

    @Test("k = 0 and k = n pin the interval to 0 and 1 exactly", arguments: ProportionInterval.Method.allCases)
    func edges(method: ProportionInterval.Method) throws {
        let none = try ProportionInterval(successes: 0, trials: 12, method: method)
        #expect(none.lower == 0 && none.upper > 0 && none.upper < 1)
        let all = try ProportionInterval(successes: 12, trials: 12, method: method)
        #expect(all.upper == 1 && all.lower > 0 && all.lower < 1)
    }

    @Test("impossible proportions throw")
    func errors() {
        #expect(throws: StatsError(.insufficientData, "a proportion needs at least one trial (got 0)")) {
            try ProportionInterval(successes: 0, trials: 0, method: .wilson)
        }
        #expect(throws: StatsError(.invalidInput, "successes must lie between 0 and the 3 trials (got 4)")) {
            try ProportionInterval(successes: 4, trials: 3, method: .clopperPearson)
        }
    }
}
