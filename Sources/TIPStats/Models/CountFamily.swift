/// The error distribution of a log-linear count model, log E(y_i) = x_i'b + log(exposure_i).
///
/// - `poisson`: Var(y) = mu. Right when events occur independently at a rate that the
///   predictors explain; standard errors from the Fisher information, z tests.
/// - `quasiPoisson`: Var(y) = phi mu, phi estimated by Pearson's X^2 / (n - p). The same
///   estimates as Poisson, standard errors times sqrt(phi), t tests on n - p degrees of freedom
///   (R's `quasipoisson`). No likelihood, so no AIC.
/// - `negativeBinomial`: Var(y) = mu + mu^2 / theta, theta estimated by maximum likelihood
///   (R's `MASS::glm.nb`). Extra variation that grows with the square of the mean, as when each
///   unit's rate itself varies (a gamma-mixed Poisson).
///
/// ```swift
/// let family = CountFamily(rawValue: "negbin") // .negativeBinomial
/// ```
public enum CountFamily: String, Sendable, Hashable, Codable, CaseIterable {
    case poisson
    case quasiPoisson = "quasipoisson"
    case negativeBinomial = "negbin"
}
