using HipCheck.Core.Statistics.Internal;

namespace HipCheck.Core.Statistics;

/// <summary>
/// A fitted logistic regression. <see cref="Deviance"/> = −2 log L; <see cref="NullDeviance"/> is that of the
/// intercept-only model; <see cref="Aic"/> = deviance + 2 × (number of estimated coefficients), as R's glm for a 0/1
/// outcome.
/// </summary>
/// <remarks>
/// When <see cref="Separation"/> is true the maximum-likelihood estimate does not exist (some coefficient is ±∞):
/// <see cref="Converged"/> is then false, each <see cref="RegressionTerm.Estimate"/> is where IRLS stopped (its sign
/// shows the separating direction, its size is arbitrary), and Z and P are NaN because Wald inference is meaningless
/// there (Hauck &amp; Donner, JASA 1977). Consider Firth's penalised likelihood (van Smeden et al. 2016) or exact
/// methods instead. When the outcome has one class only (no events, or all events) nothing is estimated: every term
/// is NaN, Converged is false and Iterations is 0.
/// </remarks>
public sealed record LogisticResult(
    IReadOnlyList<RegressionTerm> Terms,
    bool Converged,
    int Iterations,
    bool Separation,
    double Deviance,
    double NullDeviance,
    double Aic,
    int Events,
    int N)
{
    /// <summary>
    /// Events per predictor: min(events, non-events) / number of non-intercept terms. Below about 10 the coefficients
    /// are biased and their CIs unreliable (Peduzzi et al., J Clin Epidemiol 1996;49:1373-1379). +∞ for an
    /// intercept-only model with both outcomes present; NaN for one without.
    /// </summary>
    public double EventsPerPredictor => (double)Math.Min(Events, N - Events) / (Terms.Count - 1);
}

/// <summary>
/// Logistic regression by iteratively reweighted least squares, step for step as R's
/// <c>glm(family = binomial)</c> (glm.fit, R 4.2): start at μ = (y + ½)/2, weights μ′(η)²/V(μ) and working response
/// η + (y − μ)/μ′(η) with binomial()'s clamping of η beyond ±30, converged when
/// |dev − dev_old| / (|dev| + 0.1) &lt; 1e-8, at most 25 iterations. Standard errors are the square roots of the diagonal
/// of (XᵀWX)⁻¹ with the weights of the last iteration, as summary.glm. The predictors are centred internally (an exact
/// reparameterisation of a model with intercept) so the normal equations stay well conditioned.
/// </summary>
public static class LogisticRegression
{
    private const double Epsilon = 1e-8;
    private const int MaxIterations = 25;
    private const double Threshold = 30; // binomial()$linkinv: THRESH / MTHRESH
    private const double SeparationMargin = 1e-10;
    private const double DblEpsilon = 2.220446049250313e-16; // C's DBL_EPSILON, as R's family.c uses

    // A column whose squared residual norm, after projection on the earlier columns (and the intercept), is below
    // this fraction of its own squared norm is collinear and not estimated (R's glm pivots such columns out: NA).
    private const double CollinearityTolerance = 1e-11;

