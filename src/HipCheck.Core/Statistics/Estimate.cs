namespace HipCheck.Core.Statistics;

/// <summary>
/// A point estimate with the lower and upper limits of its confidence interval.
/// </summary>
/// <remarks>
/// Undefined values are IEEE results, not exceptions: a ratio with a zero denominator is
/// <see cref="double.PositiveInfinity"/>, an interval limit computed as ∞ − ∞ is <see cref="double.NaN"/>,
/// exactly where R (epitools) prints <c>Inf</c> and <c>NaN</c>. Each producer documents its cases.
/// </remarks>
public readonly record struct Estimate(double Value, double Lower, double Upper);

/// <summary>The result of Pearson's chi-square test of independence.</summary>
/// <param name="Statistic">X², with Yates' continuity correction when it was asked for.</param>
/// <param name="DegreesOfFreedom">(rows − 1)(columns − 1); 1 for a 2×2 table.</param>
/// <param name="P">Upper tail probability of X² under χ²(df).</param>
public sealed record ChiSquareResult(double Statistic, int DegreesOfFreedom, double P);
