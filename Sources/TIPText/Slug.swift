/// A name made safe as an identifier, a file name, an HTML id or a JSON key: the lowercase
/// ASCII letters and digits of the text, each run of anything else between them turned into
/// one separator, none at either end.
///
/// `maxLength` stops the slug once it is that long: letters are taken one by one until the
/// slug has `maxLength` characters or more (a separator and the letter after it are added
/// together, so a slug may end one character longer, never with a separator).
///
/// ```swift
/// Slug.make("Race/ethnicity")                       // "race-ethnicity"
/// Slug.make("Victim housed", separator: "_")        // "victim_housed"
/// Slug.make("DCF referrals rose", maxLength: 6)     // "dcf-ref"
/// Slug.make("¿¡!")                                  // ""
/// ```
public enum Slug {
    public static func make(_ text: String, separator: Character = "-", maxLength: Int = .max) -> String {
        var slug = ""
        var count = 0
        var pending = false
        for scalar in text.lowercased().unicodeScalars {
            guard (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") else {
                pending = true
                continue
            }
            if pending && count > 0 {
                slug.append(separator)
                count += 1
            }
            pending = false
            slug.unicodeScalars.append(scalar)
            count += 1
            if count >= maxLength { break }
        }
        return slug
    }
}
