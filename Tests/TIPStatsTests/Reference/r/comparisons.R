# Reference values for the comparisons (FisherExactTest, ChiSquareIndependenceTest,
# TwoProportionComparison, PValueAdjustment, SimultaneousMultinomialIntervals).
# Run from this directory:  Rscript comparisons.R > comparisons.txt   (R 4.2.2)
source("common.R")

# fisher.test's odds ratio and interval come from uniroot at its default tolerance (about
# 1e-4); these are the same equations (fisher.test's own dnhyper/mnhyper/pnhyper, copied from
# R 4.2.2's source) solved to 1e-15, beside what fisher.test prints.
fisher_exact <- function(x, conf.level = 0.95, alternative = "two.sided") {
  m <- sum(x[, 1L]); n <- sum(x[, 2L]); k <- sum(x[1L, ]); x <- x[1L, 1L]
  lo <- max(0L, k - n); hi <- min(k, m); support <- lo:hi
  logdc <- dhyper(support, m, n, k, log = TRUE)
  dnhyper <- function(ncp) { d <- logdc + log(ncp) * support; d <- exp(d - max(d)); d / sum(d) }
  mnhyper <- function(ncp) if (ncp == 0) lo else if (ncp == Inf) hi else sum(support * dnhyper(ncp))
  pnhyper <- function(q, ncp, upper.tail = FALSE) {
    if (ncp == 1) return(if (upper.tail) phyper(x - 1, m, n, k, lower.tail = FALSE) else phyper(x, m, n, k))
    if (ncp == 0) return(as.numeric(if (upper.tail) q <= lo else q >= lo))
    if (ncp == Inf) return(as.numeric(if (upper.tail) q <= hi else q >= hi))
    sum(dnhyper(ncp)[if (upper.tail) support >= q else support <= q])
  }
  root <- function(f, lower, upper) uniroot(f, c(lower, upper), tol = 1e-15, maxiter = 10000)$root
  mle <- if (x == lo) 0 else if (x == hi) Inf else {
    mu <- mnhyper(1)
    if (mu > x) root(function(t) mnhyper(t) - x, 0, 1) else if (mu < x) 1 / root(function(t) mnhyper(1 / t) - x, .Machine$double.eps, 1) else 1
  }
  ncp.U <- function(x, alpha) {
    if (x == hi) return(Inf)
    p <- pnhyper(x, 1)
    if (p < alpha) root(function(t) pnhyper(x, t) - alpha, 0, 1) else if (p > alpha) 1 / root(function(t) pnhyper(x, 1 / t) - alpha, .Machine$double.eps, 1) else 1
  }
  ncp.L <- function(x, alpha) {
    if (x == lo) return(0)
    p <- pnhyper(x, 1, upper.tail = TRUE)
    if (p > alpha) root(function(t) pnhyper(x, t, upper.tail = TRUE) - alpha, 0, 1) else if (p < alpha) 1 / root(function(t) pnhyper(x, 1 / t, upper.tail = TRUE) - alpha, .Machine$double.eps, 1) else 1
  }
  ci <- switch(alternative, less = c(0, ncp.U(x, 1 - conf.level)), greater = c(ncp.L(x, 1 - conf.level), Inf),
               two.sided = c(ncp.L(x, (1 - conf.level) / 2), ncp.U(x, (1 - conf.level) / 2)))
  c(mle, ci)
}

fisher_case <- function(key, x, alternative = "two.sided", conf.level = 0.95) {
  out(paste0(key, ".table"), as.vector(t(x))); out(paste0(key, ".dim"), dim(x))
  r <- fisher.test(x, alternative = alternative, conf.level = conf.level)
  out(paste0(key, ".p"), r$p.value)
  if (all(dim(x) == 2)) {
    e <- fisher_exact(x, conf.level, alternative)
    out(paste0(key, ".estimate"), e[1]); out(paste0(key, ".lower"), e[2]); out(paste0(key, ".upper"), e[3])
    out(paste0(key, ".estimate_uniroot_default"), r$estimate)
    out(paste0(key, ".ci_uniroot_default"), r$conf.int)
  }
}
fisher_case("fisher.tea", matrix(c(3, 1, 1, 3), 2, byrow = TRUE))               # Fisher's tea tasting
fisher_case("fisher.tea_greater", matrix(c(3, 1, 1, 3), 2, byrow = TRUE), "greater")
fisher_case("fisher.convictions", matrix(c(12, 5, 7, 9), 2, byrow = TRUE))
fisher_case("fisher.less90", matrix(c(2, 10, 8, 4), 2, byrow = TRUE), "less", 0.90)
fisher_case("fisher.zero", matrix(c(0, 7, 5, 3), 2, byrow = TRUE))
fisher_case("fisher.large", matrix(c(150, 230, 90, 410), 2, byrow = TRUE))
# Job satisfaction (Agresti 2002, Table 3.9; R's ?fisher.test example)
fisher_case("fisher.job", matrix(c(1, 2, 1, 0, 3, 3, 6, 1, 10, 10, 14, 9, 6, 7, 12, 11), 4, byrow = TRUE))
fisher_case("fisher.3x3", matrix(c(3, 0, 2, 1, 4, 0, 0, 2, 5), 3, byrow = TRUE))
fisher_case("fisher.2x4", matrix(c(5, 2, 0, 1, 1, 3, 4, 6), 2, byrow = TRUE))

