# Random cases for the new statistics, with R's answers, read by RandomCaseTests.swift: the
# honest way to compare random inputs with R without R at test time.
# Run from this directory:  Rscript random-cases.R > random-cases.txt   (R 4.2.2, MASS 7.3-58.2)
# Seeded: the file reproduces exactly. Each case writes its inputs, then R's outputs.
suppressMessages(library(MASS))
source("common.R")
source("comparisons-functions.R")
set.seed(17)

# Count models: counts ~ x + g (3 levels, reference "a") with exposure.
n_glm <- 0
for (i in 1:40) {
  n <- sample(12:60, 1)
  x <- round(runif(n, -2, 2), 3)
  g <- factor(sample(c("a", "b", "c"), n, replace = TRUE), levels = c("a", "b", "c"))
  if (length(unique(g)) < 3) next
  e <- round(runif(n, 0.5, 2), 2)
  mu <- e * exp(1 + 0.3 * x + c(0, 0.4, -0.3)[as.integer(g)])
  family <- c("poisson", "quasipoisson", "negbin")[i %% 3 + 1]
  y <- if (family == "negbin") rnbinom(n, size = runif(1, 1, 5), mu = mu) else rpois(n, mu)
  d <- data.frame(y = y, x = x, g = g, e = e)
  res <- tryCatch({
    if (family == "negbin") { nb <- nb_full(y ~ x + g + offset(log(e)), d); fit <- nb$fit; phi <- 1; nb }
    else { fit <- glm_final(y ~ x + g + offset(log(e)), d, if (family == "poisson") poisson else quasipoisson)
           phi <- if (family == "poisson") 1 else sum(residuals(fit, "pearson")^2) / fit$df.residual; NULL }
  }, error = function(err) "failed", warning = function(w) "failed")
  if (identical(res, "failed")) next
  n_glm <- n_glm + 1; key <- paste0("glm.", n_glm)
  out(paste0(key, ".family"), family); out(paste0(key, ".y"), y); out(paste0(key, ".x"), x)
  out(paste0(key, ".g"), as.character(g)); out(paste0(key, ".e"), e)
  co <- coef(summary(fit, dispersion = phi))
  out(paste0(key, ".estimate"), co[, 1]); out(paste0(key, ".se"), co[, 2]); out(paste0(key, ".deviance"), fit$deviance)
  out(paste0(key, ".pearson"), sum(residuals(fit, "pearson")^2))
  if (family == "negbin") { out(paste0(key, ".theta"), res$theta); out(paste0(key, ".theta_se"), res$se) }
  limits <- sapply(seq_along(coef(fit)), function(j) profile_limits(fit, j, phi))
  out(paste0(key, ".profile_low"), limits[1, ]); out(paste0(key, ".profile_high"), limits[2, ])
}
out("glm.count", n_glm)

# Fisher 2 x 2 and r x c, chi-square r x c.
for (i in 1:30) {
  key <- paste0("fisher2.", i)
  x <- matrix(rpois(4, sample(c(2, 5, 15, 40), 1)), 2)
  if (any(rowSums(x) == 0) || any(colSums(x) == 0)) x <- x + 1
  out(paste0(key, ".table"), as.vector(t(x)))
  e <- fisher_exact(x); out(paste0(key, ".p"), fisher.test(x)$p.value)
  out(paste0(key, ".estimate"), e[1]); out(paste0(key, ".lower"), e[2]); out(paste0(key, ".upper"), e[3])
}
for (i in 1:20) {
  key <- paste0("rxc.", i)
  r <- sample(2:4, 1); c <- sample(2:4, 1)
  x <- matrix(rpois(r * c, sample(c(1, 3, 6), 1)), r)
  x[x == 0 & runif(length(x)) < 0.5] <- 1
  if (any(rowSums(x) == 0) || any(colSums(x) == 0)) x <- x + 1
  out(paste0(key, ".table"), as.vector(t(x))); out(paste0(key, ".dim"), dim(x))
  out(paste0(key, ".fisher_p"), fisher.test(x)$p.value)
  ch <- suppressWarnings(chisq.test(x)); out(paste0(key, ".chisq"), ch$statistic); out(paste0(key, ".chisq_p"), ch$p.value)
  out(paste0(key, ".stdres"), as.vector(t(ch$stdres)))
}

# Two proportions, p.adjust, simultaneous multinomial intervals.
for (i in 1:30) {
  key <- paste0("prop.", i)
  n1 <- sample(5:200, 1); n2 <- sample(5:200, 1); x1 <- rbinom(1, n1, runif(1)); x2 <- rbinom(1, n2, runif(1))
  out(paste0(key, ".data"), c(x1, n1, x2, n2))
  ci <- newcombe(x1, n1, x2, n2); out(paste0(key, ".ci"), ci)
  out(paste0(key, ".p"), if (x1 + x2 > 0 && x1 + x2 < n1 + n2) suppressWarnings(prop.test(c(x1, x2), c(n1, n2)))$p.value else NA)
}
for (i in 1:20) {
  key <- paste0("padjust.", i)
  p <- signif(runif(sample(2:25, 1))^3, 6)
  out(paste0(key, ".p"), p)
  for (m in c("bonferroni", "holm", "BH")) out(paste0(key, ".", m), p.adjust(p, m))
}
for (i in 1:20) {
  key <- paste0("multi.", i)
  x <- rpois(sample(3:8, 1), sample(c(3, 10, 40, 150), 1)); if (sum(x) < 5) x <- x + 2
  out(paste0(key, ".counts"), x)
  s <- sison_glaz(x); out(paste0(key, ".sg_lower"), s$lower); out(paste0(key, ".sg_upper"), s$upper)
  g <- goodman(x); out(paste0(key, ".goodman_lower"), g$lower); out(paste0(key, ".goodman_upper"), g$upper)
}
