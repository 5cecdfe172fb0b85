// librsvg (Debian librsvg2-dev) parses and draws SVG onto cairo (libcairo2-dev) surfaces: image
// surfaces for PNG, PDF surfaces for PDF. Only TIPRender imports it.
#include <librsvg/rsvg.h>
#include <cairo.h>
#include <cairo-pdf.h>