chisq_case <- function(key, x, correct = TRUE) {
  out(paste0(key, ".table"), as.vector(t(x))); out(paste0(key, ".dim"), dim(x))
  r <- suppressWarnings(chisq.test(x, correct = correct))
  out(paste0(key, ".statistic"), r$statistic); out(paste0(key, ".df"), r$parameter); out(paste0(key, ".p"), r$p.value)
  out(paste0(key, ".expected"), as.vector(t(r$expected))); out(paste0(key, ".residuals"), as.vector(t(r$residuals)))
  out(paste0(key, ".stdres"), as.vector(t(r$stdres)))
}
chisq_case("chisq.yates", matrix(c(12, 5, 7, 9), 2, byrow = TRUE))
chisq_case("chisq.noyates", matrix(c(12, 5, 7, 9), 2, byrow = TRUE), FALSE)
chisq_case("chisq.smalldev", matrix(c(10, 10, 10, 11), 2, byrow = TRUE))   # |x - E| < 0.5: Yates capped
# Party identification by gender (Agresti 2007; R's ?chisq.test example)
chisq_case("chisq.party", matrix(c(762, 327, 468, 484, 239, 477), 2, byrow = TRUE))
chisq_case("chisq.job", matrix(c(1, 2, 1, 0, 3, 3, 6, 1, 10, 10, 14, 9, 6, 7, 12, 11), 4, byrow = TRUE))

# Two proportions: prop.test's p and Newcombe's method 10 interval written out from the Wilson
# limits that prop.test(x, n, correct = FALSE) gives.
newcombe <- function(x1, n1, x2, n2, conf.level = 0.95) {
  w1 <- suppressWarnings(prop.test(x1, n1, conf.level = conf.level, correct = FALSE))$conf.int
  w2 <- suppressWarnings(prop.test(x2, n2, conf.level = conf.level, correct = FALSE))$conf.int
  # prop.test returns 0 and 1 exactly at x = 0 and x = n only up to rounding; Wilson's limits are 0 and 1 there.
  if (x1 == 0) w1[1] <- 0; if (x1 == n1) w1[2] <- 1; if (x2 == 0) w2[1] <- 0; if (x2 == n2) w2[2] <- 1
  p1 <- x1 / n1; p2 <- x2 / n2; d <- p1 - p2
  c(d - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2), d + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
}
prop_case <- function(key, x1, n1, x2, n2, conf.level = 0.95) {
  out(paste0(key, ".data"), c(x1, n1, x2, n2, conf.level))
  ci <- newcombe(x1, n1, x2, n2, conf.level); out(paste0(key, ".lower"), ci[1]); out(paste0(key, ".upper"), ci[2])
  if (x1 + x2 > 0 && x1 + x2 < n1 + n2) {
    out(paste0(key, ".p"), suppressWarnings(prop.test(c(x1, x2), c(n1, n2)))$p.value)
    out(paste0(key, ".p_nocorrect"), suppressWarnings(prop.test(c(x1, x2), c(n1, n2), correct = FALSE))$p.value)
  }
}
# Newcombe (1998), Table II's examples (a)-(h)
prop_case("prop.a", 56, 70, 48, 80); prop_case("prop.b", 9, 10, 3, 10); prop_case("prop.c", 6, 7, 2, 7)
prop_case("prop.d", 5, 56, 0, 29); prop_case("prop.e", 0, 10, 0, 20); prop_case("prop.f", 0, 10, 0, 10)
prop_case("prop.g", 10, 10, 0, 20); prop_case("prop.h", 10, 10, 0, 10)
prop_case("prop.iiconn", 24, 29, 39, 209, 0.90)

# p.adjust
p <- c(0.01, 0.04, 0.03, 0.20, 0.0001, 0.5, 0.03, NA)
out("padjust.p", p)
for (m in c("bonferroni", "holm", "BH")) out(paste0("padjust.", m), p.adjust(p, m))

