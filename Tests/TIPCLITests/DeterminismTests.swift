import Foundation
import Testing

/// The same input gives the same bytes in two separate runs of the binary. Each process has
/// its own random hash seed (the runs are started without SWIFT_DETERMINISTIC_HASHING), so an
/// output that depends on the order of a Set or Dictionary would differ here, which two
/// renderings inside one process, sharing one seed, cannot show.
@Suite("Determinism across processes")
struct DeterminismTests {
    /// Runs the arguments twice as two processes and returns both outputs.
    func twice(_ arguments: [String]) throws -> (RunResult, RunResult) {
        (try tipstat(arguments), try tipstat(arguments))
    }

    @Test("every chart kind draws the same SVG in two runs", arguments: [
        ["chart", "bar", "Datasets/dcf-referrals.csv", "--x", "period", "--y", "referrals"],
        ["chart", "grouped-bar", "Datasets/judicial.csv", "--x", "statute", "--y", "arrests", "--y", "convictions",
         "--where", "period=2005/2014"],
        ["chart", "stacked-bar", "Datasets/judicial.csv", "--x", "statute", "--y", "arrests", "--y", "convictions",
         "--where", "period=2005/2014", "--percent"],
        ["chart", "line", "Datasets/dcf-referrals.csv", "--x", "period", "--y", "referrals", "--where", "period!=2013/2016"],
        ["chart", "dot", "Datasets/hotline.csv", "--x", "period", "--y", "cases", "--interval", "poisson"],
        ["chart", "share", "Datasets/dcf-demographics.csv", "--x", "category", "--y", "count", "--where", "dimension=residence at exploitation"],
        ["chart", "small-multiples", "Datasets/judicial.csv", "--facet", "statute", "--x", "period", "--y", "arrests", "--y", "convictions"],
        ["chart", "buyers", "--data", "Datasets/demand-model.csv", "--figure", "histogram", "--vary", "days=uniform(90,365)",
         "--simulations", "2000", "--seed", "7"],
    ])
    func charts(arguments: [String]) throws {
        let (a, b) = try twice(arguments)
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout.hasPrefix("<svg") || a.stdout.hasPrefix("<?xml"))
        #expect(a.stdout == b.stdout)
    }

    @Test("the analyses print the same bytes in two runs", arguments: [
        ["analyze", "--format", "json"],
        ["analyze", "--format", "markdown", "--suppress-small-counts"],
        ["estimate", "buyers", "--data", "Datasets/demand-model.csv", "--vary", "days=uniform(90,365)", "--simulations", "5000",
         "--seed", "2016", "--format", "json"],
        ["summary", "Datasets", "--format", "json"],
    ])
    func analyses(arguments: [String]) throws {
        let (a, b) = try twice(arguments)
        #expect(a.status == 0, "\(a.stderr)")
        #expect(!a.stdout.isEmpty && a.stdout == b.stdout)
        #expect(a.stderr == b.stderr)
    }

    @Test("the council's figure set is the same, file for file, in two runs")
    func report() throws {
        let folder = try scratchFolder([:])
        for out in ["a", "b"] {
            let run = try tipstat(["report", "--datasets", repositoryRoot + "/Datasets", "--out", folder + "/" + out])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder + "/a").sorted()
        #expect(names.count > 10)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/b").sorted() == names)
        for name in names {
            #expect(FileManager.default.contents(atPath: folder + "/a/" + name) == FileManager.default.contents(atPath: folder + "/b/" + name),
                    "\(name) differs between two runs")
        }
    }
}