    /// <summary>Fits P(y = 1) = 1 / (1 + exp(−(b₀ + Σ bⱼ xⱼ))). <paramref name="columns"/>[j][i] is predictor j of row i.</summary>
    /// <exception cref="ArgumentException">Names and columns differ in number, a column's length differs from y's, or a value is not finite.</exception>
    public static LogisticResult Fit(IReadOnlyList<string> names, IReadOnlyList<double[]> columns, ReadOnlySpan<bool> y)
    {
        SurvivalInput.ValidateColumns(names, columns, y.Length);
        var n = y.Length;
        var predictors = names.Count;
        var p = predictors + 1;

        var events = 0;
        foreach (var v in y)
        {
            if (v)
            {
                events++;
            }
        }

        var termNames = new string[p];
        termNames[0] = "intercept";
        for (var j = 0; j < predictors; j++)
        {
            termNames[j + 1] = names[j];
        }

        if (events == 0 || events == n)
        {
            var undefined = termNames.Select(WaldTest.Undefined).ToArray();
            return new LogisticResult(undefined, false, 0, false, 0, 0, double.NaN, events, n);
        }

        var ybar = (double)events / n;
        var nullDeviance = -2 * (events * Math.Log(ybar) + (n - events) * Math.Log(1 - ybar));

        // Centre the predictors and decide once which are estimable (the same set R's first QR keeps, since the first
        // IRLS weights are all equal).
        var means = new double[predictors];
        for (var j = 0; j < predictors; j++)
        {
            means[j] = Mean(columns[j]);
        }

        var used = EstimableColumns(columns, means);
        var k = used.Length + 1; // fitted coefficients, intercept first
        var model = new Model(columns, means, used, y);

        var a = new double[k * k];
        var r = new double[k];
        var beta = new double[k];
        var solveMatrix = new double[k * k];
        var singular = new bool[k];

        var pass = model.Pass(null, a, r);
        var devOld = pass.Deviance;
        var converged = false;
        var iterations = 0;
        for (var iter = 1; iter <= MaxIterations; iter++)
        {
            iterations = iter;
            Array.Copy(a, solveMatrix, a.Length);
            SmallCholesky.Factor(solveMatrix, k, 1e-14, singular);
            r.CopyTo(beta, 0);
            SmallCholesky.Solve(solveMatrix, k, singular, beta);

            pass = model.Pass(beta, a, r);
            if (Math.Abs(pass.Deviance - devOld) / (Math.Abs(pass.Deviance) + 0.1) < Epsilon)
            {
                converged = true;
                break;
            }

            devOld = pass.Deviance;
        }

        // solveMatrix holds the factor of XᵀWX with the weights that produced beta: summary.glm's covariance.
        var inverse = new double[k * k];
        SmallCholesky.Invert(solveMatrix, k, singular, inverse);

        var separation = pass.Extreme;
        var terms = new RegressionTerm[p];
        // Back from centred to original predictors: b₀ = b̃₀ − Σ b̃ⱼ x̄ⱼ; Var(b₀) = c₀₀ − 2 Σ x̄ⱼ c₀ⱼ + Σ x̄ᵢ x̄ⱼ cᵢⱼ.
        var intercept = beta[0];
        var interceptVariance = inverse[0];
        for (var u = 1; u < k; u++)
        {
            var mu = means[used[u - 1]];
            intercept -= beta[u] * mu;
            interceptVariance -= 2 * mu * inverse[u];
            for (var v = 1; v < k; v++)
            {
                interceptVariance += mu * means[used[v - 1]] * inverse[u * k + v];
            }
        }

        terms[0] = Term(termNames[0], intercept, interceptVariance, singular[0], separation);
        for (var j = 0; j < predictors; j++)
        {
            var u = Array.IndexOf(used, j) + 1;
            terms[j + 1] = u == 0
                ? WaldTest.Undefined(termNames[j + 1])
                : Term(termNames[j + 1], beta[u], inverse[u * k + u], singular[u], separation);
        }

        var rank = k - singular.Count(s => s);
        return new LogisticResult(
            terms,
            converged && !separation,
            iterations,
            separation,
            pass.Deviance,
            nullDeviance,
            pass.Deviance + 2 * rank,
            events,
            n);
    }

    private static RegressionTerm Term(string name, double estimate, double variance, bool singular, bool separation)
    {
        if (singular)
        {
            return WaldTest.Undefined(name);
        }

        var term = WaldTest.Term(name, estimate, Math.Sqrt(variance));
        return separation ? term with { Z = double.NaN, P = double.NaN } : term;
    }

    private static double Mean(double[] column)
    {
        var sum = 0.0;
        foreach (var v in column)
        {
            sum += v;
        }

        return column.Length == 0 ? 0 : sum / column.Length;
    }

    /// <summary>Indices of the predictors kept: not constant and not collinear with the intercept and earlier kept ones.</summary>
    private static int[] EstimableColumns(IReadOnlyList<double[]> columns, double[] means)
    {
        var candidates = Enumerable.Range(0, columns.Count).Where(j => !SurvivalInput.IsConstant(columns[j])).ToArray();
        var m = candidates.Length;
        if (m == 0)
        {
            return candidates;
        }

        var cross = new double[m * m];
        var n = columns[0].Length;
        for (var u = 0; u < m; u++)
        {
            var xu = columns[candidates[u]];
            var mu = means[candidates[u]];
            for (var v = 0; v <= u; v++)
            {
                var xv = columns[candidates[v]];
                var mv = means[candidates[v]];
                var s = 0.0;
                for (var i = 0; i < n; i++)
                {
                    s += (xu[i] - mu) * (xv[i] - mv);
                }

                cross[u * m + v] = s;
                cross[v * m + u] = s;
            }
        }

        var singular = new bool[m];
        SmallCholesky.Factor(cross, m, CollinearityTolerance, singular);
        return candidates.Where((_, u) => !singular[u]).ToArray();
    }

