import Testing
import TIPTable
import TIPTableCharts
import TIPReport

/// The council's provenance columns as a table chart's notes (what `tipstat chart` adds to
/// the general mapping): cautions, qualifiers and notes of the rows drawn.
@Suite("Provenance notes of a table chart")
struct ProvenanceNotesTests {
    func table(_ csv: String) throws -> Table {
        try #require(TableLoader(options: LoadOptions(readMetadata: false)).load(.bytes(Array(csv.utf8), name: "t.csv")).table)
    }

    @Test("the drawn rows' cautions, qualifiers and notes become notes, with the rows they concern; rows without a value add none")
    func provenanceBecomesNotes() throws {
        let t = try table("""
        period,calls,cases,qualifier,confidence,note
        2007/2016-09,765,,more than,,Calls that reference Connecticut since 2007.
        2015,,29,,,Cases only.
        2016,193,54,,caution,Lower-confidence source.
        2017,200,60,,,
        """)
        let spec = try TableChart(.bar(.init()), x: "period", y: ["calls"]).spec(for: t, rowNotes: CouncilFigures.provenanceNotes(for:))
        let provenance = Array(spec.notes.drop { !$0.hasPrefix("Lower-confidence") })
        #expect(provenance == [
            "Lower-confidence or undated source: 2016. Read with caution.",
            "Jan 2007–Sep 2016: the source says \u{201C}more than\u{201D}.",
            "Jan 2007–Sep 2016: Calls that reference Connecticut since 2007.",
            "2016: Lower-confidence source.",
        ])
        // A note every drawn row shares is said once, without labels.
        let shared = try table("year,cases,note\n2014,35,Counted by the hotline.\n2015,29,Counted by the hotline.\n")
        #expect(try TableChart(.bar(.init()), x: "year", y: ["cases"]).spec(for: shared, rowNotes: CouncilFigures.provenanceNotes(for:)).notes == ["Counted by the hotline."])
        // A table without provenance columns gets no such notes.
        #expect(try TableChart(.bar(.init()), x: "year", y: ["cases"]).spec(for: try table("year,cases\n2014,35\n"), rowNotes: CouncilFigures.provenanceNotes(for:)).notes.isEmpty)
    }
}
