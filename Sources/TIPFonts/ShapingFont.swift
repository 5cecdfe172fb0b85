import CFreeTypeHarfBuzz

/// One font file opened with FreeType and shaped with HarfBuzz: which characters it has, and
/// the advance of a run of text in font units.
///
/// HarfBuzz uses its own OpenType functions on the face FreeType opened, so advances are the
/// font's design units, unhinted, kerned: what Pango (and so librsvg and browsers on Linux) lays
/// text out with when glyph positions are not rounded, and what `hb-shape` prints. Not
/// thread-safe: ``TextMeasurer`` calls it under its lock.
final class ShapingFont {
    /// Design units per em (2048 for both families).
    let unitsPerEm: Double
    /// The font's ascender and descender (positive, below the baseline), in em.
    let ascender: Double
    let descender: Double
    private let library: FT_Library
    private let face: FT_Face
    private let font: OpaquePointer

    /// FreeType's error for a file it cannot open (`FT_Err_Cannot_Open_Resource`).
    private static let cannotOpenResource: FT_Error = 0x01

    init(_ file: FontFile) throws(FontError) {
        var library: FT_Library?
        guard FT_Init_FreeType(&library) == 0, let library else { throw .unreadable(file, freeTypeError: -1) }
        var face: FT_Face?
        let error = FT_New_Face(library, file.path, 0, &face)
        guard error == 0, let face else {
            FT_Done_FreeType(library)
            throw error == ShapingFont.cannotOpenResource ? .missing(file) : .unreadable(file, freeTypeError: error)
        }
        let family = face.pointee.family_name.map { String(cString: $0) } ?? "no family name"
        let style = face.pointee.style_name.map { String(cString: $0) } ?? "no style name"
        guard family == file.family, style == file.style, face.pointee.face_flags & FT_Long(FT_FACE_FLAG_SCALABLE) != 0 else {
            FT_Done_Face(face)
            FT_Done_FreeType(library)
            throw .unexpected(file, found: family + " " + style)
        }
        let hbFace = hb_ft_face_create_referenced(face)
        let font = hb_font_create(hbFace)
        hb_face_destroy(hbFace)
        hb_font_make_immutable(font)
        var extents = hb_font_extents_t()
        hb_font_get_h_extents(font, &extents)
        let upem = Double(hb_face_get_upem(hb_font_get_face(font)))
        self.library = library
        self.face = face
        self.font = font!
        unitsPerEm = upem
        ascender = Double(extents.ascender) / upem
        descender = -Double(extents.descender) / upem
    }

    deinit {
        hb_font_destroy(font)
        FT_Done_Face(face)
        FT_Done_FreeType(library)
    }

    /// Whether the font has a glyph for `scalar` (its character map maps it).
    func covers(_ scalar: UInt32) -> Bool {
        var glyph: hb_codepoint_t = 0
        return hb_font_get_nominal_glyph(font, scalar, &glyph) != 0
    }

    /// The summed advances of `run` shaped as one segment, in design units. Script and direction
    /// come from the text; the language is fixed (English) so the result does not depend on the
    /// machine's locale.
    func advance(_ run: [UInt32], buffer: ShapingBuffer) -> Int {
        let b = buffer.pointer
        hb_buffer_clear_contents(b)
        run.withUnsafeBufferPointer { hb_buffer_add_utf32(b, $0.baseAddress, Int32($0.count), 0, Int32($0.count)) }
        hb_buffer_set_language(b, buffer.english)
        hb_buffer_guess_segment_properties(b)
        hb_shape(font, b, nil, 0)
        var count: UInt32 = 0
        guard let positions = hb_buffer_get_glyph_positions(b, &count) else { return 0 }
        var total = 0
        for i in 0..<Int(count) { total += Int(positions[i].x_advance) }
        return total
    }
}

/// A HarfBuzz buffer, reused for every run (shaping clears it first).
final class ShapingBuffer {
    let pointer: OpaquePointer
    /// The language every run is shaped in (HarfBuzz interns it; the pointer lives as long as the process).
    let english = hb_language_from_string("en", -1)

    init() { pointer = hb_buffer_create() }
    deinit { hb_buffer_destroy(pointer) }
}
