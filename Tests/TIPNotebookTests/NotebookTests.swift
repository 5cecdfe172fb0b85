import Testing
@testable import TIPNotebook

@Suite("Fenced blocks as CommonMark reads them")
struct FencedBlockTests {
    @Test func backticksAndTildesWithInfoStrings() {
        let blocks = FencedBlock.scan(["text", "```tipstat extra words", "a", "```", "~~~~ output", "b", "```", "~~~~~"])
        #expect(blocks.count == 2)
        #expect(blocks[0].language == "tipstat" && blocks[0].content == ["a"] && blocks[0].closeLine == 3)
        // A closing fence must use the opening character and be at least as long.
        #expect(blocks[1].language == "output" && blocks[1].content == ["b", "```"] && blocks[1].closeLine == 7)
    }

    @Test func indentationUpToThreeSpacesIsRemovedFromContent() {
        let blocks = FencedBlock.scan(["  ```tipstat", "    indented", " one", "  ```"])
        #expect(blocks.map(\.content) == [["  indented", "one"]])
        #expect(blocks.map(\.indentation) == [2])
        // Four spaces make an indented code block, not a fence.
        #expect(FencedBlock.scan(["    ```tipstat", "x", "    ```"]).isEmpty)
    }

    @Test func anUnclosedBlockRunsToTheEnd() {
        let blocks = FencedBlock.scan(["```tipstat", "a", "b"])
        #expect(blocks.count == 1 && blocks[0].closeLine == nil && blocks[0].content == ["a", "b"] && blocks[0].endLine == 3)
    }

    @Test func indentationIsCountedInCodePointsNotGraphemes() {
        // Found by NotebookFuzz: a space followed by a combining mark is one grapheme.
        let blocks = FencedBlock.scan(["  ```output", "  \u{0746}x", "  ```"])
        #expect(blocks.map(\.content) == [["\u{0746}x"]])
        #expect(FencedBlock.fence(for: ["```\u{0301}x"]) == "````")
    }

    @Test func aBacktickInTheInfoStringIsInlineCode() {
        #expect(FencedBlock.scan(["```a`b", "x", "```"]).map(\.openLine) == [2])
    }

    @Test func theWrittenFenceIsLongerThanAnyBacktickRunInTheContent() {
        #expect(FencedBlock.fence(for: ["plain"]) == "```")
        #expect(FencedBlock.fence(for: ["````", "  `````x"]) == "``````")
    }
}

@Suite("Command words, without a shell")
struct CommandWordsTests {
    @Test func quotesEscapesCommentsAndContinuations() throws {
        let cmds = try CommandWords.split([
            "# a comment", "",
            "tipstat chart bar d.csv --title 'Referrals, 2008\u{2013}2016' \\",
            "  --note \"He said \\\"no\\\"\" a\\ b",
            "tipstat summary",
        ], firstLine: 10)
        #expect(cmds.count == 2)
        #expect(cmds[0].words == ["tipstat", "chart", "bar", "d.csv", "--title", "Referrals, 2008\u{2013}2016",
                                  "--note", "He said \"no\"", "a b"])
        #expect(cmds[0].line == 12)
        #expect(cmds[1].words == ["tipstat", "summary"] && cmds[1].line == 14)
        #expect(cmds[0].globs.isEmpty)
    }

    @Test func globCharactersMarkAWordUnlessQuoted() throws {
        let cmd = try CommandWords.split(["tipstat validate ../Datasets/*.csv 'a*b'"], firstLine: 0)[0]
        #expect(cmd.globs == [2])
    }

    @Test(arguments: [
        ("tipstat summary | head", "'|' would need a shell; notebooks run tipstat commands only (quote it if it is part of a word)"),
        ("tipstat show x.csv > y", "'>' would need a shell; notebooks run tipstat commands only (quote it if it is part of a word)"),
        ("tipstat show $HOME", "'$' would need a shell; notebooks run tipstat commands only (quote it if it is part of a word)"),
        ("tipstat show \"$(rm -rf /)\"", "$ inside double quotes would need a shell; notebooks run tipstat commands only (quote it with single quotes)"),
        ("tipstat show 'open", "a single quote is never closed"),
        ("tipstat show \"open", "a double quote is never closed"),
        ("tipstat a; rm x", "';' would need a shell; notebooks run tipstat commands only (quote it if it is part of a word)"),
    ])
    func shellSyntaxIsRefused(text: String, message: String) {
        #expect(throws: CommandWords.SyntaxError(line: 4, message: message)) {
            try CommandWords.split([text], firstLine: 4)
        }
    }
}

