// FreeType (Debian libfreetype-dev) opens the font files; HarfBuzz (libharfbuzz-dev) shapes text
// on them. One module for both, since hb-ft.h includes FreeType's headers: two modules would
// each own a copy of FT_Face. Only TIPFonts imports it.
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>
#include <hb-ft.h>
