#!/bin/sh
# Reference advance widths for TIPFontsTests: each line of strings.txt shaped by HarfBuzz's own
# command-line tool on each of the four font files TIPFonts measures with, the glyph advances
# summed (design units; 2048 per em in both families). Needs hb-shape (Debian libharfbuzz-bin)
# and the fonts (fonts-liberation, fonts-dejavu-core).
# Run from anywhere: sh Tests/TIPFontsTests/Reference/widths.sh > Tests/TIPFontsTests/Reference/widths.tsv
set -eu
here=$(cd "$(dirname "$0")" && pwd)
command -v hb-shape >/dev/null || { echo "hb-shape not found: install libharfbuzz-bin" >&2; exit 1; }
echo "# hb-shape $(hb-shape --version | head -1 | awk '{print $NF}'); columns: font file, sum of x advances, text"
for font in /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf \
            /usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf \
            /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
            /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf; do
    while IFS= read -r text; do
        units=$(hb-shape --font-funcs=ot --language=en --no-glyph-names --no-clusters "$font" "$text" \
            | grep -o '+-\{0,1\}[0-9]*' | tr -d '+' | awk '{ s += $1 } END { print s }')
        printf '%s\t%s\t%s\n' "$(basename "$font")" "$units" "$text"
    done < "$here/strings.txt"
done
