// libcsv (Debian libcsv-dev) ships no pkg-config file: the header is found in /usr/include.
#include <csv.h>
