# Reference values for the comparisons (FisherExactTest, ChiSquareIndependenceTest,
# TwoProportionComparison, PValueAdjustment, SimultaneousMultinomialIntervals).
# Run from this directory:  Rscript comparisons.R > comparisons.txt   (R 4.2.2)
source("common.R")
source("comparisons-functions.R")

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
