import Foundation
import Testing

/// The council's notebooks in `Notebooks-md/`: each one, run afresh by the built binary, prints
/// exactly what it holds and writes exactly its figures (`tipstat notebook check`), so a change
/// to a command or a dataset that moves a number fails here until the notebook is re-run and
/// its prose re-read. Each ends with what the data cannot tell, links at least one figure, and
/// seeds every simulation.
@Suite struct NotebooksTests {
    static let folder = repositoryRoot + "/Notebooks-md"

    static let notebooks: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted()
    }()

    func text(_ name: String) throws -> String {
        try String(contentsOfFile: NotebooksTests.folder + "/" + name, encoding: .utf8)
    }

    @Test func theFiveAnalysesAreThere() {
        #expect(NotebooksTests.notebooks == ["01-demand.md", "02-judicial.md", "03-dcf-referrals.md", "04-hotline.md",
                                            "05-providers-funding.md"])
    }

    @Test(arguments: NotebooksTests.notebooks)
    func aFreshRunGivesExactlyWhatTheNotebookHolds(name: String) throws {
        let r = try tipstat(["notebook", "check", "Notebooks-md/" + name])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout == "Notebooks-md/\(name): ok\n")
        #expect(r.stderr.isEmpty)
    }

    @Test(arguments: NotebooksTests.notebooks)
    func endsWithWhatTheDataCannotTellAndWhatToRequest(name: String) throws {
        let headings = try text(name).split(separator: "\n").filter { $0.hasPrefix("## ") }.map(String.init)
        #expect(headings.suffix(2) == ["## What the data cannot tell us", "## Data the council should request"])
    }

    @Test(arguments: NotebooksTests.notebooks)
    func linksAtLeastOneFigureItsCommandsWrite(name: String) throws {
        let text = try text(name)
        let links = text.split(separator: "\n").filter { $0.hasPrefix("![") }.compactMap { line -> String? in
            guard let open = line.range(of: "]("), let close = line[open.upperBound...].firstIndex(of: ")") else { return nil }
            return String(line[open.upperBound..<close])
        }
        #expect(!links.isEmpty)
        for link in links {
            #expect(link.hasPrefix("figures/") && link.hasSuffix(".svg"), "\(link)")
            #expect(text.contains("-o \(link)"), "\(link) is not written by a command of \(name)")
            #expect(FileManager.default.fileExists(atPath: NotebooksTests.folder + "/" + link))
        }
    }

    @Test func everyFigureBelongsToANotebook() throws {
        let figures = try FileManager.default.contentsOfDirectory(atPath: NotebooksTests.folder + "/figures").sorted()
        let texts = try NotebooksTests.notebooks.map(text).joined()
        #expect(!figures.isEmpty)
        for figure in figures { #expect(texts.contains("](figures/\(figure))"), "figures/\(figure) is linked by no notebook") }
    }

    @Test(arguments: NotebooksTests.notebooks)
    func everySimulationIsSeeded(name: String) throws {
        // A command (continuation lines joined) that draws random numbers names its seed.
        let joined = try text(name).replacingOccurrences(of: "\\\n", with: " ")
        for line in joined.split(separator: "\n") where line.hasPrefix("tipstat ") && line.contains("--vary") {
            #expect(line.contains("--seed "), "\(line)")
        }
    }
}
