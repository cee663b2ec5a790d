using HipCheck.Core.Statistics.Internal;

namespace HipCheck.Core.Statistics;

/// <summary>
/// One coefficient of a Firth model. <see cref="Estimate"/> and <see cref="StandardError"/> (square root of the
/// diagonal of the inverse Fisher information at the penalised estimate) are always given when the model was fitted;
/// the Wald interval and p are from them; the profile interval and the penalised likelihood-ratio test only when they
/// were asked for (otherwise NaN).
/// </summary>
/// <param name="Name">The predictor's name ("intercept" first).</param>
/// <param name="Estimate">The penalised maximum-likelihood estimate (log odds ratio per unit).</param>
/// <param name="StandardError">√[(Xᵀdiag((1 + hᵢ)wᵢ)X)⁻¹]ⱼⱼ at the estimate: the information of the data augmented by the
/// hᵢ/2 pseudo-observations, as logistf's <c>vcov</c> (slightly smaller than the plain √[(XᵀWX)⁻¹]ⱼⱼ that brglm2 reports).</param>
/// <param name="WaldLower">Estimate − z₁₋α/₂ × SE (logistf with <c>pl = FALSE</c>).</param>
/// <param name="WaldUpper">Estimate + z₁₋α/₂ × SE.</param>
/// <param name="WaldP">P(χ²₁ &gt; (Estimate / SE)²) (logistf with <c>pl = FALSE</c>).</param>
/// <param name="ProfileLower">Lower limit of the profile penalised-likelihood interval (logistf's default, <c>pl = TRUE</c>).</param>
/// <param name="ProfileUpper">Upper limit of that interval.</param>
/// <param name="LikelihoodRatioChiSquare">2 (l*(β̂) − l*(β̂ with this coefficient fixed at 0)).</param>
/// <param name="P">The penalised likelihood-ratio p-value, P(χ²₁ &gt; that statistic) (logistf's <c>prob</c> with <c>pl = TRUE</c>).</param>
public sealed record FirthTerm(
    string Name,
    double Estimate,
    double StandardError,
    double WaldLower,
    double WaldUpper,
    double WaldP,
    double ProfileLower,
    double ProfileUpper,
    double LikelihoodRatioChiSquare,
    double P);

/// <summary>
/// A fitted Firth model. <see cref="PenalisedLogLikelihood"/> = l(β̂) + ½ log det I(β̂);
/// <see cref="NullPenalisedLogLikelihood"/> is the same with every coefficient but the intercept fixed at 0 (the penalty
/// still uses the full design, as logistf's <c>loglik["null"]</c>); <see cref="LikelihoodRatioChiSquare"/> is twice
/// their difference on <see cref="DegreesOfFreedom"/> = number of predictors, and <see cref="LikelihoodRatioP"/> its
/// upper tail (logistf's "Likelihood ratio test").
/// </summary>
public sealed record FirthResult(
    IReadOnlyList<FirthTerm> Terms,
    bool Converged,
    int Iterations,
    double PenalisedLogLikelihood,
    double NullPenalisedLogLikelihood,
    double LikelihoodRatioChiSquare,
    int DegreesOfFreedom,
    double LikelihoodRatioP,
    int Events,
    int N)
{
    /// <summary>Events per predictor, min(events, non-events) / predictors (see <see cref="EventsPerVariable"/>).</summary>
    public double EventsPerPredictor => (double)Math.Min(Events, N - Events) / DegreesOfFreedom;
}

