using HipCheck.Core.Statistics.Internal;

namespace HipCheck.Core.Statistics;

/// <summary>
/// A fitted Cox proportional hazards model. Each term's Estimate is a log hazard ratio per unit of its predictor.
/// <see cref="LogLikelihood"/> is the log partial likelihood (Efron) at the estimate and
/// <see cref="NullLogLikelihood"/> at β = 0 (coxph's loglik[2] and loglik[1]).
/// </summary>
/// <remarks>
/// Converged is false when Newton-Raphson ran out of iterations, and also when the likelihood is monotone (a
/// coefficient tends to ±∞, e.g. a group with no events), which coxph only warns about; the Z and P of such a term are
/// NaN and its Estimate is merely where the iteration stopped. With no events nothing is estimated: every term is NaN.
/// </remarks>
public sealed record CoxResult(
    IReadOnlyList<RegressionTerm> Terms,
    double LogLikelihood,
    double NullLogLikelihood,
    bool Converged,
    int Iterations,
    int Events,
    int N);

/// <summary>
/// Cox proportional hazards regression (Cox, JRSS B 1972) by Newton-Raphson on the log partial likelihood with
/// Efron's approximation for tied event times (Efron, JASA 1977), step for step as R's <c>coxph</c> default
/// (survival 3.5, coxfit6.c): start at β = 0, predictors centred and scaled by their mean absolute deviation, step
/// halving when the log-likelihood falls, converged when |1 − ℓ_old/ℓ_new| ≤ 1e-9, at most 20 iterations.
/// Standard errors from the inverse information at the estimate; Wald z, two-sided normal p. After convergence a term
/// whose remaining Newton step |(I⁻¹U)ⱼ| exceeds both 1e-9 and √1e-9 × |βⱼ| is declared infinite (coxph's warning
/// "coefficient may be infinite"); that term's Z and P are NaN and the fit is reported as not converged.
/// </summary>
public static class CoxRegression
{
    private const double Epsilon = 1e-9;
    private const int MaxIterations = 20;
    private static readonly double CholeskyTolerance = Math.Pow(2.220446049250313e-16, 0.75); // coxph toler.chol
    private static readonly double InfiniteTolerance = Math.Sqrt(Epsilon); // coxph toler.inf

    /// <summary>Fits the hazard h(t | x) = h₀(t) exp(Σ βⱼ xⱼ). <paramref name="columns"/>[j][i] is predictor j of row i.</summary>
    /// <exception cref="ArgumentException">
    /// Names and columns differ in number, a length differs, a predictor is not finite, or a time is NaN, infinite or negative.
    /// </exception>
    public static CoxResult Fit(
        IReadOnlyList<string> names, IReadOnlyList<double[]> columns, ReadOnlySpan<double> times, ReadOnlySpan<bool> events)
    {
        SurvivalInput.Validate(times, events.Length, nameof(events));
        SurvivalInput.ValidateColumns(names, columns, times.Length);
        var n = times.Length;
        var eventCount = 0;
        foreach (var e in events)
        {
            if (e)
            {
                eventCount++;
            }
        }

        if (eventCount == 0)
        {
            return new CoxResult(names.Select(WaldTest.Undefined).ToArray(), 0, 0, false, 0, 0, n);
        }

        var used = Enumerable.Range(0, names.Count).Where(j => !SurvivalInput.IsConstant(columns[j])).ToArray();
        var data = new RiskSets(columns, used, times, events);
        var p = used.Length;

        var beta = new double[p];
        var newBeta = new double[p];
        var u = new double[p];
        var imat = new double[p * p];
        var singular = new bool[p];

        var nullLogLik = data.Pass(beta, u, imat);
        var bestLogLik = nullLogLik;
        SmallCholesky.Factor(imat, p, CholeskyTolerance, singular);
        u.CopyTo(newBeta, 0);
        SmallCholesky.Solve(imat, p, singular, newBeta);

        var converged = false;
        var iterations = 0;
        var halving = 0;
        var logLik = nullLogLik;
        if (p > 0)
        {
            for (var iter = 1; iter <= MaxIterations; iter++)
            {
                iterations = iter;
                var newLogLik = data.Pass(newBeta, u, imat);
                SmallCholesky.Factor(imat, p, CholeskyTolerance, singular);
                var finite = double.IsFinite(newLogLik) && u.All(double.IsFinite) && imat.All(double.IsFinite);
                if (finite && Math.Abs(1 - bestLogLik / newLogLik) <= Epsilon)
                {
                    converged = true;
                    logLik = newLogLik;
                    newBeta.CopyTo(beta, 0);
                    break;
                }

                if (!finite || newLogLik < bestLogLik)
                {
                    halving++;
                    for (var j = 0; j < p; j++)
                    {
                        newBeta[j] = (newBeta[j] + halving * beta[j]) / (halving + 1.0);
                    }
                }
                else
                {
                    halving = 0;
                    bestLogLik = newLogLik;
                    SmallCholesky.Solve(imat, p, singular, u);
                    for (var j = 0; j < p; j++)
                    {
                        beta[j] = newBeta[j];
                        newBeta[j] += u[j];
                    }
                }
            }

            if (!converged)
            {
                // Out of iterations: report the last good β with its information, as coxfit6.
                logLik = data.Pass(beta, u, imat);
                SmallCholesky.Factor(imat, p, CholeskyTolerance, singular);
            }
        }
        else
        {
            converged = true;
        }

        var variance = new double[p * p];
        SmallCholesky.Invert(imat, p, singular, variance);

        // Remaining Newton step I⁻¹U at the estimate (scaled space): large only where the likelihood is monotone.
        // Checked after running out of iterations too (coxph only checks after convergence), so a diverging term
        // never carries a p-value.
        var step = (double[])u.Clone();
        SmallCholesky.Solve(imat, p, singular, step);

        var terms = new RegressionTerm[names.Count];
        var anyInfinite = false;
        for (var j = 0; j < names.Count; j++)
        {
            var c = Array.IndexOf(used, j);
            if (c < 0 || singular[c])
            {
                terms[j] = WaldTest.Undefined(names[j]);
                continue;
            }

            var scale = data.Scale[c];
            var estimate = beta[c] * scale;
            var term = WaldTest.Term(names[j], estimate, Math.Sqrt(variance[c * p + c]) * scale);
            var remaining = Math.Abs(step[c] * scale);
            if (remaining > Epsilon && remaining > InfiniteTolerance * Math.Abs(estimate))
            {
                anyInfinite = true;
                term = term with { Z = double.NaN, P = double.NaN };
            }

            terms[j] = term;
        }

        return new CoxResult(terms, logLik, nullLogLik, converged && !anyInfinite, iterations, eventCount, n);
    }

