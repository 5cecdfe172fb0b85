# Reference values for joinpoint trends (JoinpointRegression, SeasonalHarmonics).
# Run from this directory:  Rscript trends.R > trends.txt   (R 4.2.2, segmented 1.6-2)
# The grid search is redone by brute force with glm over the same admissible joinpoint sets;
# the selected model is refitted by segmented with its joinpoints held fixed (it.max = 0, which
# fits the hinge model by glm), and the segment slopes are the sums of its coefficients with
# variances from its covariance matrix. The permutation test has no R counterpart; the Swift
# tests check its properties instead.
suppressMessages(library(segmented))
source("common.R")

hinges <- function(t, taus) if (length(taus)) sapply(taus, function(tau) pmax(t - tau, 0)) else NULL

# Admissible joinpoint index sets (1-based): endGap observations to either end, interiorGap between.
candidates <- function(n, k, end_gap = 2, interior_gap = 2) {
  if (k == 0) return(list(integer(0)))
  out <- list()
  extend <- function(chosen) {
    if (length(chosen) == k) { out[[length(out) + 1]] <<- chosen; return(invisible()) }
    first <- if (length(chosen)) tail(chosen, 1) + interior_gap + 1 else end_gap + 1
    if (first > n - end_gap) return(invisible())
    for (i in first:(n - end_gap)) extend(c(chosen, i))
  }
  extend(integer(0)); out
}

grid_case <- function(key, y, t, e, K, extra = NULL) {
  out(paste0(key, ".counts"), y); out(paste0(key, ".times"), t); out(paste0(key, ".exposure"), e)
  for (k in 0:K) {
    best <- NULL
    for (set in candidates(length(y), k)) {
      X <- cbind(t, hinges(t, t[set]), extra)
      f <- fixed_point(glm(y ~ X, family = poisson, offset = log(e), control = tight))
      if (is.null(best) || f$deviance < best$dev) best <- list(dev = f$deviance, set = set)
    }
    out(paste0(key, ".k", k, ".joinpoints"), if (k) t[best$set] else numeric(0))
    out(paste0(key, ".k", k, ".deviance"), best$dev)
  }
}

# Segment slopes, standard errors and APC intervals for joinpoints taus, Poisson and quasi-Poisson.
segment_case <- function(key, y, t, e, taus, extra = NULL) {
  d <- data.frame(y = y, t = t, e = e)
  if (!is.null(extra)) d <- cbind(d, extra)
  rhs <- paste(c("t", if (!is.null(extra)) colnames(extra)), collapse = " + ")
  for (family in c("poisson", "quasipoisson")) {
    fam <- if (family == "poisson") poisson else quasipoisson
    X <- hinges(t, taus); colnames(X) <- paste0("h", seq_along(taus)); d2 <- cbind(d, X)
    s <- glm_final(as.formula(paste("y ~", rhs, "+", paste(colnames(X), collapse = " + "), "+ offset(log(e))")), d2, fam)
    b <- coef(s); V <- vcov(s); names_in_order <- c("t", colnames(X))
    if (length(taus) == 1) {
      # segmented with the joinpoint held fixed (it.max = 0) fits the same hinge model with
      # glm's default tolerance: its slopes agree to about 1e-8.
      base <- if (family == "poisson") glm(as.formula(paste("y ~", rhs, "+ offset(log(e))")), data = d, family = poisson)
              else glm(as.formula(paste("y ~", rhs, "+ offset(log(e))")), data = d, family = quasipoisson)
      sg <- segmented(base, seg.Z = ~t, psi = taus, control = seg.control(it.max = 0))
      out(paste0(key, ".", family, ".segmented_slope"), c(coef(sg)[["t"]], coef(sg)[["t"]] + coef(sg)[["U1.t"]]))
    }
    phi <- if (family == "poisson") 1 else sum(residuals(s, type = "pearson")^2) / s$df.residual
    if (family == "quasipoisson") V <- V / summary(s)$dispersion * phi # the dispersion of the final fit
    q <- if (family == "poisson") qnorm(0.975) else qt(0.975, s$df.residual)
    slopes <- ses <- numeric(0)
    for (j in seq_along(names_in_order)) {
      idx <- names_in_order[1:j]
      slopes[j] <- sum(b[idx]); ses[j] <- sqrt(sum(V[idx, idx]))
    }
    k <- paste0(key, ".", family)
    out(paste0(k, ".slope"), slopes); out(paste0(k, ".se"), ses)
    out(paste0(k, ".apc"), 100 * (exp(slopes) - 1))
    out(paste0(k, ".apc_low"), 100 * (exp(slopes - q * ses) - 1)); out(paste0(k, ".apc_high"), 100 * (exp(slopes + q * ses) - 1))
    out(paste0(k, ".deviance"), deviance(s))
  }
}

# 1. One clear bend: annual counts, the last year nine months of exposure.
y1 <- c(4, 30, 31, 13, 20, 35, 94, 133, 151, 160, 170, 150, 140, 120, 118, 110, 77)
t1 <- 2000:2016; e1 <- c(rep(1, 16), 0.75)
grid_case("bend1", y1, t1, e1, 2)
segment_case("bend1", y1, t1, e1, 2008)

# 2. Two bends, counts rounded from a known curve (rise, flat, fall).
t2 <- 1:24
mu2 <- exp(2 + 0.25 * pmin(t2, 8) - 0.2 * pmax(t2 - 16, 0))
y2 <- round(mu2 * (1 + 0.05 * sin(t2)))
e2 <- rep(1, 24)
grid_case("bend2", y2, t2, e2, 2)
segment_case("bend2", y2, t2, e2, t2[c(8, 16)])

# 3. Monthly counts over four years with one pair of harmonics (period one year, time in decimal
#    years at mid-month) and a bend after two years.
t3 <- 2014 + (0:47 + 0.5) / 12
mu3 <- exp(1.5 + 0.4 * pmax(t3 - 2016, 0) + 0.5 * sin(2 * pi * t3) + 0.2 * cos(2 * pi * t3))
y3 <- round(mu3 * (1 + 0.1 * cos(7 * seq_along(t3))))
e3 <- rep(1, 48)
harm <- cbind(sin1 = sin(2 * pi * t3), cos1 = cos(2 * pi * t3))
grid_case("seasonal", y3, t3, e3, 1, harm)
best <- NULL
for (set in candidates(48, 1)) {
  f <- fixed_point(glm(y3 ~ t3 + hinges(t3, t3[set]) + harm, family = poisson, control = tight))
  if (is.null(best) || f$deviance < best$dev) best <- list(dev = f$deviance, set = set)
}
segment_case("seasonal", y3, t3, e3, t3[best$set], harm)

# segmented's own (continuous) breakpoint estimate for series 1, for the record: the grid
# search restricts joinpoints to observed times, segmented does not.
d1 <- data.frame(y = y1, t = t1, e = e1)
s1 <- segmented(glm(y ~ t + offset(log(e)), family = poisson, data = d1), seg.Z = ~t, psi = 2008)
out("bend1.segmented_psi", s1$psi[, "Est."])
