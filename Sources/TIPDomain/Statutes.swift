import TIPTable

/// Connecticut statutes that the council's arrest and conviction data is kept under, with the
/// offence each defines. A judicial dataset naming another statute is refused unless its
/// metadata lists it (`tipstat:statutes`) or the user passes `--statute`: a typo in a statute
/// number would otherwise create a series of its own.
public enum Statutes {
    public static let offences: [String: String] = [
        "53-21": "Injury or risk of injury to, or impairing morals of, children",
        "53a-82": "Prostitution",
        "53a-83": "Patronizing a prostitute",
        "53a-83a": "Patronizing a prostitute from a motor vehicle",
        "53a-86": "Promoting prostitution in the first degree",
        "53a-87": "Promoting prostitution in the second degree",
        "53a-88": "Promoting prostitution in the third degree",
        "53a-89": "Permitting prostitution",
        "53a-90a": "Enticing a minor",
        "53a-90b": "Misrepresentation of age to entice a minor",
        "53a-192": "Coercion",
        "53a-192a": "Trafficking in persons",
        "53a-196a": "Employing a minor in an obscene performance",
        "53a-196b": "Promoting a minor in an obscene performance",
        "53a-196c": "Importing child pornography",
        "53a-196d": "Possessing child pornography in the first degree",
        "53a-196e": "Possessing child pornography in the second degree",
        "53a-196f": "Possessing child pornography in the third degree",
    ]

    /// The section number without subsections: `53a-83(c)` -> `53a-83`.
    public static func section(of statute: String) -> String {
        let s = statute.trimmingSpaces
        if let paren = s.firstIndex(of: "(") { return String(s[..<paren]).trimmingSpaces }
        return s
    }

    /// Whether `statute` is written as a statute: `53a-192a`, `53a-83(c)`, `53-21(a)(1)`.
    public static func isWellFormed(_ statute: String) -> Bool {
        let s = statute.trimmingSpaces
        let section = Substring(Statutes.section(of: s))
        let parts = section.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2,
              let title = parts.first, !title.isEmpty, title.first!.isNumber,
              title.allSatisfy({ $0.isNumber || ($0.isLetter && $0.isLowercase) }),
              let number = parts.last, !number.isEmpty, number.first!.isNumber,
              number.allSatisfy({ $0.isNumber || ($0.isLetter && $0.isLowercase) }) else { return false }
        var rest = s.dropFirst(section.count)
        while !rest.isEmpty {
            guard rest.first == "(", let close = rest.firstIndex(of: ")") else { return false }
            let inner = rest[rest.index(after: rest.startIndex)..<close]
            guard !inner.isEmpty, inner.allSatisfy({ $0.isNumber || $0.isLetter }) else { return false }
            rest = rest[rest.index(after: close)...]
        }
        return true
    }

    /// Whether the statute's section is known, or listed in `extra`.
    public static func isKnown(_ statute: String, extra: Set<String> = []) -> Bool {
        let section = section(of: statute)
        return offences[section] != nil || extra.contains(section) || extra.contains(statute.trimmingSpaces)
    }
}

extension Statutes {
    /// A statute as case-level exports write it, in the form the council's data uses:
    /// `53A-192A`, ` 53a - 192a `, `CGS 53a-192a`, `C.G.S. § 53a-192a` and `Sec. 53a-192a` all
    /// become `53a-192a`; subsections are kept and lowercased (`53a-83(C)` -> `53a-83(c)`).
    /// With `sectionOnly` the subsections are dropped (`53a-83(c)` -> `53a-83`).
    ///
    /// ```swift
    /// Statutes.normalized("CGS 53A-192A")   // "53a-192a"
    /// ```
    public static func normalized(_ text: String, sectionOnly: Bool = false) -> String {
        var s = Substring(text.trimmingSpaces.lowercased())
        for prefix in ["c.g.s.", "cgs", "sec.", "section", "§"] {
            if s.hasPrefix(prefix) { s = s.dropFirst(prefix.count).drop { $0 == " " || $0 == "\t" } }
            if s.hasPrefix("§") { s = s.dropFirst().drop { $0 == " " || $0 == "\t" } }
        }
        let compact = String(s.filter { $0 != " " && $0 != "\t" })
        return sectionOnly ? section(of: compact) : compact
    }
}
