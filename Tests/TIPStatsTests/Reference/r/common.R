# Shared by the reference scripts in this directory (sourced, not run on its own).
# Output format: one line per value or vector, "key v1 v2 ...", numbers with 17 significant
# digits (Inf, -Inf, NA as such), text fields as they are (no spaces).
out <- function(key, value) {
  text <- if (is.character(value)) value else
    ifelse(is.na(value), "NA", ifelse(is.infinite(value), ifelse(value > 0, "Inf", "-Inf"), sprintf("%.17g", value)))
  cat(key, text, "\n")
}

# R's glm stops at a relative change in deviance of 1e-8, and summary.glm takes the covariance
# from the working weights of the iteration before the last, so R's standard errors are good to
# about sqrt(1e-8). The references are iterated to the fixed point instead: epsilon 1e-15 is
# never met once the deviance changes by rounding only, so glm.fit runs its 100 iterations (the
# last ones repeating the fixed point) and warns that it "did not converge"; exactly that
# warning is muffled, any other is kept.
tight <- glm.control(epsilon = 1e-15, maxit = 100)
fixed_point <- function(expr) withCallingHandlers(expr, warning = function(w)
  if (grepl("algorithm did not converge|null deviance did not converge", conditionMessage(w))) invokeRestart("muffleWarning"))

# A glm at its fixed point whose summary uses the working weights of the final fit: after the
# fit, one more IRLS step (maxit = 1) from its linear predictor. (At a deviance that repeats
# exactly, the iterate before the last can still be 1e-8 away, since the deviance is quadratic
# in the error; summary.glm's standard errors would carry that.)
glm_final <- function(formula, data, family, etastart = NULL) {
  data$.eta <- if (is.null(etastart)) log(model.response(model.frame(formula, data)) + 0.1) else etastart
  fit <- fixed_point(glm(formula, data = data, family = family, control = tight, etastart = .eta))
  data$.eta <- fit$linear.predictors
  final <- fixed_point(glm(formula, data = data, family = family, control = glm.control(maxit = 1), etastart = .eta))
  final$null.deviance <- fit$null.deviance # the one-step refit's null model had one step too
  final
}

# MASS::glm.nb to full convergence: glm.nb's theta.ml stops Newton's method at an absolute step
# of 1.2e-4, so alternate glm (theta fixed) and theta.ml (eps 1e-14) until theta repeats.
nb_full <- function(formula, data) {
  fit <- suppressWarnings(MASS::glm.nb(formula, data = data, control = tight)) # 'alternation limit reached' too
  th <- fit$theta
  for (i in 1:200) {
    fit <- glm_final(formula, data, MASS::negative.binomial(th), fit$linear.predictors)
    th2 <- MASS::theta.ml(fit$y, fitted(fit), limit = 100, eps = 1e-14)
    done <- abs(th2 - th) <= 1e-14 * th
    th <- th2
    if (done) break
  }
  fit <- glm_final(formula, data, MASS::negative.binomial(as.numeric(th)), fit$linear.predictors)
  se <- 1 / sqrt(sum(-trigamma(th + fit$y) + trigamma(th) - 1 / th + 2 / (fitted(fit) + th) -
                   (fit$y + th) / (fitted(fit) + th)^2))
  list(fit = fit, theta = as.numeric(th), se = se)
}

# The exact profile-likelihood limits of coefficient j: the b where
# sign(b - b_hat) sqrt((D_j(b) - D) / phi) = -+ qnorm((1 + level) / 2), by uniroot to 1e-15.
profile_limits <- function(fit, j, phi, level = 0.95) {
  X <- model.matrix(fit); y <- fit$y; n <- length(y)
  o <- if (is.null(fit$offset)) rep(0, n) else fit$offset
  fam <- family(fit); b0 <- coef(fit)[[j]]; D0 <- fit$deviance
  se <- sqrt(diag(vcov(fit, dispersion = phi)))[[j]]
  cutoff <- qnorm((1 + level) / 2)
  tau <- function(b) {
    oo <- o + X[, j] * b
    dev <- if (ncol(X) == 1) sum(fam$dev.resids(y, exp(oo), rep(1, n))) else
      fixed_point(glm.fit(X[, -j, drop = FALSE], y, offset = oo, family = fam, control = tight,
                          etastart = fit$linear.predictors))$deviance
    sign(b - b0) * sqrt(max(dev - D0, 0) / phi)
  }
  limit <- function(direction) {
    inner <- b0; step <- se
    for (k in 1:40) {
      outer <- b0 + direction * step
      if (direction * tau(outer) >= cutoff)
        return(uniroot(function(b) tau(b) - direction * cutoff, sort(c(inner, outer)), tol = 1e-15, maxiter = 1000)$root)
      inner <- outer; step <- 2 * step
    }
    direction * Inf
  }
  c(limit(-1), limit(1))
}
