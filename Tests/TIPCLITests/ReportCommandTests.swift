import Foundation
import Testing
import TIPTestSupport

/// `tipstat report` on Datasets/: every figure well-formed and rendered cleanly, the index
/// loaded by a browser with every image showing, the same bytes on every run, and a refusal
/// to draw from broken data.
@Suite(.serialized) struct ReportCommandTests {
    static let figures = [
        "judicial-prostitution-patronizing", "judicial-statutes", "dcf-referrals", "dcf-age-2016", "dcf-gender-2021",
        "dcf-race-ethnicity-grouped-2018", "dcf-race-ethnicity-undated", "dcf-residence-at-exploitation-undated",
        "hotline-cases", "hotline-calls", "providers-outputs", "providers-funding", "demand-tornado", "demand-simulation",
    ]

    /// One run of the report into a fresh folder, shared by the tests below.
    static let run: (result: RunResult, folder: String) = {
        let folder = try! scratchFolder([:]) + "/report"
        return (try! tipstat(["report", "--datasets", repositoryRoot + "/Datasets", "--out", folder]), folder)
    }()

    @Test func writesEveryFigureAndBothIndexes() throws {
        let (r, folder) = Self.run
        #expect(r.status == 0)
        #expect(r.stdout == "\(folder)/index.html: 14 figures\n")
        #expect(r.stderr == "\(repositoryRoot)/Datasets/dcf-demographics.csv:7:4: warning: counts of \"race/ethnicity\" (undated) add to 209, not the stated total of 210\n")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files == (Self.figures.map { $0 + ".svg" } + ["index.html", "index.md", ".tipstat-report-files"]).sorted())
    }

    @Test func everyFigureParsesWithXmllintAndRendersWithRsvgWithoutAMessage() throws {
        for name in Self.figures {
            let path = Self.run.folder + "/" + name + ".svg"
            #expect(try xmllintProblems(path) == nil, "\(name)")
            #expect(try rsvgProblems(path) == nil, "\(name)")
        }
    }

    @Test func theIndexShowsEveryFigureWithItsTextAlternativeAndValues() throws {
        let html = try String(contentsOfFile: Self.run.folder + "/index.html", encoding: .utf8)
        for name in Self.figures {
            #expect(html.contains("<img src=\"\(name).svg\" alt=\""), "\(name)")
            #expect(html.contains("<section id=\"\(name)\">"), "\(name)")
        }
        #expect(html.components(separatedBy: "<table>").count - 1 == Self.figures.count)
        #expect(html.components(separatedBy: "<strong>Text alternative:</strong>").count - 1 == Self.figures.count)
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://"), "no external reference")
        let md = try String(contentsOfFile: Self.run.folder + "/index.md", encoding: .utf8)
        for name in Self.figures { #expect(md.contains("](\(name).svg)"), "\(name)") }
    }

    @Test func headlessChromiumLoadsEveryFigureOfTheIndex() throws {
        let images = try HeadlessBrowser.images(of: Self.run.folder + "/index.html")
        #expect(images.map(\.source) == Self.figures.map { $0 + ".svg" })
        for image in images {
            #expect(image.complete && image.width >= 720 && image.height >= 300, "\(image.source) did not load: \(image)")
            // A chart draws thousands of dark pixels (text, bars, axes); a broken or blank one none.
            #expect(image.ink > 2_000, "\(image.source) looks blank: \(image)")
        }
        let png = try HeadlessBrowser.screenshot(of: Self.run.folder + "/index.html", width: 1000, height: 2400)
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        // The IHDR chunk: width and height, big-endian, at bytes 16 to 23.
        let size = png.dropFirst(16).prefix(8).map { UInt32($0) }
        #expect((size[0] << 24 | size[1] << 16 | size[2] << 8 | size[3]) == 1000)
        #expect((size[4] << 24 | size[5] << 16 | size[6] << 8 | size[7]) == 2400)
        // A white page of that size compresses to a few kilobytes; the figures make it far larger.
        #expect(png.count > 100_000, "the screenshot is \(png.count) bytes: blank?")
    }

    @Test func aSecondRunWritesTheSameBytes() throws {
        let again = try scratchFolder([:]) + "/again"
        let r = try tipstat(["report", "--datasets", repositoryRoot + "/Datasets", "--out", again])
        #expect(r.status == 0)
        for name in Self.figures.map({ $0 + ".svg" }) + ["index.html", "index.md"] {
            #expect(FileManager.default.contents(atPath: again + "/" + name) == FileManager.default.contents(atPath: Self.run.folder + "/" + name),
                    "\(name)")
        }
    }