@Suite("Notebooks: outputs rewritten in place")
struct NotebookRunnerTests {
    static let text = """
    # Title

    ```tipstat
    tipstat one
    ```

    ```output
    stale
    ```

    Prose.

    ```tipstat
    tipstat two
    tipstat three
    ```
    Closing prose.

    """

    /// A stand-in for tipstat: prints its arguments; `fail` exits 1 with a message.
    static let echo: @Sendable ([String]) -> CommandOutcome = { args in
        args.contains("fail") ? CommandOutcome(status: 1, stdout: "", stderr: "x.csv:2:3: error: bad\n")
                              : CommandOutcome(status: 0, stdout: args.joined(separator: " ") + "\n", stderr: "")
    }

    @Test func replacesAndInsertsOutputBlocks() {
        let result = NotebookRunner(name: "n.md", directory: ".", execute: NotebookRunnerTests.echo).run(Notebook(text: NotebookRunnerTests.text))
        #expect(result.failures.isEmpty)
        #expect(result.text == """
        # Title

        ```tipstat
        tipstat one
        ```

        ```output
        one
        ```

        Prose.

        ```tipstat
        tipstat two
        tipstat three
        ```

        ```output
        two
        three
        ```
        Closing prose.

        """)
        // Running the result again changes nothing.
        let again = NotebookRunner(name: "n.md", directory: ".", execute: NotebookRunnerTests.echo).run(Notebook(text: result.text))
        #expect(again.text == result.text)
    }

    @Test func aFailingCommandEndsItsBlockAndLaterBlocksStillRun() {
        let text = "```tipstat\ntipstat fail\ntipstat never\n```\n\n```tipstat\nnot-tipstat x\n```\n\n```tipstat\ntipstat after\n```\n"
        let result = NotebookRunner(name: "n.md", directory: ".", execute: NotebookRunnerTests.echo).run(Notebook(text: text))
        #expect(result.failures.map(\.description) == [
            "n.md:2: error: the command exited with status 1",
            "n.md:13: error: only tipstat commands run in a notebook (this line starts with \u{201C}not-tipstat\u{201D})",
        ])
        #expect(result.text == """
        ```tipstat
        tipstat fail
        tipstat never
        ```

        ```output
        x.csv:2:3: error: bad
        error: n.md:2: the command exited with status 1
          in: tipstat fail
        ```

        ```tipstat
        not-tipstat x
        ```

        ```output
        error: n.md:13: only tipstat commands run in a notebook (this line starts with \u{201C}not-tipstat\u{201D})
          in: not-tipstat x
        ```

        ```tipstat
        tipstat after
        ```

        ```output
        after
        ```

        """)
        // The line numbers name the rewritten notebook, so a second run is identical.
        let again = NotebookRunner(name: "n.md", directory: ".", execute: NotebookRunnerTests.echo).run(Notebook(text: result.text))
        #expect(again.text == result.text)
    }

    @Test func aBlockInAListItemKeepsItsOutputInTheItem() {
        let text = "- Ages:\n\n  ```tipstat\n  tipstat one\n  ```\n\n  Read as a share.\n- Next item\n"
        let result = NotebookRunner(name: "n.md", directory: ".", execute: NotebookRunnerTests.echo).run(Notebook(text: text))
        #expect(result.text == "- Ages:\n\n  ```tipstat\n  tipstat one\n  ```\n\n  ```output\n  one\n  ```\n\n  Read as a share.\n- Next item\n")
        // The indented output block is found again, and its text comes back without the indentation.
        let again = Notebook(text: result.text)
        #expect(again.cells.first?.output?.content == ["one"])
        #expect(NotebookRunner(name: "n.md", directory: ".", execute: NotebookRunnerTests.echo).run(again).text == result.text)
    }

    @Test func aBlockNeverClosedIsClosedBeforeItsOutput() {
        // Found by the NotebookFuzz harness: the output block was swallowed by the open block.
        let text = "# T\n\n~~~~tipstat\ntipstat one"
        let result = NotebookRunner(name: "n.md", directory: ".", execute: NotebookRunnerTests.echo).run(Notebook(text: text))
        #expect(result.text == "# T\n\n~~~~tipstat\ntipstat one\n~~~~\n\n```output\none\n```")
        let again = Notebook(text: result.text)
        #expect(again.cells.count == 1 && again.cells[0].output?.content == ["one"])
    }

    @Test func staleOutputBlocksAfterTheOutputAreReplacedToo() {
        // Found by NotebookFuzz: removing the output let the stale block after it take its place.
        let text = "```tipstat\ntipstat chart x -o f.svg\n```\n\n```output\nold\n```\n\n```output\nolder\n```\nEnd\n"
        let silent: @Sendable ([String]) -> CommandOutcome = { _ in CommandOutcome(status: 0, stdout: "", stderr: "") }
        let result = NotebookRunner(name: "n.md", directory: ".", execute: silent).run(Notebook(text: text))
        #expect(result.text == "```tipstat\ntipstat chart x -o f.svg\n```\nEnd\n")
        let printed = NotebookRunner(name: "n.md", directory: ".", execute: NotebookRunnerTests.echo).run(Notebook(text: text))
        #expect(printed.text == "```tipstat\ntipstat chart x -o f.svg\n```\n\n```output\nchart x -o f.svg\n```\nEnd\n")
    }

    @Test func windowsLineEndsAreReadAndKept() {
        let text = "# T\r\n\r\n```tipstat\r\ntipstat one\r\n```\r\nEnd\r\n"
        #expect(Notebook(text: text).cells.map(\.block.content) == [["tipstat one"]])
        let result = NotebookRunner(name: "n.md", directory: ".", execute: NotebookRunnerTests.echo).run(Notebook(text: text))
        #expect(result.text == "# T\r\n\r\n```tipstat\r\ntipstat one\r\n```\r\n\r\n```output\r\none\r\n```\r\nEnd\r\n")
    }

    @Test func carriageReturnsInsideLinesAreContent() {
        // Found by NotebookFuzz: each rewrite took one more of a line's trailing CRs.
        for text in ["a\nb\r\r\r", "\r\r\n\u{32F}\r\r"] {
            #expect(Notebook(text: text).rewriting(outputs: []) == text)
        }
    }

    @Test func aNotebookCannotRunNotebooks() {
        let result = NotebookRunner(name: "n.md", directory: ".", execute: NotebookRunnerTests.echo)
            .run(Notebook(text: "```tipstat\ntipstat notebook run n.md\n```\n"))
        #expect(result.failures.map(\.message) == ["a notebook cannot run notebooks"])
    }

    @Test func aCommandThatPrintsNothingLeavesNoOutputBlock() {
        let silent: @Sendable ([String]) -> CommandOutcome = { _ in CommandOutcome(status: 0, stdout: "", stderr: "") }
        let text = "```tipstat\ntipstat chart bar d.csv -o f.svg\n```\n\n```output\nold\n```\nEnd\n"
        let result = NotebookRunner(name: "n.md", directory: ".", execute: silent).run(Notebook(text: text))
        #expect(result.text == "```tipstat\ntipstat chart bar d.csv -o f.svg\n```\nEnd\n")
    }

    @Test func imageLinksOutsideCodeBlocks() {
        let nb = Notebook(text: "![a](figures/a.svg) and ![b](https://x/b.png)\n```\n![c](c.svg)\n```\n![d](d.svg \"title\")\n")
        #expect(nb.imageLinks.map(\.path) == ["figures/a.svg", "d.svg"])
        #expect(nb.imageLinks.map(\.line) == [0, 4])
    }
}

@Suite("Unified diff")
struct UnifiedDiffTests {
    @Test func oneChangedLine() {
        #expect(UnifiedDiff.diff(old: "a\nb\nc\n", new: "a\nB\nc\n", oldName: "x", newName: "y") ==
                "--- x\n+++ y\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n")
    }

    @Test func equalTextsGiveNothing() {
        #expect(UnifiedDiff.diff(old: "a\n", new: "a\n", oldName: "x", newName: "y") == "")
    }

    @Test func distantChangesMakeSeparateHunksWithThreeLinesOfContext() {
        let old = (1...20).map(String.init).joined(separator: "\n") + "\n"
        let new = old.replacingFirst("2\n", with: "two\n").replacingFirst("19\n", with: "")
        #expect(UnifiedDiff.diff(old: old, new: new, oldName: "x", newName: "y") == """
        --- x
        +++ y
        @@ -1,5 +1,5 @@
         1
        -2
        +two
         3
         4
         5
        @@ -16,5 +16,4 @@
         16
         17
         18
        -19
         20

        """)
    }

    @Test func insertionIntoAnEmptyText() {
        #expect(UnifiedDiff.diff(old: "", new: "a\n", oldName: "x", newName: "y") == "--- x\n+++ y\n@@ -0,0 +1 @@\n+a\n")
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let r = firstRange(of: target) else { return self }
        return String(self[..<r.lowerBound]) + replacement + String(self[r.upperBound...])
    }
}

@Suite("Notebook pages")
struct NotebookHTMLTests {
    @Test func aStandalonePageWithTheFirstHeadingAsTitle() {
        let page = NotebookHTML.page(markdown: "# Demand <side>\n\nText with ![fig](figures/a.svg).\n\n```tipstat\ntipstat x < y\n```\n",
                                     fallbackTitle: "demand")
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(page.contains("<title>Demand &lt;side&gt;</title>"))
        #expect(page.contains("<img src=\"figures/a.svg\" alt=\"fig\"/>"))
        #expect(page.contains("<pre><code class=\"language-tipstat\">tipstat x &lt; y\n</code></pre>"))
        #expect(!page.contains("<script"))
        #expect(page.contains("<h1>Demand &lt;side&gt;</h1>"))
    }

    @Test func onlyInksOwnTagsReachThePage() throws {
        // Found by NotebookFuzz: a script after a tilde-fenced block, which Ink does not take for code.
        let markdown = "~~~~tipstat\ntipstat x\n~~~~\n<script>alert(1)</script>\n[a](x\"onmouseover=\"alert(1))\n"
            + "[b](&#106;avascript:alert(1)) ![c](data:text/html,x) <img src=x onerror=alert(1)>\n"
        let page = NotebookHTML.page(markdown: markdown, fallbackTitle: "t")
        let body = try #require(page.split(separator: "<body>").last)
        #expect(!body.contains("<script"))
        #expect(!body.contains("<img src=x"))
        #expect(!body.contains("<a href=\"x\"onmouseover"))
        #expect(!body.contains("href=\"&#106;"))
        #expect(!body.contains("src=\"data:"))
    }

    @Test func inkNeverSeesALessThanSign() {
        // Found by NotebookFuzz: an unclosed element after a fence made Ink's HTML reader loop.
        let page = NotebookHTML.page(markdown: "```tipstat\ntipstat x\n```t<pstat\n\n\u{E000} a < b `c < d`\n", fallbackTitle: "t")
        #expect(page.contains("<p>t&lt;pstat</p>"))
        #expect(page.contains("<p>\u{FFFD} a &lt; b <code>c &lt; d</code></p>"))
    }

    @Test func aLeadingRuleIsARuleNotMetadata() {
        // Found by NotebookFuzz: Ink's metadata reader crashed on "---\r\n+------".
        let page = NotebookHTML.page(markdown: "---\r\n+------\u{FFFD}@", fallbackTitle: "t")
        #expect(page.contains("<hr>"))
        #expect(NotebookHTML.page(markdown: "\n  ---\nkey: value\n---\nText\n", fallbackTitle: "t").contains("<hr>"))
    }

    @Test func escapingIsByCodePoints() {
        // Found by NotebookFuzz: U+070F glues to the "<" after it, and "\u{70F}<" is one Character.
        let page = NotebookHTML.page(markdown: "# T\u{70F}<script>x\n\nA\u{70F}<script> \u{70F}[a](javascript:x)\n", fallbackTitle: "t")
        #expect(!page.contains("<script"))
        #expect(page.contains("<title>T\u{70F}&lt;script&gt;x</title>"))
        #expect(!page.contains("javascript"))
    }

    @Test func bracketsThatOpenNoLinkNeverReachInksLinkReader() {
        // Found by NotebookFuzz: 55 '[' in a row kept Ink's backtracking link reader busy for minutes.
        let page = NotebookHTML.page(markdown: String(repeating: "[", count: 60) + " [a](b.svg) `[c]` [d] ![e](f.svg)\n"
                                     + "[x](y" + String(repeating: "[", count: 60) + " z)\n", fallbackTitle: "t")
        #expect(page.contains("[x](y" + String(repeating: "[", count: 60) + " z)"))
        #expect(page.contains("<p>" + String(repeating: "[", count: 60) + " <a href=\"b.svg\">a</a> <code>[c]</code> [d] <img src=\"f.svg\" alt=\"e\"/>"))
    }

    @Test(arguments: [
        ("<p>a</p><script>x</script>", "<p>a</p>&lt;script>x&lt;/script>"),
        ("<a href=\"https://ct.gov/a?b=1&amp;c=2\">x</a>", "<a href=\"https://ct.gov/a?b=1&amp;c=2\">x</a>"),
        ("<a href=\"figures/a.svg#x\">x</a><img src=\"f.svg\" alt=\"A\"/>", "<a href=\"figures/a.svg#x\">x</a><img src=\"f.svg\" alt=\"A\"/>"),
        ("<a href=\"JavaScript:x\">y</a>", "&lt;a href=\"JavaScript:x\">y</a>"),
        ("<a href=\"&#x6A;avascript:x\">y</a>", "&lt;a href=\"&#x6A;avascript:x\">y</a>"),
        ("<img src=\"a\" onerror=\"x\"/>", "&lt;img src=\"a\" onerror=\"x\"/>"),
        ("<pre><code class=\"language-tipstat\">a &lt; b</code></pre>", "<pre><code class=\"language-tipstat\">a &lt; b</code></pre>"),
        ("<code class=\"x\">", "&lt;code class=\"x\">"),
        ("<th align=\"left\">a</th><td align=\"top\">", "<th align=\"left\">a</th>&lt;td align=\"top\">"),
        ("<svg onload=alert(1)>", "&lt;svg onload=alert(1)>"),
        ("<p", "&lt;p"),
    ])
    func theAllowList(html: String, expected: String) {
        #expect(HTMLAllowList.sanitised(html) == expected)
    }

    @Test func rawHTMLAndScriptLinksAreNeutralised() {
        let page = NotebookHTML.page(markdown: "<script>alert(1)</script>\n\n[x](javascript:alert(1)) [z](javascript:void) [y](https://ct.gov) `a<b`\n", fallbackTitle: "t")
        #expect(!page.contains("<script"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // Not a well-formed link (a parenthesis in the target): shown as the text it is.
        #expect(page.contains("[x](javascript:alert(1))"))
        #expect(page.contains("<a href=\"#\">z</a>"))
        #expect(!page.contains("href=\"javascript"))
        #expect(page.contains("<a href=\"https://ct.gov\">y</a>"))
        #expect(page.contains("<code>a&lt;b</code>"))
    }

    @Test func aLineStartingWithInlineCodeContinuesItsParagraph() {
        let page = NotebookHTML.page(markdown: "Every number is printed by the\n`tipstat` command above it.\n\n`alone` starts one.\n", fallbackTitle: "t")
        #expect(page.contains("<p>Every number is printed by the <code>tipstat</code> command above it.</p>"))
        #expect(page.contains("<p><code>alone</code> starts one.</p>"))
    }
}