    private readonly record struct PassResult(double Deviance, bool Extreme);

    /// <summary>The design (intercept + centred kept predictors) and one IRLS pass over it, in blocks of rows.</summary>
    private sealed class Model(IReadOnlyList<double[]> columns, double[] means, int[] used, ReadOnlySpan<bool> y)
    {
        private const int Block = 2048;
        private readonly double[][] _x = used.Select(j => columns[j]).ToArray();
        private readonly double[] _means = used.Select(j => means[j]).ToArray();
        private readonly bool[] _y = y.ToArray();
        private readonly double[][] _centred = used.Select(_ => new double[Block]).ToArray();
        private readonly double[][] _weighted = used.Select(_ => new double[Block]).ToArray();
        private readonly double[] _eta = new double[Block];
        private readonly double[] _w = new double[Block];
        private readonly double[] _z = new double[Block];

        /// <summary>
        /// At η = X β (or at glm's starting μ when <paramref name="beta"/> is null) computes the deviance, whether any
        /// fitted probability is within 1e-10 of 0 or 1, and XᵀWX, XᵀWz for the next IRLS step.
        /// </summary>
        public PassResult Pass(double[]? beta, double[] a, double[] r)
        {
            var k = _x.Length + 1;
            Array.Clear(a);
            Array.Clear(r);
            var deviance = 0.0;
            var extreme = false;
            var n = _y.Length;
            var startEta = Math.Log(3); // logit(0.75): glm's mustart (y + 0.5) / 2
            for (var start = 0; start < n; start += Block)
            {
                var length = Math.Min(Block, n - start);
                var eta = _eta.AsSpan(0, length);
                var w = _w.AsSpan(0, length);
                var z = _z.AsSpan(0, length);
                eta.Fill(beta is null ? 0 : beta[0]);
                for (var u = 1; u < k; u++)
                {
                    var centred = _centred[u - 1].AsSpan(0, length);
                    VectorSums.Subtract(_x[u - 1].AsSpan(start, length), _means[u - 1], centred);
                    if (beta is not null)
                    {
                        VectorSums.AddScaled(centred, beta[u], eta);
                    }
                }

                for (var i = 0; i < length; i++)
                {
                    var yi = _y[start + i];
                    double mu;
                    double muEta;
                    var e0 = eta[i];
                    if (beta is null)
                    {
                        e0 = yi ? startEta : -startEta;
                        mu = yi ? 0.75 : 0.25;
                        muEta = 0.1875;
                    }
                    else if (e0 < -Threshold || e0 > Threshold)
                    {
                        // binomial()$linkinv and $mu.eta (R's family.c), clamped beyond |η| > 30.
                        var e = e0 < 0 ? DblEpsilon : 1 / DblEpsilon;
                        mu = e / (1 + e);
                        muEta = DblEpsilon;
                    }
                    else
                    {
                        var e = Math.Exp(e0);
                        var opexp = 1 + e;
                        mu = e / opexp;
                        muEta = e / (opexp * opexp);
                    }

                    deviance += yi ? -2 * Math.Log(mu) : -2 * Math.Log(1 - mu);
                    extreme |= mu < SeparationMargin || mu > 1 - SeparationMargin;
                    w[i] = muEta * muEta / (mu * (1 - mu));
                    z[i] = e0 + ((yi ? 1.0 : 0.0) - mu) / muEta;
                }

                a[0] += VectorSums.Sum(w);
                r[0] += VectorSums.Dot(w, z);
                for (var u = 1; u < k; u++)
                {
                    var weighted = _weighted[u - 1].AsSpan(0, length);
                    VectorSums.Multiply(w, _centred[u - 1].AsSpan(0, length), weighted);
                    r[u] += VectorSums.Dot(weighted, z);
                    a[u * k] += VectorSums.Sum(weighted);
                    for (var v = 1; v <= u; v++)
                    {
                        a[u * k + v] += VectorSums.Dot(weighted, _centred[v - 1].AsSpan(0, length));
                    }
                }
            }

            for (var u = 0; u < k; u++)
            {
                for (var v = 0; v < u; v++)
                {
                    a[v * k + u] = a[u * k + v];
                }
            }

            return new PassResult(deviance, extreme);
        }
    }
}
