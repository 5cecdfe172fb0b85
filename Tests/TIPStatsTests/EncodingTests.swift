import Foundation
import Testing
import TIPStats

/// The CLI prints results as JSON with snake_case keys; these tests pin that contract.
@Suite("JSON encoding of results")
struct EncodingTests {
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = .sortedKeys
        // Infinite bounds (a rate ratio against a zero baseline) need a spelling in JSON.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test("a regression encodes with the field names the CLI prints")
    func regression() throws {
        let fit = try LinearRegression(response: [4, 30, 31, 13, 94, 133],
                                       predictors: [("year", [2008, 2009, 2010, 2011, 2014, 2015])])
        let text = try Self.json(fit)
        for key in ["\"coefficients\"", "\"std_error\"", "\"ci_low\"", "\"ci_high\"", "\"residual_sd\"",
                    "\"r_squared\"", "\"f_test\"", "\"df_residual\"", "\"outcome\":\"fitted\""] {
            #expect(text.contains(key), "missing \(key)")
        }
        let decoded = try JSONDecoder().decode(LinearRegression.self, from: JSONEncoder().encode(fit))
        #expect(decoded == fit)
    }

    @Test("an infinite upper bound encodes as the string Infinity, never NaN")
    func infiniteBound() throws {
        let t = try RateRatioTest(count: 5, exposure: 1, baselineCount: 0, baselineExposure: 1)
        let text = try Self.json(t)
        #expect(text.contains("\"upper\":\"Infinity\""))
        #expect(!text.contains("NaN"))
    }
}
