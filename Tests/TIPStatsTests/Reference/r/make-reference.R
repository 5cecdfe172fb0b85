# Reference values for the TIPStats tests, computed by R.
# Run from this directory:  Rscript make-reference.R > reference.txt
# Produced with R 4.2.2 (Debian r-base-core). Each line is "key value", value printed with 17
# significant digits so the tests can compare to 1e-10 relative; "Inf" is infinity.
# R is a development tool only: the tests read reference.txt and never need R.

out <- function(key, value) {
  for (i in seq_along(value)) {
    k <- if (length(value) > 1) paste0(key, ".", i) else key
    cat(k, if (is.infinite(value[i])) "Inf" else sprintf("%.17g", value[i]), "\n")
  }
}

# Exact Poisson (Garwood) intervals: poisson.test(x, T)$conf.int
poisson1 <- list(c(41, 0.75, 0.95), c(0, 1, 0.95), c(151, 0.75, 0.95), c(7, 1, 0.90), c(1, 2.5, 0.99))
for (a in poisson1) {
  r <- poisson.test(a[1], a[2], conf.level = a[3])
  key <- sprintf("poisson_interval.%g_%g_%g", a[1], a[2], a[3])
  out(paste0(key, ".lower"), r$conf.int[1]); out(paste0(key, ".upper"), r$conf.int[2])
}

# Rate ratios: poisson.test(c(x1, x2), c(t1, t2))
poisson2 <- list(c(41, 29, 0.75, 1, 0.95), c(0, 5, 1, 1, 0.95), c(5, 0, 1, 1, 0.95),
                 c(3, 7, 2, 1, 0.95), c(151, 133, 0.75, 1, 0.90), c(2, 10, 1, 1, 0.95))
for (a in poisson2) {
  r <- poisson.test(a[1:2], a[3:4], conf.level = a[5])
  key <- sprintf("rate_ratio.%g_%g_%g_%g_%g", a[1], a[2], a[3], a[4], a[5])
  out(paste0(key, ".estimate"), r$estimate); out(paste0(key, ".lower"), r$conf.int[1])
  out(paste0(key, ".upper"), r$conf.int[2]); out(paste0(key, ".p"), r$p.value)
  out(paste0(key, ".expected"), r$parameter)
}

# Exact binomial test and Clopper-Pearson interval: binom.test(x, n, p)
binom <- list(c(24, 29, 0.5), c(0, 10, 0.3), c(10, 10, 0.3), c(7, 20, 0.25), c(3, 10, 0.3),
              c(5, 20, 0.5), c(13, 40, 0.5), c(60, 61, 0.9))
for (a in binom) {
  r <- binom.test(a[1], a[2], a[3])
  key <- sprintf("binom.%g_%g_%g", a[1], a[2], a[3])
  out(paste0(key, ".p"), r$p.value); out(paste0(key, ".lower"), r$conf.int[1]); out(paste0(key, ".upper"), r$conf.int[2])
}

# Wilson interval: prop.test(x, n, correct = FALSE)$conf.int
wilson <- list(c(24, 29, 0.95), c(0, 10, 0.95), c(10, 10, 0.95), c(39, 209, 0.95), c(1, 3, 0.90))
for (a in wilson) {
  r <- suppressWarnings(prop.test(a[1], a[2], conf.level = a[3], correct = FALSE))
  key <- sprintf("wilson.%g_%g_%g", a[1], a[2], a[3])
  out(paste0(key, ".lower"), r$conf.int[1]); out(paste0(key, ".upper"), r$conf.int[2])
}

# Linear regression: DCF referrals on year, and a two-predictor model without intercept.
lmout <- function(key, fit) {
  s <- summary(fit); co <- coef(s); ci <- confint(fit)
  out(paste0(key, ".estimate"), co[, 1]); out(paste0(key, ".se"), co[, 2]); out(paste0(key, ".t"), co[, 3])
  out(paste0(key, ".p"), co[, 4]); out(paste0(key, ".ci_low"), ci[, 1]); out(paste0(key, ".ci_high"), ci[, 2])
  out(paste0(key, ".sigma"), s$sigma); out(paste0(key, ".r2"), s$r.squared)
  f <- s$fstatistic
  out(paste0(key, ".f"), f[1]); out(paste0(key, ".f_p"), pf(f[1], f[2], f[3], lower.tail = FALSE))
}
year <- c(2008, 2009, 2010, 2011, 2014, 2015); referrals <- c(4, 30, 31, 13, 94, 133)
lmout("lm.referrals", lm(referrals ~ year))
x1 <- c(1, 2, 3, 4, 5, 6, 7); x2 <- c(2, 1, 4, 3, 6, 5, 8); y <- c(3.1, 3.9, 7.2, 7.8, 11.1, 11.8, 15.2)
lmout("lm.noint", lm(y ~ 0 + x1 + x2))
# Centred years keep the quadratic well conditioned; the raw-year quadratic (condition number
# about 1e13) is checked against exact rational arithmetic in ../python/make-reference.py,
# since R's float64 QR itself is only good to about 1e-9 there.
lmout("lm.quadratic", lm(referrals ~ I(year - 2011) + I((year - 2011)^2)))

