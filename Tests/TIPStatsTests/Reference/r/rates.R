# Reference values for the rates (PopulationRate, AgeStandardisedRate).
# Run from this directory:  Rscript rates.R > rates.txt   (R 4.2.2)
source("common.R")

# Rate per 100,000: poisson.test(count, population)$conf.int * 1e5.
rate_case <- function(key, x, pop, level = 0.95) {
  out(paste0(key, ".data"), c(x, pop, level))
  out(paste0(key, ".rate"), x / pop * 1e5); out(paste0(key, ".ci"), poisson.test(x, pop, conf.level = level)$conf.int * 1e5)
}
rate_case("rate.hotline", 41, 3574097); rate_case("rate.zero", 0, 250000); rate_case("rate.small90", 3, 81000, 0.90)

# epitools::ageadjust.direct (Fay and Feuer 1997), written out (epitools is not in Debian).
ageadjust_direct <- function(count, pop, stdpop, conf.level = 0.95) {
  rate <- count / pop; alpha <- 1 - conf.level
  cruderate <- sum(count) / sum(pop)
  stdwt <- stdpop / sum(stdpop)
  dsr <- sum(stdwt * rate)
  dsr.var <- sum((stdwt^2) * (count / pop^2))
  wm <- max(stdwt / pop)
  gamma.lci <- qgamma(alpha / 2, shape = (dsr^2) / dsr.var, scale = dsr.var / dsr)
  gamma.uci <- qgamma(1 - alpha / 2, shape = ((dsr + wm)^2) / (dsr.var + wm^2), scale = (dsr.var + wm^2) / (dsr + wm))
  c(crude.rate = cruderate, adj.rate = dsr, lci = gamma.lci, uci = gamma.uci, var = dsr.var)
}
adjust_case <- function(key, count, pop, stdpop, level = 0.95) {
  out(paste0(key, ".count"), count); out(paste0(key, ".pop"), pop); out(paste0(key, ".std"), stdpop); out(paste0(key, ".level"), level)
  a <- ageadjust_direct(count, pop, stdpop, level) * c(1e5, 1e5, 1e5, 1e5, 1e10)
  out(paste0(key, ".crude"), a[[1]]); out(paste0(key, ".rate"), a[[2]]); out(paste0(key, ".lower"), a[[3]]); out(paste0(key, ".upper"), a[[4]])
  out(paste0(key, ".variance"), a[[5]])
}
# Illustrative deaths and populations in 11 age groups, weighted by the US 2000 standard
# population (per million: <1, 1-4, 5-14, ..., 75-84, 85+; NCHS).
adjust_case("adjust.epitools", c(141, 926, 1253, 1080, 1869, 4891, 14956, 30888, 41725, 26501, 5928),
            c(906897, 3794573, 10003544, 10629526, 9465330, 8249558, 7294330, 5022499, 2920220, 1019504, 142532),
            c(13818, 55317, 145565, 138646, 135573, 162613, 134834, 87247, 66037, 44842, 15508))
adjust_case("adjust.sparse", c(0, 2, 1, 0, 4), c(12000, 15000, 9000, 7000, 4000), c(0.2, 0.25, 0.25, 0.2, 0.1), 0.90)
# One stratum: the Fay-Feuer interval is then exactly the Garwood interval of poisson.test(7, 50000).
adjust_case("adjust.single", 7, 50000, 1)
