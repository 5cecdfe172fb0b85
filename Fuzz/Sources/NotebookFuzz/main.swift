import FuzzSupport
import TIPNotebook

// The notebook parser on arbitrary text. Invariants: it never crashes; rewriting the output
// blocks is stable (a notebook rewritten with some outputs parses back to the same cells with
// exactly those outputs, and rewriting it again with them changes nothing), whatever backticks
// or fences the outputs hold; command splitting either gives commands or a located error; the
// HTML page never carries a script element, whatever the prose holds.

/// Outputs derived from the input, so that the fuzzer steers them too: every other cell gets
/// one (its own block's lines, reversed, with fence-like lines among them); the rest none.
func outputs(for notebook: Notebook) -> [[String]?] {
    notebook.cells.enumerated().map { i, cell in
        i % 2 == 1 ? nil : cell.block.content.reversed() + ["```", "~~~ output", "````tipstat"]
    }
}

fuzz { data in
    let text = String(decoding: data, as: UTF8.self)
    let notebook = Notebook(text: text)
    let wanted = outputs(for: notebook)
    let rewritten = notebook.rewriting(outputs: wanted)
    let again = Notebook(text: rewritten)
    require(again.cells.count == notebook.cells.count,
            "rewriting changed the number of cells from \(notebook.cells.count) to \(again.cells.count)")
    for (cell, output) in zip(again.cells, wanted) {
        require(cell.output?.content == output, "an output did not read back as written")
    }
    require(again.rewriting(outputs: wanted) == rewritten, "rewriting is not stable")

    for cell in notebook.cells {
        do throws(CommandWords.SyntaxError) {
            let commands = try CommandWords.split(cell.block.content, firstLine: cell.block.openLine + 1)
            for c in commands {
                require(c.line > cell.block.openLine && c.line <= cell.block.openLine + cell.block.content.count,
                        "a command's line lies outside its block")
                require(c.globs.allSatisfy { $0 < c.words.count }, "a glob index past the words")
            }
        } catch {
            require(error.line > cell.block.openLine, "a syntax error located before its block")
        }
    }

    let page = NotebookHTML.page(markdown: text, fallbackTitle: "fuzz")
    require(!page.lowercased().contains("<script"), "the page carries a script element")
    _ = notebook.imageLinks
}
