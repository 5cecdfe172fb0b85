import Testing
import TIPText

/// The escapers and the slug at their edges: every special character, marks glued to them,
/// controls, separators, empty and all-special input.
@Suite("Escaping and slugs")
struct EscapingTests {
    @Test("XML and HTML: the five specials, by scalars, in content and attributes")
    func xml() {
        #expect(XMLText.escaped(#"<a href="x">Tom & Jerry's</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(XMLText.escaped("]]> <!-- &amp;") == "]]&gt; &lt;!-- &amp;amp;")
        // A prepended mark makes "\u{70F}<" one Character; the "<" must still go.
        #expect(XMLText.escaped("\u{70F}<script>") == "\u{70F}&lt;script&gt;")
        #expect(XMLText.escapedText(#"1 < 2 & "so" 'it' > 0"#) == #"1 &lt; 2 &amp; "so" 'it' &gt; 0"#)
        #expect(XMLText.escaped("") == "")
    }

    @Test("JSON: quotes, backslashes, controls and the JavaScript line separators")
    func json() {
        #expect(JSONText.quoted("say \"hi\"\\") == #""say \"hi\"\\""#)
        #expect(JSONText.quoted("a\nb\rc\td") == #""a\nb\rc\td""#)
        #expect(JSONText.quoted("\u{0}\u{1B}[2J\u{7F}") == #""\u0000\u001b[2J\u007f""#)
        #expect(JSONText.quoted("\u{2028}\u{2029}") == #""\u2028\u2029""#)
        #expect(JSONText.quoted("é \u{1F600} \u{85}") == "\"é \u{1F600} \u{85}\"")
        #expect(JSONText.quoted("") == "\"\"")
    }

    @Test("terminal: controls, bidi overrides and invisible characters shown as escapes")
    func terminal() {
        #expect(TerminalText.escaped("x\u{1B}]0;pwned\u{7}\u{202E}.csv") == "x\\u{1B}]0;pwned\\u{7}\\u{202E}.csv")
        #expect(TerminalText.escaped("a\nb\tc\rd") == "a\\nb\\tc\\rd")
        #expect(TerminalText.escaped("zero\u{200B}width\u{FEFF} del\u{7F} nel\u{85}") == "zero\\u{200B}width\\u{FEFF} del\\u{7F} nel\\u{85}")
        #expect(TerminalText.escaped("Jan–Sep 2016 ✓ é") == "Jan–Sep 2016 ✓ é")
        #expect(TerminalText.quoted("say \"hi\" \\ \n") == #""say \"hi\" \\ \n""#)
        #expect(TerminalText.quoted(String(repeating: "x", count: 50), limit: 3) == "\"xxx\u{2026}\"")
        #expect(TerminalText.quoted("") == "\"\"")
    }

    @Test("slugs: ASCII letters and digits, one separator between runs, none at the ends")
    func slugs() {
        #expect(Slug.make("Race/ethnicity") == "race-ethnicity")
        #expect(Slug.make("  --Victim housed!! ", separator: "_") == "victim_housed")
        #expect(Slug.make("Ça va? 2016–2017") == "a-va-2016-2017")
        #expect(Slug.make("¿¡!") == "")
        #expect(Slug.make("") == "")
        #expect(Slug.make("abcdef", maxLength: 3) == "abc")
        // A separator and the letter after it come together: one over, never a trailing separator.
        #expect(Slug.make("ab cd", maxLength: 3) == "ab-c")
    }

    @Test("scalar replacement finds a special glued to a mark")
    func replacingScalars() {
        #expect("a|b\u{70F}<c".replacingScalars(["|": "\\|", "<": "&lt;"]) == "a\\|b\u{70F}&lt;c")
        #expect("x\u{301}".replacingScalars(["x": "y"]) == "y\u{301}")
        #expect("".replacingScalars(["a": "b"]) == "")
    }
}

@Suite("Wording")
struct WordingTests {
    @Test("a word lowered inside a phrase, an acronym kept; a first letter raised")
    func cases() {
        #expect(Wording.lowercasingFirstWord("Convictions") == "convictions")
        #expect(Wording.lowercasingFirstWord("DCF referrals") == "DCF referrals")
        #expect(Wording.lowercasingFirstWord("A") == "A")
        #expect(Wording.lowercasingFirstWord("") == "")
        #expect(Wording.capitalisingFirst("parent/guardian home") == "Parent/guardian home")
        #expect(Wording.capitalisingFirst("é") == "É")
        #expect(Wording.capitalisingFirst("") == "")
    }
}