# Poisson regression (glm.fit) and its quasi-Poisson summary.
glmout <- function(key, y, t, e) {
  f <- glm(y ~ t, family = poisson, offset = log(e))
  s <- summary(f); co <- coef(s)
  q <- summary(glm(y ~ t, family = quasipoisson, offset = log(e)))
  qc <- coef(q)
  out(paste0(key, ".estimate"), co[, 1]); out(paste0(key, ".se"), co[, 2]); out(paste0(key, ".z"), co[, 3])
  out(paste0(key, ".p"), co[, 4])
  ci <- confint.default(f); out(paste0(key, ".ci_low"), ci[, 1]); out(paste0(key, ".ci_high"), ci[, 2])
  out(paste0(key, ".deviance"), f$deviance); out(paste0(key, ".null_deviance"), f$null.deviance)
  out(paste0(key, ".iter"), f$iter); out(paste0(key, ".dispersion"), q$dispersion)
  out(paste0(key, ".pearson"), q$dispersion * f$df.residual)
  out(paste0(key, ".quasi_se"), qc[, 2]); out(paste0(key, ".quasi_t"), qc[, 3]); out(paste0(key, ".quasi_p"), qc[, 4])
  tq <- qt(0.975, f$df.residual)
  out(paste0(key, ".quasi_ci_low"), qc[, 1] - tq * qc[, 2]); out(paste0(key, ".quasi_ci_high"), qc[, 1] + tq * qc[, 2])
}
glmout("glm.referrals", c(4, 30, 31, 13, 94, 133, 151), c(2008, 2009, 2010, 2011, 2014, 2015, 2016),
       c(1, 1, 1, 1, 1, 1, 0.75))
glmout("glm.hotline", c(35, 29, 41), c(2014, 2015, 2016), c(1, 1, 0.75))
glmout("glm.steady", c(10, 12, 11, 13, 12), c(1, 2, 3, 4, 5), c(1, 1, 1, 1, 1))

# Chi-square goodness of fit: chisq.test(x, p = p, rescale.p = TRUE)
r <- suppressWarnings(chisq.test(c(39, 55, 96, 18, 1), p = c(13, 55, 24, 5, 3), rescale.p = TRUE))
out("chisq.race.statistic", r$statistic); out("chisq.race.p", r$p.value); out("chisq.race.expected", r$expected)
out("chisq.race.residuals", r$residuals)

# Descriptive statistics: quantile type 7, sd, lag-1 autocorrelation (acf divides both sums by n).
x <- c(4, 30, 31, 13, 94, 133, 151, 202, 210, 241)
out("describe.mean", mean(x)); out("describe.sd", sd(x)); out("describe.quantile", quantile(x))
out("describe.acf1", acf(x, lag.max = 1, plot = FALSE)$acf[2])

# Lognormal quantiles for the Monte Carlo's inverse CDF: qlnorm(u, log(median), log(gsd)).
for (u in c(0.025, 0.5, 0.9)) out(sprintf("qlnorm.456_1.5.%g", u), qlnorm(u, log(456), log(1.5)))

# Rate ratios against a null ratio r, one-sided or two-sided:
# poisson.test(c(x1, x2), c(t1, t2), r = r, alternative = alt). Its "expected count1" is not
# kept: R computes it as sum(x) r t1 / (t1 + r t2), which for r != 1 is not the mean of the
# binomial it tests, sum(x) r t1 / (r t1 + t2); the tests check that against exact arithmetic.
poisson3 <- list(list(41, 29, 0.75, 1, 0.95, 1.4, "greater"), list(41, 29, 0.75, 1, 0.95, 1, "less"),
                 list(0, 5, 1, 1, 0.95, 1, "greater"), list(5, 0, 1, 1, 0.90, 2, "less"),
                 list(3, 7, 2, 1, 0.95, 0.5, "two.sided"), list(151, 133, 0.75, 1, 0.90, 1.2, "greater"))
for (a in poisson3) {
  r <- poisson.test(c(a[[1]], a[[2]]), c(a[[3]], a[[4]]), r = a[[6]], alternative = a[[7]], conf.level = a[[5]])
  key <- sprintf("rate_ratio_r.%g_%g_%g_%g_%g_%g_%s", a[[1]], a[[2]], a[[3]], a[[4]], a[[5]], a[[6]], a[[7]])
  out(paste0(key, ".lower"), r$conf.int[1]); out(paste0(key, ".upper"), r$conf.int[2])
  out(paste0(key, ".p"), r$p.value)
}
