/// Small changes of case for words placed in a sentence or a title.
///
/// ```swift
/// Wording.capitalisingFirst("parent/guardian home")   // "Parent/guardian home"
/// Wording.lowercasingFirstWord("Convictions")         // "convictions"
/// Wording.lowercasingFirstWord("DCF referrals")       // "DCF referrals" (an acronym stays)
/// ```
public enum Wording {
    /// The text with its first character in upper case.
    public static func capitalisingFirst(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    /// "Convictions" as it reads inside a phrase: "convictions". Only a capital followed by a
    /// small letter is lowered, so an acronym ("DCF referrals") stays as it is.
    public static func lowercasingFirstWord(_ text: String) -> String {
        let letters = Array(text.prefix(2))
        guard letters.count == 2, letters[0].isUppercase, letters[1].isLowercase else { return text }
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
