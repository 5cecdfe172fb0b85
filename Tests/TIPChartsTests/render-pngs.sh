#!/bin/sh
# Renders every golden SVG to docs/images/chart-NAME.png with rsvg-convert (Debian librsvg2-bin),
# for the README and for reviewing the figures by eye. Run from anywhere.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
command -v rsvg-convert >/dev/null || { echo "rsvg-convert not found: install librsvg2-bin" >&2; exit 1; }
mkdir -p "$root/docs/images"
for svg in "$root"/Tests/TIPChartsTests/Golden/*.svg; do
    name=$(basename "$svg" .svg)
    rsvg-convert --zoom 1.5 -o "$root/docs/images/chart-$name.png" "$svg"
    echo "docs/images/chart-$name.png"
done
