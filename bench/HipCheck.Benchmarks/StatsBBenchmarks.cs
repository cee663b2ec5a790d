using BenchmarkDotNet.Attributes;
using HipCheck.Core.Statistics;

namespace HipCheck.Benchmarks;

/// <summary>
/// Logistic regression, Kaplan-Meier, log-rank and Cox at 10⁴, 10⁵ and 10⁶ rows of a generated cohort shaped like
/// issue 4's (asymmetry %, sex, extension N/kg; whole-day times to LBP or censoring at 180-365 days, ~20 % events).
/// </summary>
[MemoryDiagnoser]
public class StatsBBenchmarks
{
    private string[] _logisticNames = [];
    private double[][] _logisticColumns = [];
    private string[] _coxNames = [];
    private double[][] _coxColumns = [];
    private bool[] _event = [];
    private double[] _days = [];
    private int[] _exposed = [];

    [Params(10_000, 100_000, 1_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20240401);
        var asymmetry = new double[Rows];
        var female = new double[Rows];
        var extension = new double[Rows];
        var interaction = new double[Rows];
        _event = new bool[Rows];
        _days = new double[Rows];
        _exposed = new int[Rows];
        for (var i = 0; i < Rows; i++)
        {
            female[i] = random.Next(2);
            // Gamma(2, 5) as the sum of two exponentials; strength roughly normal (sum of uniforms).
            asymmetry[i] = Math.Round(-5 * (Math.Log(1 - random.NextDouble()) + Math.Log(1 - random.NextDouble())), 1);
            extension[i] = Math.Round(2.5 - 0.3 * female[i] + 0.45 * (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 2, 2);
            interaction[i] = asymmetry[i] * female[i];
            var lp = 0.045 * asymmetry[i] + 0.35 * female[i] - 0.5 * (extension[i] - 2.3) + 0.02 * interaction[i];
            var eventDay = Math.Ceiling(-Math.Log(1 - random.NextDouble()) / (0.0004 * Math.Exp(lp)));
            var followUp = 180 + random.Next(186);
            _event[i] = eventDay <= followUp;
            _days[i] = Math.Min(eventDay, followUp);
            _exposed[i] = asymmetry[i] >= 15 ? 1 : 0;
        }

        _logisticNames = ["asymmetry_pct", "female", "ext_n_per_kg", "asymmetry_pct:female"];
        _logisticColumns = [asymmetry, female, extension, interaction];
        _coxNames = ["asymmetry_pct", "female", "asymmetry_pct:female"];
        _coxColumns = [asymmetry, female, interaction];
    }

    [Benchmark]
    public LogisticResult Logistic() => LogisticRegression.Fit(_logisticNames, _logisticColumns, _event);

    [Benchmark]
    public KaplanMeierCurve KaplanMeierCurve() => KaplanMeier.Estimate(_days, _event);

    [Benchmark]
    public LogRankResult LogRankTest() => LogRank.Test(_days, _event, _exposed);

    [Benchmark]
    public CoxResult Cox() => CoxRegression.Fit(_coxNames, _coxColumns, _days, _event);
}