/// <summary>
/// Firth's penalised-likelihood logistic regression (Firth, Biometrika 1993;80:27-38; Heinze &amp; Schemper, Stat Med
/// 2002;21:2409-2419), as R's <c>logistf</c> 1.26 with its defaults (τ = ½): maximises
/// l*(β) = Σ [yᵢ log πᵢ + (1 − yᵢ) log(1 − πᵢ)] + ½ log det(XᵀWX), W = diag(πᵢ(1 − πᵢ)), whose gradient is Firth's
/// modified score U*(β) = Xᵀ(y − π + h ∘ (½ − π)), h the diagonal of W½X(XᵀWX)⁻¹XᵀW½. The estimate exists and is
/// finite even under complete or quasi-complete separation, where ordinary maximum likelihood diverges.
/// </summary>
/// <remarks>
/// Newton-Raphson on U* with logistf's step (the information of the data augmented by hᵢ/2 pseudo-observations each way,
/// Xᵀdiag((1 + hᵢ)πᵢ(1 − πᵢ))X), at most 5 per coefficient per step, with step halving whenever l* falls; iterated
/// until the largest change is below 1e-10 (logistf stops at 1e-5: the R fixtures are made with tightened controls). The reported covariance is logistf's: the inverse of that augmented information at the estimate.
/// The profile interval solves 2(l*(β̂) − max l* with βⱼ = b) = χ²₁,₁₋α for b on each side (bracketed by doubling,
/// then regula falsi, Illinois variant, to 1e-10 in b); the constrained fits use the same penalty on the full design,
/// as logistf's <c>logistpl</c>. Undefined results (one outcome class only, a singular design) are NaN.
/// Known limit: where the profile is extremely flat and the constrained fits reach a numerically singular information
/// matrix (e.g. a 40-athlete cohort completely separated by asymmetry, in CohortAnalysisTests), some limits can come
/// out narrower than logistf's (there, 3 of 10 limits; estimates, SEs, p-values and the other limits still agree to
/// 1e-9, and logistf itself reports non-convergence on that data). The committed fixtures agree everywhere.
/// </remarks>
public static class FirthLogisticRegression
{
    private const int MaxIterations = 200;
    private const double MaxStep = 5;
    private const double StepTolerance = 1e-10;
    private const int MaxHalvings = 40;

    /// <summary>
    /// Fits P(y = 1) = 1 / (1 + exp(−(b₀ + Σ bⱼ xⱼ))) by penalised likelihood. <paramref name="columns"/>[j][i] is
    /// predictor j of row i. With <paramref name="profile"/> true (logistf's <c>pl = TRUE</c>) every term also gets its
    /// profile penalised-likelihood interval and penalised likelihood-ratio p; that costs about 3 × (terms) × 10 more
    /// fits, so a caller with a very large cohort may leave it off and use the Wald columns.
    /// </summary>
    /// <exception cref="ArgumentException">Names and columns differ in number, a column's length differs from y's, a value is not finite, or the confidence is not in (0, 1).</exception>
    public static FirthResult Fit(
        IReadOnlyList<string> names, IReadOnlyList<double[]> columns, ReadOnlySpan<bool> y, bool profile = true, double confidence = 0.95)
    {
        SurvivalInput.ValidateColumns(names, columns, y.Length);
        TailProbabilities.RequireConfidence(confidence);
        var n = y.Length;
        var k = names.Count + 1;
        var termNames = names.Prepend("intercept").ToArray();
        var events = 0;
        foreach (var v in y)
        {
            events += v ? 1 : 0;
        }

        var model = new PenalisedModel(columns, y);
        var full = events == 0 || events == n || n <= k ? null : model.Maximise(new double[k], fixedIndex: -1);
        if (full is null || !double.IsFinite(full.LogLikelihood))
        {
            var undefined = termNames.Select(t => new FirthTerm(t, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN,
                double.NaN, double.NaN, double.NaN, double.NaN)).ToArray();
            return new FirthResult(undefined, false, 0, double.NaN, double.NaN, double.NaN, k - 1, double.NaN, events, n);
        }

        var z = TailProbabilities.NormalQuantile(1 - ((1 - confidence) / 2));
        var criticalHalf = z * z / 2; // χ²₁ quantile / 2, since χ²₁,₁₋α = z²₁₋α/₂
        var terms = new FirthTerm[k];
        var covariance = full.Covariance();
        for (var j = 0; j < k; j++)
        {
            var b = full.Beta[j];
            var se = Math.Sqrt(covariance[j * k + j]);
            var lower = double.NaN;
            var upper = double.NaN;
            var chi = double.NaN;
            if (profile)
            {
                var atZero = model.Maximise(WithFixed(full.Beta, j, 0), j);
                chi = Math.Max(0, 2 * (full.LogLikelihood - atZero.LogLikelihood));
                lower = ProfileLimit(model, full, j, se, -1, full.LogLikelihood - criticalHalf);
                upper = ProfileLimit(model, full, j, se, +1, full.LogLikelihood - criticalHalf);
            }

            terms[j] = new FirthTerm(termNames[j], b, se, b - z * se, b + z * se, TailProbabilities.ChiSquare1Upper(b * b / (se * se)),
                lower, upper, chi, TailProbabilities.ChiSquare1Upper(chi));
        }

        var nullStart = new double[k];
        nullStart[0] = full.Beta[0];
        var nullFit = k == 1 ? full : model.Maximise(nullStart, fixedIndex: -2);
        var modelChi = Math.Max(0, 2 * (full.LogLikelihood - nullFit.LogLikelihood));
        var df = k - 1;
        // Upper tail of χ²_df as the regularised upper incomplete gamma Q(df/2, x/2), accurate for small p.
        var modelP = df == 0 ? double.NaN : MathNet.Numerics.SpecialFunctions.GammaUpperRegularized(df / 2.0, modelChi / 2);
        return new FirthResult(terms, full.Converged, full.Iterations, full.LogLikelihood, nullFit.LogLikelihood, modelChi, df, modelP, events, n);
    }

