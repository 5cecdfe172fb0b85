import Testing
import Foundation

/// `tipstat notebook run|check|html` on the built binary: commands run in-process with paths
/// relative to the notebook, outputs rewritten, checks that write nothing.
@Suite struct NotebookCommandTests {
    static let csv = "period,referrals\n2014,94\n2015,133\n"
    static let notebook = """
    # Referrals

    ```tipstat
    tipstat show data/r.csv --format csv -o out/r-copy.csv
    tipstat validate data/r.csv
    ```

    ![copy](out/r-copy.csv)

    """

    func folder() throws -> String {
        let dir = try scratchFolder(["nb.md": NotebookCommandTests.notebook])
        try FileManager.default.createDirectory(atPath: dir + "/data", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
        try NotebookCommandTests.csv.write(toFile: dir + "/data/r.csv", atomically: true, encoding: .utf8)
        return dir
    }

    @Test func runRewritesOutputsAndWritesFiguresRelativeToTheNotebook() throws {
        let dir = try folder()
        // Run from another folder: paths in the notebook are the notebook's.
        let r = try tipstat(["notebook", "run", dir + "/nb.md"], in: NSTemporaryDirectory())
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "\(dir)/nb.md: ok\n")
        let text = try String(contentsOfFile: dir + "/nb.md", encoding: .utf8)
        #expect(text == NotebookCommandTests.notebook.replacingOccurrences(of: "```\n\n![copy]",
            with: "```\n\n```output\ndata/r.csv: ok (2 rows, plain CSV)\n```\n\n![copy]"))
        #expect(try String(contentsOfFile: dir + "/out/r-copy.csv", encoding: .utf8) == NotebookCommandTests.csv)

        let check = try tipstat(["notebook", "check", "nb.md"], in: dir)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout == "nb.md: ok\n")
    }

    @Test func checkFailsWithADiffAndWritesNothing() throws {
        let dir = try folder()
        let r = try tipstat(["notebook", "check", "nb.md"], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("--- nb.md\n+++ nb.md (as run)\n@@ -5,4 +5,8 @@\n"))
        #expect(r.stdout.contains("\n+```output\n+data/r.csv: ok (2 rows, plain CSV)\n+```\n"))
        #expect(r.stderr == """
        nb.md: error: the notebook's outputs differ from a fresh run
        nb.md: error: running it writes out/r-copy.csv, which does not exist

        """)
        // Nothing was written: not the figure, not the notebook.
        #expect(!FileManager.default.fileExists(atPath: dir + "/out/r-copy.csv"))
        #expect(try String(contentsOfFile: dir + "/nb.md", encoding: .utf8) == NotebookCommandTests.notebook)
    }

    @Test func checkShowsHowAWrittenFileDiffers() throws {
        let dir = try folder()
        #expect(try tipstat(["notebook", "run", "nb.md"], in: dir).status == 0)
        try (NotebookCommandTests.csv + "2016,202\n").write(toFile: dir + "/out/r-copy.csv", atomically: true, encoding: .utf8)
        let r = try tipstat(["notebook", "check", "nb.md"], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout == "--- out/r-copy.csv\n+++ out/r-copy.csv (as run)\n@@ -1,4 +1,3 @@\n period,referrals\n 2014,94\n 2015,133\n-2016,202\n")
    }

    @Test func aFailingBlockIsShownWithItsLineAndLaterBlocksRun() throws {
        let dir = try scratchFolder(["nb.md": "```tipstat\ntipstat show missing.csv\n```\n\n```tipstat\ntipstat show --no-such-option\n```\n\n```tipstat\ntipstat summary --format csv .\n```\n"])
        let r = try tipstat(["notebook", "run", "nb.md"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr == "nb.md:2: error: the command exited with status 1\nnb.md:12: error: the command exited with status 64\nnb.md:25: error: the command exited with status 1\n")
        let text = try String(contentsOfFile: dir + "/nb.md", encoding: .utf8)
        #expect(text.hasPrefix("```tipstat\ntipstat show missing.csv\n```\n\n```output\nmissing.csv: error: cannot open the file: No such file or directory\nerror: nb.md:2: the command exited with status 1\n  in: tipstat show missing.csv\n```\n"))
        // The third block ran (a folder without CSV files is an error of its own).
        #expect(text.contains("```output\n.: error: the folder holds no .csv files\nerror: nb.md:25:"))
    }

    @Test func htmlWritesAPageAndCopiesItsFigures() throws {
        let dir = try folder()
        #expect(try tipstat(["notebook", "run", "nb.md"], in: dir).status == 0)
        let r = try tipstat(["notebook", "html", "nb.md", "--out", "site"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "site/nb.html\nsite/index.html\n")
        let page = try String(contentsOfFile: dir + "/site/nb.html", encoding: .utf8)
        #expect(page.contains("<title>Referrals</title>"))
        // The contents page links the page by its title.
        let index = try String(contentsOfFile: dir + "/site/index.html", encoding: .utf8)
        #expect(index.contains("<title>Notebooks</title>") && index.contains("<li><a href=\"nb.html\">Referrals</a></li>"))
        #expect(page.contains("<img src=\"out/r-copy.csv\" alt=\"copy\"/>"))
        #expect(FileManager.default.contents(atPath: dir + "/site/out/r-copy.csv") == Data(NotebookCommandTests.csv.utf8))
    }

    @Test func theContentsPageTakesItsTitleAndYieldsToANotebookNamedIndex() throws {
        let dir = try scratchFolder(["a.md": "# A & B\n", "index.md": "# Home\n", "b.md": "No heading\n"])
        let titled = try tipstat(["notebook", "html", "a.md", "b.md", "--out", "site", "--title", "The <council>"], in: dir)
        #expect(titled.status == 0)
        let index = try String(contentsOfFile: dir + "/site/index.html", encoding: .utf8)
        #expect(index.contains("<h1>The &lt;council&gt;</h1>"))
        #expect(index.contains("<li><a href=\"a.html\">A &amp; B</a></li>\n<li><a href=\"b.html\">b</a></li>"))
        let own = try tipstat(["notebook", "html", "index.md", "a.md", "--out", "own"], in: dir)
        #expect(own.stdout == "own/index.html\nown/a.html\n")
        #expect(try String(contentsOfFile: dir + "/own/index.html", encoding: .utf8).contains("<title>Home</title>"))
    }

    @Test func aMissingImageIsAnError() throws {
        let dir = try scratchFolder(["nb.md": "# N\n\n![gone](figures/gone.svg)\n"])
        let r = try tipstat(["notebook", "check", "nb.md"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr == "nb.md:3: error: the image figures/gone.svg does not exist\n")
    }
}