    /// <summary>
    /// The data sorted once by time, predictors centred and scaled, row-major; <see cref="Pass"/> walks the risk sets
    /// from the latest time back with running sums, so each Newton step costs O(n p²).
    /// </summary>
    private sealed class RiskSets
    {
        private readonly double[] _x;
        private readonly double[] _time;
        private readonly bool[] _event;
        private readonly int _p;

        public double[] Scale { get; }

        public RiskSets(IReadOnlyList<double[]> columns, int[] used, ReadOnlySpan<double> times, ReadOnlySpan<bool> events)
        {
            var n = times.Length;
            _p = used.Length;
            _time = times.ToArray();
            var order = new int[n];
            for (var i = 0; i < n; i++)
            {
                order[i] = i;
            }

            Array.Sort(_time, order);
            _event = new bool[n];
            for (var r = 0; r < n; r++)
            {
                _event[r] = events[order[r]];
            }

            Scale = new double[_p];
            _x = new double[n * _p];
            for (var c = 0; c < _p; c++)
            {
                var column = columns[used[c]];
                var mean = 0.0;
                foreach (var v in column)
                {
                    mean += v;
                }

                mean /= n;
                var absolute = 0.0;
                foreach (var v in column)
                {
                    absolute += Math.Abs(v - mean);
                }

                // coxfit6: scale = n / Σ|x − x̄| (1 for a column without spread).
                var scale = absolute > 0 ? n / absolute : 1;
                Scale[c] = scale; // back to the original units: x β = (x s) β_scaled, so β = s β_scaled
                for (var r = 0; r < n; r++)
                {
                    _x[r * _p + c] = (column[order[r]] - mean) * scale;
                }
            }
        }

        /// <summary>Log partial likelihood (Efron) at β; fills the score U and the information I (full, symmetric).</summary>
        public double Pass(ReadOnlySpan<double> beta, Span<double> u, Span<double> imat)
        {
            var p = _p;
            Span<double> a = stackalloc double[p];
            Span<double> a2 = stackalloc double[p];
            Span<double> cmat = stackalloc double[p * p];
            Span<double> cmat2 = stackalloc double[p * p];
            u.Clear();
            imat.Clear();
            var logLik = 0.0;
            var denom = 0.0;
            var x = _x;
            var r = _time.Length - 1;
            while (r >= 0)
            {
                var t = _time[r];
                var deaths = 0;
                var denom2 = 0.0;
                a2.Clear();
                cmat2.Clear();
                for (; r >= 0 && _time[r] == t; r--)
                {
                    var row = x.AsSpan(r * p, p);
                    var zbeta = 0.0;
                    for (var j = 0; j < p; j++)
                    {
                        zbeta += beta[j] * row[j];
                    }

                    var risk = Math.Exp(zbeta);
                    if (!_event[r])
                    {
                        denom += risk;
                        Accumulate(row, risk, a, cmat, p);
                    }
                    else
                    {
                        deaths++;
                        denom2 += risk;
                        logLik += zbeta;
                        for (var j = 0; j < p; j++)
                        {
                            u[j] += row[j];
                        }

                        Accumulate(row, risk, a2, cmat2, p);
                    }
                }

                if (deaths == 0)
                {
                    continue;
                }

                // Efron: the k-th of d tied deaths sees the risk set with (d − k)/d of the deaths' weight removed;
                // written as coxfit6 does, adding the deaths back a 1/d share at a time (one death = Breslow).
                var share = 1.0 / deaths;
                for (var k = 0; k < deaths; k++)
                {
                    denom += denom2 * share;
                    logLik -= Math.Log(denom);
                    for (var i = 0; i < p; i++)
                    {
                        a[i] += a2[i] * share;
                        var mean = a[i] / denom;
                        u[i] -= mean;
                        for (var j = 0; j <= i; j++)
                        {
                            cmat[i * p + j] += cmat2[i * p + j] * share;
                            imat[j * p + i] += (cmat[i * p + j] - mean * a[j]) / denom;
                        }
                    }
                }
            }

            for (var i = 0; i < p; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    imat[i * p + j] = imat[j * p + i];
                }
            }

            return logLik;
        }

        private static void Accumulate(ReadOnlySpan<double> row, double risk, Span<double> a, Span<double> cmat, int p)
        {
            for (var i = 0; i < p; i++)
            {
                var ri = risk * row[i];
                a[i] += ri;
                for (var j = 0; j <= i; j++)
                {
                    cmat[i * p + j] += ri * row[j];
                }
            }
        }
    }
}
