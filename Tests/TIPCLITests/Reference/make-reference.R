# Reference values for the end-to-end CLI tests, computed by R.
# Run from this directory:  Rscript make-reference.R > reference.txt
# Produced with R 4.2.2 (Debian r-base-core). Each line is "key value", printed with 17
# significant digits; the tests compare the JSON output of tipstat to 1e-10 relative.
# R is a development tool only: the tests read reference.txt and never need R.

out <- function(key, value) {
  for (i in seq_along(value)) {
    k <- if (length(value) > 1) paste0(key, ".", i) else key
    cat(k, if (is.infinite(value[i])) "Inf" else sprintf("%.17g", value[i]), "\n")
  }
}

# tipstat interval poisson --count 151 --exposure 0.75
r <- poisson.test(151, 0.75); out("poisson.151_0.75.lower", r$conf.int[1]); out("poisson.151_0.75.upper", r$conf.int[2])
r <- poisson.test(0, 1); out("poisson.0_1.upper", r$conf.int[2])

# tipstat interval proportion --successes 24 --trials 29 [--method clopper-pearson]
r <- prop.test(24, 29, correct = FALSE); out("wilson.24_29.lower", r$conf.int[1]); out("wilson.24_29.upper", r$conf.int[2])
r <- binom.test(24, 29); out("cp.24_29.lower", r$conf.int[1]); out("cp.24_29.upper", r$conf.int[2])
r <- binom.test(153, 210); out("cp.153_210.lower", r$conf.int[1]); out("cp.153_210.upper", r$conf.int[2])
r <- prop.test(153, 210, correct = FALSE); out("wilson.153_210.lower", r$conf.int[1]); out("wilson.153_210.upper", r$conf.int[2])
r <- prop.test(46, 120, correct = FALSE); out("wilson.46_120.lower", r$conf.int[1]); out("wilson.46_120.upper", r$conf.int[2])

# tipstat change --counts 29 41 --exposures 1 0.75 (and the file form on Datasets/hotline.csv)
r <- poisson.test(c(41, 29), c(0.75, 1))
out("change.29_41.estimate", r$estimate); out("change.29_41.lower", r$conf.int[1])
out("change.29_41.upper", r$conf.int[2]); out("change.29_41.p", r$p.value)
# DCF referrals: 151 in Jan-Sep 2016 against 133 in 2015
r <- poisson.test(c(151, 133), c(0.75, 1))
out("change.133_151.estimate", r$estimate); out("change.133_151.lower", r$conf.int[1])
out("change.133_151.upper", r$conf.int[2]); out("change.133_151.p", r$p.value)
r <- poisson.test(c(5, 0), c(1, 1)); out("change.0_5.lower", r$conf.int[1]); out("change.0_5.p", r$p.value)

# tipstat describe on the DCF referral counts of Datasets/dcf-referrals.csv (file order)
x <- c(4, 30, 31, 13, 94, 133, 151, 202, 456, 210, 241)
out("describe.mean", mean(x)); out("describe.sd", sd(x)); q <- quantile(x)
out("describe.q1", q[2]); out("describe.median", q[3]); out("describe.q3", q[4])
out("describe.acf", acf(x, lag.max = 1, plot = FALSE)$acf[2])

# tipstat regress on the test's referrals.csv: referrals ~ year, and a quadratic
year <- c(2008, 2009, 2010, 2011, 2014, 2015); referrals <- c(4, 30, 31, 13, 94, 133)
f <- lm(referrals ~ year); s <- summary(f); co <- coef(s); ci <- confint(f)
out("regress.estimate", co[, 1]); out("regress.se", co[, 2]); out("regress.t", co[, 3]); out("regress.p", co[, 4])
out("regress.ci_low", ci[, 1]); out("regress.ci_high", ci[, 2]); out("regress.sigma", s$sigma); out("regress.r2", s$r.squared)
out("regress.f", s$fstatistic[1])
f2 <- lm(referrals ~ year + I(year^2)); out("regress2.estimate", coef(f2)); out("regress2.se", coef(summary(f2))[, 2])

# tipstat trend Datasets/dcf-referrals.csv --time period --value referrals --model poisson
#   --exclude 2013/2016 --exclude 2016: periods at their midpoints, exposure months / 12.
t <- c(2008.5, 2009.5, 2010.5, 2011.5, 2014.5, 2015.5, 2016.375, 2018.5, 2021.5)
y <- c(4, 30, 31, 13, 94, 133, 151, 210, 241); e <- c(1, 1, 1, 1, 1, 1, 0.75, 1, 1)
g <- glm(y ~ t, family = poisson, offset = log(e)); gs <- summary(g)
out("trend.estimate", coef(g)); out("trend.se", coef(gs)[, 2]); out("trend.deviance", g$deviance)
out("trend.null_deviance", g$null.deviance); out("trend.rate_ratio", exp(coef(g)[2]))
ci <- confint.default(g); out("trend.rr_low", exp(ci[2, 1])); out("trend.rr_high", exp(ci[2, 2]))
q <- summary(glm(y ~ t, family = quasipoisson, offset = log(e))); out("trend.dispersion", q$dispersion)
qt975 <- qt(0.975, q$df.residual); qse <- coef(q)[2, 2]
out("trend.quasi_rr_low", exp(coef(g)[2] - qt975 * qse)); out("trend.quasi_rr_high", exp(coef(g)[2] + qt975 * qse))
# the linear trend of the same rows: rate per year (count / exposure) on the midpoints
l <- lm(I(y / e) ~ t); out("trend_linear.estimate", coef(l)); out("trend_linear.se", coef(summary(l))[, 2])

# tipstat change Datasets/hotline.csv --from 2015 --to 2016-01/2016-09 --value cases --null-ratio 1.4 --alternative greater
r <- poisson.test(c(41, 29), c(0.75, 1), r = 1.4, alternative = "greater")
out("change_greater.29_41_1.4.lower", r$conf.int[1]); out("change_greater.29_41_1.4.p", r$p.value)
# tipstat change Datasets/judicial.csv --from 2006/2016-03 --to 2016-03/2016-12 --value convictions
r <- poisson.test(c(2, 0), c(10 / 12, 123 / 12)); out("change.0_2_123m_10m.lower", r$conf.int[1]); out("change.0_2_123m_10m.p", r$p.value)

# tipstat trend calls.csv --time date --value calls --date-order mdy [--model poisson]: US dates
# 1/15, 2/15 and 3/15/2016, each at the middle of its day in decimal years (2016 has 366 days).
t <- 2016 + c(14.5, 45.5, 74.5) / 366; y <- c(10, 12, 9)
l <- coef(summary(lm(y ~ t))); out("trend_dates.slope", l[2, 1]); out("trend_dates.slope_se", l[2, 2])
out("trend_dates.rate_ratio", exp(coef(glm(y ~ t, family = poisson))[2]))

# The hotline's 41 cases in January-September 2016 as a yearly rate with its exact interval
# (tipstat chart dot --interval poisson --exposure, and the council's hotline figure).
r <- poisson.test(41, 0.75); out("poisson.41_0.75.lower", r$conf.int[1]); out("poisson.41_0.75.upper", r$conf.int[2])
