import TIPText

/// Element ids for a chart, derived from its content, never random: a slug of the title and
/// a hash of the whole figure, so the same spec always gets the same ids and two different
/// charts inlined in one HTML page do not collide.
enum ChartID {
    /// "tip-dcf-referrals-rose-9f3a06c2": a letter first, then lowercase ASCII letters, digits
    /// and hyphens only (safe in an attribute and in a `url(#...)` reference).
    static func make(slugOf title: String, hashing content: String) -> String {
        let s = slug(title)
        let hex = String(fnv1a(content), radix: 16)
        return "tip-" + (s.isEmpty ? "chart" : s) + "-" + String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// A user-given id reduced to the same safe alphabet, starting with a letter.
    static func sanitize(_ id: String) -> String {
        let s = slug(id)
        guard let first = s.unicodeScalars.first else { return "tip-chart" }
        return first >= "a" && first <= "z" ? s : "tip-" + s
    }

    /// Lowercase ASCII letters and digits of `text`, other runs turned into single hyphens,
    /// about 40 characters at most.
    private static func slug(_ text: String) -> String { Slug.make(text, maxLength: 40) }

    /// 32-bit FNV-1a of the UTF-8 bytes: tiny, stable across platforms and Swift versions
    /// (unlike `Hasher`, which is seeded per process).
    static func fnv1a(_ text: String) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            h ^= UInt32(byte)
            h = h &* 16_777_619
        }
        return h
    }
}
