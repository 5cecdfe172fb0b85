import Testing
import TIPDomain

@Suite("Conviction/arrest ratios")
struct ConvictionArrestRatioTests {
    @Test("conviction/arrest is a ratio with its caution, and none without arrests")
    func convictionArrest() throws {
        let r = try ConvictionArrestRatio(convictions: 269, arrests: 1378)
        #expect(r.ratio == 269.0 / 1378)
        #expect(r.statement == "269 convictions to 1,378 arrests: a ratio of 0.195")
        #expect(r.caution.hasPrefix("Convictions are not a subset of the same period's arrests"))
        let none = try ConvictionArrestRatio(convictions: 2, arrests: 0)
        #expect(none.ratio == nil)
        #expect(none.statement == "2 convictions to 0 arrests: no ratio without arrests")
        // Convictions may exceed arrests: the ratio is reported as it is.
        #expect(try ConvictionArrestRatio(convictions: 3, arrests: 2).ratio == 1.5)
    }
}