    private static double[] WithFixed(double[] beta, int index, double value)
    {
        var start = (double[])beta.Clone();
        start[index] = value;
        return start;
    }

    /// <summary>
    /// The b on one side of β̂ⱼ where the profile penalised log-likelihood falls to <paramref name="target"/>; ±∞ when it
    /// does not within 2¹¹ standard errors (Firth's penalty tends to −∞ as |b| grows, so it rarely happens). Where the
    /// constrained fit meets a numerically singular information matrix, l* is taken as −∞ (log det → −∞) and the root is
    /// then found by bisection on that side.
    /// </summary>
    private static double ProfileLimit(PenalisedModel model, Fitted full, int j, double se, int side, double target)
    {
        var estimate = full.Beta[j];
        var scale = double.IsFinite(se) && se > 0 ? se : 1;
        var warm = full.Beta;
        double Gap(double b, ref double[] start)
        {
            var fit = model.Maximise(WithFixed(start, j, b), j);
            if (double.IsNaN(fit.LogLikelihood))
            {
                // XᵀWX numerically singular this far out: log det → −∞, so l* is far below any target.
                return double.NegativeInfinity;
            }

            start = fit.Beta;
            return fit.LogLikelihood - target;
        }

        // Bracket: g(estimate) = χ²/2 > 0; walk outward until g < 0.
        var inner = estimate;
        var gInner = full.LogLikelihood - target;
        var innerStart = warm;
        var step = 2 * scale;
        double outer;
        double gOuter;
        var outerStart = warm;
        while (true)
        {
            outer = estimate + (side * step);
            var start = innerStart;
            gOuter = Gap(outer, ref start);
            outerStart = start;
            if (gOuter < 0)
            {
                break;
            }

            if (double.IsNaN(gOuter) || step > 1024 * scale)
            {
                return side * double.PositiveInfinity;
            }

            (inner, gInner, innerStart) = (outer, gOuter, start);
            step *= 2;
        }

        // Regula falsi, Illinois variant: keeps the bracket, converges superlinearly on this smooth, near-quadratic curve.
        var lastSide = 0;
        for (var i = 0; i < 200 && Math.Abs(outer - inner) > StepTolerance * (1 + Math.Abs(inner)); i++)
        {
            var b = outer - (gOuter * (outer - inner) / (gOuter - gInner));
            if (!(b > Math.Min(inner, outer) && b < Math.Max(inner, outer)))
            {
                b = 0.5 * (inner + outer);
            }

            var start = Math.Abs(b - inner) < Math.Abs(b - outer) ? innerStart : outerStart;
            var g = Gap(b, ref start);
            if (g == 0)
            {
                return b;
            }

            if (g > 0)
            {
                (inner, gInner, innerStart) = (b, g, start);
                if (lastSide == 1)
                {
                    gOuter /= 2;
                }

                lastSide = 1;
            }
            else
            {
                (outer, gOuter, outerStart) = (b, g, start);
                if (lastSide == -1)
                {
                    gInner /= 2;
                }

                lastSide = -1;
            }
        }

        var last = outer - (gOuter * (outer - inner) / (gOuter - gInner));
        return double.IsFinite(last) ? last : 0.5 * (inner + outer);
    }

