# Formulas shared by comparisons.R and random-cases.R (sourced, not run on its own).

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
