// R's standalone math library (Debian r-mathlib). MATHLIB_STANDALONE must be defined before the
// header so that it declares the library's own entry points (no R runtime needed).
#define MATHLIB_STANDALONE 1
#include <Rmath.h>