    @Test func datasetsWithErrorsAreRefusedAndNothingIsWritten() throws {
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: repositoryRoot + "/Datasets") {
            files[name] = try String(contentsOfFile: repositoryRoot + "/Datasets/" + name, encoding: .utf8)
        }
        files["hotline.csv"] = files["hotline.csv"]!.replacingOccurrences(of: "2015,,29,24", with: "2015,,lots,24")
        let dir = try scratchFolder(files)
        let r = try tipstat(["report", "--datasets", ".", "--out", "out"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("./hotline.csv:4:3: error: column \"cases\": expected an integer, found \"lots\"\n"))
        #expect(r.stderr.hasSuffix(".: error: the datasets have errors; no figure was drawn\n"))
        #expect(r.stdout == "")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }

    @Test func linksUnderTheIntroductionInBothIndexes() throws {
        let out = try scratchFolder([:]) + "/linked"
        let r = try tipstat(["report", "--datasets", repositoryRoot + "/Datasets", "--out", out,
                             "--link", "The analyses, as notebooks=notebooks/index.html", "--link", "A & B=https://example.org/a?b=1"])
        #expect(r.status == 0)
        let html = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(html.contains("<ul class=\"links\">\n<li><a href=\"notebooks/index.html\">The analyses, as notebooks</a></li>\n"
            + "<li><a href=\"https://example.org/a?b=1\">A &amp; B</a></li>\n</ul>\n"))
        let markdown = try String(contentsOfFile: out + "/index.md", encoding: .utf8)
        #expect(markdown.contains("\n- [The analyses, as notebooks](notebooks/index.html)\n- [A &amp; B](https://example.org/a?b=1)\n\n"))
        let script = try tipstat(["report", "--out", out, "--link", "x=javascript:alert(1)"])
        #expect(script.status == 64)
        #expect(script.stderr.hasPrefix("Error: --link x=javascript:alert(1): the target must be a relative path or an http(s) address\n"))
        let bare = try tipstat(["report", "--out", out, "--link", "notebooks/index.html"])
        #expect(bare.status == 64)
        #expect(bare.stderr.hasPrefix("Error: --link notebooks/index.html: expected TEXT=TARGET, e.g. --link 'Notebooks=notebooks/index.html'\n"))
    }

    @Test func aFolderWithoutDatasetsIsAnError() throws {
        let dir = try scratchFolder(["notes.txt": "nothing\n"])
        let r = try tipstat(["report", "--datasets", ".", "--out", "out"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr == ".: error: the folder holds no dataset with a tipstat:schema in its metadata\n")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }

    @Test func anotherAgencysExportUnderOtherColumnNamesDrawsWhatItHas() throws {
        // "Year" and "Count" for period and referrals; a year without its count is a warning
        // and a gap in the line, never a zero.
        let dir = try scratchFolder([
            "refs.csv": "Year,Count,Source\n2014,20,letter\n2015,25,letter\n2016,31,letter\n2017,,letter\n2018,44,letter\n",
            "refs.csv-metadata.json": #"{"@context":"http://www.w3.org/ns/csvw","url":"refs.csv","tipstat:schema":"referrals"}"#,
        ])
        let r = try tipstat(["report", "--datasets", ".", "--out", "out"], in: dir)
        #expect(r.status == 0)
        #expect(r.stdout == "out/index.html: 1 figure\n")
        #expect(r.stderr.hasPrefix("./refs.csv:5:2: warning: the row states none of referrals\n"), "\(r.stderr)")
        let index = try String(contentsOfFile: dir + "/out/index.md", encoding: .utf8)
        #expect(index.contains("Referrals in the year: 2014 20, 2015 25, 2016 31, 2018 44."))
        #expect(index.contains("| 2018 | 44 | count |  |  | letter |"))
    }

    @Test func aFigureNoLongerDrawnIsRemovedAndNothingElse() throws {
        let dir = try scratchFolder([
            "refs.csv": "period,referrals,source\n2015,25,letter\n2016,31,letter\n",
            "refs.csv-metadata.json": #"{"url":"refs.csv","tipstat:schema":"referrals"}"#,
            "hotline.csv": "period,calls,cases,source\n2015,100,29,site\n2016,120,41,site\n",
            "hotline.csv-metadata.json": #"{"url":"hotline.csv","tipstat:schema":"hotline"}"#,
            "out/mine.svg": "<svg/>",
        ])
        let first = try tipstat(["report", "--datasets", ".", "--out", "out"], in: dir)
        #expect(first.status == 0)
        #expect(first.stdout == "out/index.html: 3 figures\n")
        #expect(FileManager.default.fileExists(atPath: dir + "/out/hotline-cases.svg"))
        try FileManager.default.removeItem(atPath: dir + "/hotline.csv")
        try FileManager.default.removeItem(atPath: dir + "/hotline.csv-metadata.json")
        let second = try tipstat(["report", "--datasets", ".", "--out", "out"], in: dir)
        #expect(second.status == 0)
        #expect(second.stdout == "out/index.html: 1 figure\n")
        #expect(second.stderr.contains("out/hotline-cases.svg: removed (no longer drawn)\n"))
        #expect(second.stderr.contains("out/hotline-calls.svg: removed (no longer drawn)\n"))
        let left = try FileManager.default.contentsOfDirectory(atPath: dir + "/out").sorted()
        #expect(left == [".tipstat-report-files", "dcf-referrals.svg", "index.html", "index.md", "mine.svg"])
        #expect(try String(contentsOfFile: dir + "/out/mine.svg", encoding: .utf8) == "<svg/>")
        #expect(try String(contentsOfFile: dir + "/out/.tipstat-report-files", encoding: .utf8) == "dcf-referrals.svg\nindex.html\nindex.md\n")
    }
}
