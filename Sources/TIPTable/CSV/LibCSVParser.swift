import CLibCSV

/// The one way this module sets up a libcsv parser, so that the table reader and the streaming
/// scanner read a file alike: strict (a stray quote is an error), every line end reported (so
/// lines can be counted), the dialect's delimiter and quote, and field buffers grown in 64 KiB
/// blocks. libcsv grows its field buffer by 128 bytes by default: a 16 MB field took 131,072
/// reallocations, quadratic where realloc copies (found under AddressSanitizer); 64 KiB blocks
/// make it 256. In a tab-delimited file only spaces are trimmed: libcsv's default treats a tab
/// as a space and would swallow empty tab-separated fields.
enum LibCSVParser {
    /// Initialises `parser` for `dialect`; false when libcsv cannot allocate. The caller frees
    /// it with `csv_free` once initialised.
    static func initialise(_ parser: inout csv_parser, dialect: CSVDialect) -> Bool {
        guard csv_init(&parser, UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL)) == 0 else { return false }
        csv_set_blk_size(&parser, 1 << 16)
        csv_set_delim(&parser, dialect.delimiter)
        csv_set_quote(&parser, dialect.quote)
        if dialect.delimiter == 9 { csv_set_space_func(&parser, spaceOnly) }
        return true
    }

    /// The length the field libcsv is collecting has reached for certain: its buffer less the
    /// trailing spaces of an unquoted field (dropped if the field ends there) and, after a quote
    /// in a quoted field, that quote (the closing one, or the first of a doubled pair). It never
    /// decreases while the field grows, and equals the field's length when it ends, so the limit
    /// triggers at the same place whichever chunk boundary the check falls on.
    /// `3` is libcsv's FIELD_MIGHT_HAVE_ENDED state (libcsv.c), which csv.h does not export.
    static func fieldLengthSoFar(_ parser: csv_parser) -> Int {
        parser.entry_pos - parser.spaces - (parser.pstate == 3 ? 1 : 0)
    }
}

/// Space test for tab-delimited files: only the space character is a space.
private func spaceOnly(_ c: UInt8) -> Int32 { c == 0x20 ? 1 : 0 }