    private sealed record Fitted(double[] Beta, double LogLikelihood, double[] Augmented, bool Converged, int Iterations)
    {
        /// <summary>(Xᵀdiag((1 + h)w)X)⁻¹ at the estimate: the covariance logistf reports (its C code returns this matrix).</summary>
        public double[] Covariance()
        {
            var k = Beta.Length;
            var factor = (double[])Augmented.Clone();
            var singular = new bool[k];
            SmallCholesky.Factor(factor, k, 1e-14, singular);
            var inverse = new double[k * k];
            SmallCholesky.Invert(factor, k, singular, inverse);
            return inverse;
        }
    }

    /// <summary>The design (intercept + predictors as given), the outcome, and l*, U* and the information at a β.</summary>
    private sealed class PenalisedModel(IReadOnlyList<double[]> columns, ReadOnlySpan<bool> y)
    {
        private readonly double[][] _x = [.. columns.Prepend(Enumerable.Repeat(1.0, y.Length).ToArray())];
        private readonly bool[] _y = y.ToArray();

        private int K => _x.Length;

        private sealed record Evaluation(double LogLikelihood, double[] Score, double[] Augmented);

        /// <summary>
        /// l*, U* and the step matrix Xᵀdiag((1 + h)w)X at β; null when XᵀWX is numerically singular
        /// (log det below −200, where logistf stops too).
        /// </summary>
        private Evaluation? Evaluate(double[] beta)
        {
            var k = K;
            var n = _y.Length;
            var eta = new double[n];
            for (var j = 0; j < k; j++)
            {
                VectorSums.AddScaled(_x[j], beta[j], eta);
            }

            var pi = new double[n];
            var w = new double[n];
            var logLik = 0.0;
            for (var i = 0; i < n; i++)
            {
                var e = eta[i];
                // log π = −log(1 + e^−η), log(1 − π) = −log(1 + e^η), each in the form that cannot overflow.
                var softPlusNeg = e > 0 ? Math.Log(1 + Math.Exp(-e)) : -e + Math.Log(1 + Math.Exp(e));
                logLik -= _y[i] ? softPlusNeg : softPlusNeg + e;
                var p = 1 / (1 + Math.Exp(-e));
                pi[i] = p;
                w[i] = p * (1 - p);
            }

            var information = Cross(w);
            var factor = (double[])information.Clone();
            var singular = new bool[k];
            if (SmallCholesky.Factor(factor, k, 1e-14, singular) < k)
            {
                return null;
            }

            var logDet = 0.0;
            for (var j = 0; j < k; j++)
            {
                logDet += Math.Log(factor[j * k + j]);
            }

            if (logDet < -200)
            {
                return null;
            }

            var covariance = new double[k * k];
            SmallCholesky.Invert(factor, k, singular, covariance);

            // h = w ∘ diag(X C Xᵀ), then U* = Xᵀ(y − π + h(½ − π)) and the augmented weights (1 + h) w.
            var residual = new double[n];
            var augmented = new double[n];
            var row = new double[k];
            for (var i = 0; i < n; i++)
            {
                for (var a = 0; a < k; a++)
                {
                    row[a] = _x[a][i];
                }

                var quadratic = 0.0;
                for (var a = 0; a < k; a++)
                {
                    var s = 0.0;
                    for (var b = 0; b < k; b++)
                    {
                        s += covariance[a * k + b] * row[b];
                    }

                    quadratic += row[a] * s;
                }

                var h = w[i] * quadratic;
                residual[i] = (_y[i] ? 1 : 0) - pi[i] + (h * (0.5 - pi[i]));
                augmented[i] = (1 + h) * w[i];
            }

            var score = new double[k];
            for (var j = 0; j < k; j++)
            {
                score[j] = VectorSums.Dot(_x[j], residual);
            }

            return new Evaluation(logLik + (0.5 * logDet), score, Cross(augmented));
        }

