namespace HipCheck.Core.Statistics;

/// <summary>
/// One coefficient of a fitted regression model with its Wald test: <see cref="Z"/> = <see cref="Estimate"/> /
/// <see cref="StandardError"/> and <see cref="P"/> = P(|N(0,1)| ≥ |z|), two-sided. All four are NaN when the term
/// could not be estimated (a constant or collinear column, an outcome of one class) and Z and P are NaN when the
/// estimate is a divergence artefact (separation in logistic regression, monotone likelihood in Cox regression).
/// </summary>
/// <param name="Name">The predictor's name as given (logistic regression adds "intercept" first).</param>
/// <param name="Estimate">The coefficient: log odds ratio (logistic) or log hazard ratio (Cox) per unit.</param>
/// <param name="StandardError">Square root of the diagonal of the inverse Fisher information.</param>
/// <param name="Z">The Wald statistic.</param>
/// <param name="P">The two-sided normal p-value of the Wald statistic.</param>
public sealed record RegressionTerm(string Name, double Estimate, double StandardError, double Z, double P);