# Sison-Glaz, written out from May and Johnson's (2000) algorithm as MultinomialCI implements
# it (the package is not in Debian), and Goodman's formula.
moments <- function(c, lambda) {
  a <- lambda + c; b <- max(lambda - c, 0)
  den <- ppois(a, lambda) - ppois(b - 1, lambda)
  mu <- sapply(1:4, function(r) lambda^r * (1 - ((ppois(a, lambda) - ppois(a - r, lambda)) -
                                                 (ppois(b - 1, lambda) - ppois(b - r - 1, lambda))) / den))
  A <- mu[1]; B <- mu[2]; C <- mu[3]; D <- mu[4]
  c(A, A + B - A^2, C + B * (3 - 3 * A) + (A - 3 * A^2 + 2 * A^3),
    D + C * (6 - 4 * A) + B * (7 - 12 * A + 6 * A^2) + A - 4 * A^2 + 6 * A^3 - 3 * A^4, den)
}
truncpoi <- function(c, x, n) {
  m <- t(sapply(x, moments, c = c)); m[, 4] <- m[, 4] - 3 * m[, 2]^2
  s <- colSums(m); z <- (n - s[1]) / sqrt(s[2]); g1 <- s[3] / s[2]^1.5; g2 <- s[4] / s[2]^2
  poly <- 1 + g1 * (z^3 - 3 * z) / 6 + g2 * (z^4 - 6 * z^2 + 3) / 24 + g1^2 * (z^6 - 15 * z^4 + 45 * z^2 - 15) / 72
  f <- poly * exp(-z^2 / 2) / sqrt(2 * pi)
  prod(m[, 5]) * f / sqrt(s[2]) / (ppois(n, n) - ppois(n - 1, n))
}
sison_glaz <- function(x, level = 0.95) {
  n <- sum(x); pold <- 0
  for (cc in 1:n) { p <- truncpoi(cc, x, n); if (p > level && pold < level) break; pold <- p }
  delta <- (level - pold) / (p - pold); c <- cc - 1
  list(c = c, delta = delta, lower = pmax(0, x / n - c / n), upper = pmin(1, x / n + c / n + 2 * delta / n))
}
goodman <- function(x, level = 0.95) {
  n <- sum(x); a <- qchisq(1 - (1 - level) / length(x), 1)
  h <- sqrt(a * (a + 4 * x * (n - x) / n))
  list(lower = pmax(0, (a + 2 * x - h) / (2 * (n + a))), upper = pmin(1, (a + 2 * x + h) / (2 * (n + a))))
}
multi_case <- function(key, x, level = 0.95) {
  out(paste0(key, ".counts"), x); out(paste0(key, ".level"), level)
  s <- sison_glaz(x, level); out(paste0(key, ".sg_c"), s$c); out(paste0(key, ".sg_delta"), s$delta)
  out(paste0(key, ".sg_lower"), s$lower); out(paste0(key, ".sg_upper"), s$upper)
  g <- goodman(x, level); out(paste0(key, ".goodman_lower"), g$lower); out(paste0(key, ".goodman_upper"), g$upper)
}
multi_case("multi.sisonglaz1999", c(56, 72, 73, 59, 62, 87, 58))   # Sison & Glaz (1999) example
multi_case("multi.goodman1965", c(91, 49, 37, 43))                  # Goodman (1965) example
multi_case("multi.package", c(23, 12, 44))                          # MultinomialCI's documented example
multi_case("multi.small", c(5, 0, 2, 1, 9, 3), 0.90)

# Monte Carlo p-values cannot match R's draw for draw (another generator); R's own simulated
# p-values with a million tables are the reference, to be matched within Monte Carlo error.
set.seed(20240131)
mc <- function(key, x, test) {
  out(paste0(key, ".table"), as.vector(t(x))); out(paste0(key, ".dim"), dim(x))
  r <- if (test == "fisher") fisher.test(x, simulate.p.value = TRUE, B = 1e6) else chisq.test(x, simulate.p.value = TRUE, B = 1e6)
  out(paste0(key, ".p"), r$p.value); out(paste0(key, ".statistic"), if (test == "fisher") NA else r$statistic)
}
mc("mc.fisher_job", matrix(c(1, 2, 1, 0, 3, 3, 6, 1, 10, 10, 14, 9, 6, 7, 12, 11), 4, byrow = TRUE), "fisher")
mc("mc.chisq_sparse", matrix(c(3, 0, 2, 1, 4, 0, 0, 2, 5), 3, byrow = TRUE), "chisq")