        /// <summary>Xᵀ diag(weights) X, row-major k × k.</summary>
        private double[] Cross(double[] weights)
        {
            var k = K;
            var result = new double[k * k];
            var scratch = new double[weights.Length];
            for (var a = 0; a < k; a++)
            {
                VectorSums.Multiply(_x[a], weights, scratch);
                for (var b = 0; b <= a; b++)
                {
                    var s = VectorSums.Dot(scratch, _x[b]);
                    result[a * k + b] = s;
                    result[b * k + a] = s;
                }
            }

            return result;
        }

        /// <summary>
        /// Maximises l* from <paramref name="start"/>. <paramref name="fixedIndex"/> −1: every coefficient free;
        /// j ≥ 0: coefficient j held at its start value; −2: only the intercept free (the others held).
        /// </summary>
        public Fitted Maximise(double[] start, int fixedIndex)
        {
            var k = K;
            var free = Enumerable.Range(0, k).Where(j => fixedIndex == -1 ? true : fixedIndex == -2 ? j == 0 : j != fixedIndex).ToArray();
            var beta = (double[])start.Clone();
            var current = Evaluate(beta);
            if (current is null)
            {
                return new Fitted(beta, double.NaN, new double[k * k], false, 0);
            }

            var m = free.Length;
            for (var iteration = 1; iteration <= MaxIterations; iteration++)
            {
                // Newton step on the free coordinates: solve A_ff δ = U*_f.
                var a = new double[m * m];
                var delta = new double[m];
                for (var u = 0; u < m; u++)
                {
                    delta[u] = current.Score[free[u]];
                    for (var v = 0; v < m; v++)
                    {
                        a[u * m + v] = current.Augmented[free[u] * k + free[v]];
                    }
                }

                var singular = new bool[m];
                SmallCholesky.Factor(a, m, 1e-14, singular);
                SmallCholesky.Solve(a, m, singular, delta);
                var largest = delta.Select(Math.Abs).DefaultIfEmpty(0).Max();
                if (largest > MaxStep)
                {
                    for (var u = 0; u < m; u++)
                    {
                        delta[u] *= MaxStep / largest;
                    }

                    largest = MaxStep;
                }

                Evaluation? next = null;
                double[] candidate = beta;
                for (var halving = 0; halving <= MaxHalvings; halving++)
                {
                    candidate = (double[])beta.Clone();
                    for (var u = 0; u < m; u++)
                    {
                        candidate[free[u]] += delta[u];
                    }

                    next = Evaluate(candidate);
                    if (next is not null && next.LogLikelihood >= current.LogLikelihood - 1e-12 * Math.Abs(current.LogLikelihood))
                    {
                        break;
                    }

                    for (var u = 0; u < m; u++)
                    {
                        delta[u] /= 2;
                    }

                    largest /= 2;
                }

                if (next is null)
                {
                    return new Fitted(beta, current.LogLikelihood, current.Augmented, false, iteration);
                }

                beta = candidate;
                current = next;
                if (largest < StepTolerance)
                {
                    return new Fitted(beta, current.LogLikelihood, current.Augmented, true, iteration);
                }
            }

            return new Fitted(beta, current.LogLikelihood, current.Augmented, false, MaxIterations);
        }
    }
}
