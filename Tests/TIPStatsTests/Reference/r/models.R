# Reference values for the count models (CountRegression, DispersionTest, OverdispersedRateRatio).
# Run from this directory:  Rscript models.R > models.txt   (R 4.2.2, MASS 7.3-58.2)
# Each case writes its data and R's answers; see common.R for the format and for why the fits
# are pushed to full convergence. R's own confint (MASS's spline through a few profile points)
# is written too, as `.confint_spline`, to show how close R's default answer is.
suppressMessages(library(MASS))
source("common.R")

glm_case <- function(key, formula, data, family) {
  if (family == "negbin") {
    nb <- nb_full(formula, data); fit <- nb$fit; phi <- 1
    out(paste0(key, ".theta"), nb$theta); out(paste0(key, ".theta_se"), nb$se)
    ll <- sum(dnbinom(fit$y, size = nb$theta, mu = fitted(fit), log = TRUE))
    out(paste0(key, ".loglik"), ll); out(paste0(key, ".aic"), -2 * ll + 2 * (length(coef(fit)) + 1))
    o <- if (is.null(fit$offset)) rep(0, length(fit$y)) else fit$offset
    nul <- fixed_point(glm(fit$y ~ 1, offset = o, family = negative.binomial(nb$theta), control = tight))
    out(paste0(key, ".null_deviance"), nul$deviance)
    # glm.nb as users call it (default control), for the record
    def <- suppressWarnings(glm.nb(formula, data = data))
    out(paste0(key, ".theta_default"), def$theta)
    ci <- suppressMessages(confint(def))
  } else {
    fam <- if (family == "poisson") poisson else quasipoisson
    fit <- glm_final(formula, data, fam)
    pearson <- sum(residuals(fit, type = "pearson")^2)
    phi <- if (family == "poisson") 1 else pearson / fit$df.residual
    out(paste0(key, ".pearson"), pearson)
    out(paste0(key, ".null_deviance"), fit$null.deviance)
    if (family == "poisson") {
      out(paste0(key, ".loglik"), as.numeric(logLik(fit))); out(paste0(key, ".aic"), AIC(fit))
      # Cameron-Trivedi (AER::dispersiontest's formulas, written out)
      y <- fit$y; mu <- fitted(fit); aux <- ((y - mu)^2 - y) / mu
      out(paste0(key, ".ct_z"), sqrt(length(aux)) * mean(aux) / sd(aux))
      out(paste0(key, ".ct_dispersion"), mean(aux) + 1)
      aux2 <- summary(lm(aux ~ 0 + mu))$coefficients
      out(paste0(key, ".ct2_alpha"), aux2[1, 1]); out(paste0(key, ".ct2_z"), aux2[1, 3])
      out(paste0(key, ".pearson_p"), pchisq(pearson, fit$df.residual, lower.tail = FALSE))
    }
    ci <- suppressMessages(confint(glm(formula, data = data, family = fam)))
  }
  s <- summary(fit, dispersion = phi); co <- coef(s)
  out(paste0(key, ".terms"), rownames(co))
  out(paste0(key, ".estimate"), co[, 1]); out(paste0(key, ".se"), co[, 2])
  out(paste0(key, ".statistic"), co[, 1] / co[, 2])
  p <- if (family == "quasipoisson") 2 * pt(-abs(co[, 1] / co[, 2]), fit$df.residual) else 2 * pnorm(-abs(co[, 1] / co[, 2]))
  out(paste0(key, ".p"), p)
  out(paste0(key, ".wald_quantile"), if (family == "quasipoisson") qt(0.975, fit$df.residual) else qnorm(0.975))
  out(paste0(key, ".deviance"), fit$deviance); out(paste0(key, ".df_residual"), fit$df.residual)
  out(paste0(key, ".dispersion"), phi)
  limits <- sapply(seq_along(coef(fit)), function(j) profile_limits(fit, j, phi))
  out(paste0(key, ".profile_low"), limits[1, ]); out(paste0(key, ".profile_high"), limits[2, ])
  out(paste0(key, ".confint_spline_low"), matrix(ci, ncol = 2)[, 1])
  out(paste0(key, ".confint_spline_high"), matrix(ci, ncol = 2)[, 2])
}

write_data <- function(key, d) {
  for (name in names(d)) out(paste0(key, ".data.", name), if (is.factor(d[[name]])) as.character(d[[name]]) else d[[name]])
}

# 1. DCF referrals by year, 2016 nine months (exposure 0.75): one numeric predictor and an offset.
#    Years are centred on 2012: with raw years R's float64 QR (condition number about 1e7) is
#    itself good to only about 1e-9, which a p-value of 1e-61 magnifies to 1e-7.
referrals <- data.frame(count = c(4, 30, 31, 13, 94, 133, 151), year = c(2008, 2009, 2010, 2011, 2014, 2015, 2016) - 2012,
                        exposure = c(1, 1, 1, 1, 1, 1, 0.75))
write_data("referrals", referrals)
for (f in c("poisson", "quasipoisson", "negbin"))
  glm_case(paste0("referrals.", f), count ~ year + offset(log(exposure)), referrals, f)

# 2. Counts by region (a factor, reference "North") and year with population exposure.
regions <- data.frame(
  count = c(12, 15, 9, 20, 4, 7, 5, 9, 30, 26, 41, 38),
  region = factor(rep(c("North", "South", "East"), each = 4), levels = c("North", "East", "South")),
  year = rep(c(2013, 2014, 2015, 2016), 3) - 2015,
  exposure = rep(c(2.1, 0.9, 3.4), each = 4))
write_data("regions", regions)
# (Underdispersed: Cameron-Trivedi dispersion 0.54, so glm.nb's theta runs to infinity; the
# Swift test checks that the negative binomial fit says so.)
for (f in c("poisson", "quasipoisson"))
  glm_case(paste0("regions.", f), count ~ region + year + offset(log(exposure)), regions, f)

# 3. MASS's quine data (days absent; Venables & Ripley's negative binomial example), main effects.
data(quine)
write_data("quine", quine)
for (f in c("poisson", "negbin"))
  glm_case(paste0("quine.", f), Days ~ Eth + Sex + Age + Lrn, quine, f)

# 4. Overdispersion-aware rate ratio of two counts: the quasi-Poisson Wald ratio of a two-level
#    model with the dispersion fixed (summary(..., dispersion = phi)); t on df when given.
rr_case <- function(key, x1, t1, x2, t2, phi, df) {
  d <- data.frame(y = c(x2, x1), g = factor(c("base", "later"), levels = c("base", "later")), t = c(t2, t1))
  fit <- glm_final(y ~ g + offset(log(t)), d, poisson)
  co <- coef(summary(fit, dispersion = phi))
  b <- co[2, 1]; se <- co[2, 2]
  q <- if (is.na(df)) qnorm(0.975) else qt(0.975, df)
  p <- if (is.na(df)) 2 * pnorm(-abs(b / se)) else 2 * pt(-abs(b / se), df)
  out(paste0(key, ".ratio"), exp(b)); out(paste0(key, ".se_log"), se)
  out(paste0(key, ".lower"), exp(b - q * se)); out(paste0(key, ".upper"), exp(b + q * se)); out(paste0(key, ".p"), p)
}
rr_case("odrr.dcf", 151, 0.75, 133, 1, 17.8, 5)
rr_case("odrr.hotline", 41, 0.75, 29, 1, 3.2, NA)
rr_case("odrr.unit", 20, 1, 10, 2, 1, NA)
