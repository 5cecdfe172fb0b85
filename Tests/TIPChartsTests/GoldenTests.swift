import Foundation
import Testing
import TIPCharts
import TIPTestSupport

/// Golden files: each council figure must come out byte for byte as reviewed. After an intended
/// change, regenerate with `TIPSTAT_UPDATE_GOLDEN=1 swift test --filter TIPChartsTests`, render
/// with `Tests/TIPChartsTests/render-pngs.sh` and look at every PNG before committing.
@Suite("Golden SVG figures")
struct GoldenTests {
    static let updating = ProcessInfo.processInfo.environment["TIPSTAT_UPDATE_GOLDEN"] == "1"

    @Test("each figure matches its golden file byte for byte", arguments: CouncilCharts.all.map(\.name))
    func matchesGolden(name: String) throws {
        let spec = try #require(CouncilCharts.all.first { $0.name == name }?.spec)
        let svg = try spec.svg()
        let path = goldenDirectory + "/" + name + ".svg"
        if GoldenTests.updating {
            try Data(svg.utf8).write(to: URL(fileURLWithPath: path))
        }
        let golden = try #require(FileManager.default.contents(atPath: path),
                                  "missing \(path); run with TIPSTAT_UPDATE_GOLDEN=1 to create it")
        #expect(Data(svg.utf8) == golden, "\(name).svg differs from its golden file; review and regenerate")
    }

    @Test("each golden file parses with xmllint and renders with rsvg-convert without a message",
          arguments: CouncilCharts.all.map(\.name))
    func validates(name: String) throws {
        let path = goldenDirectory + "/" + name + ".svg"
        #expect(try xmllintProblems(path) == nil)
        #expect(try rsvgProblems(path) == nil)
    }

    @Test("a missing checking tool fails the check with a message naming the package, never passes")
    func missingTool() {
        #expect {
            try runTool("no-such-svg-checker", package: "example-package", arguments: [])
        } throws: { error in
            "\(error)" == "no-such-svg-checker is not installed: the SVG checks need it (Debian package example-package; "
                + "`make deps-test` installs it)"
        }
    }
}
