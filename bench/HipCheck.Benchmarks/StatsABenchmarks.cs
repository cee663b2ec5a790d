using BenchmarkDotNet.Attributes;
using HipCheck.Core.Statistics;

namespace HipCheck.Benchmarks;

/// <summary>
/// The 2×2 table, Welch t, Mann-Whitney and ROC on generated cohorts of 10⁴, 10⁵ and 10⁶ athletes: an asymmetry
/// score (|N(10, 6)| %, rounded to 0.1 so ties occur as in real screenings), exposure = score ≥ 15, and an event
/// with logistic risk rising with the score (about 12 % overall). Seeded, so every run sees the same data.
/// </summary>
[MemoryDiagnoser]
public class StatsABenchmarks
{
    private double[] _scores = [];
    private bool[] _exposed = [];
    private bool[] _events = [];
    private double[] _eventScores = [];
    private double[] _nonEventScores = [];
    private TwoByTwo _table = new(0, 0, 0, 0);

    [Params(10_000, 100_000, 1_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Generate()
    {
        var random = new Random(20260415);
        _scores = new double[Rows];
        _exposed = new bool[Rows];
        _events = new bool[Rows];
        for (var i = 0; i < Rows; i++)
        {
            var u1 = 1 - random.NextDouble();
            var u2 = random.NextDouble();
            var normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            _scores[i] = Math.Round(Math.Abs(10 + (6 * normal)), 1);
            _exposed[i] = _scores[i] >= 15;
            _events[i] = random.NextDouble() < 1 / (1 + Math.Exp(2.6 - (0.06 * _scores[i])));
        }

        _eventScores = [.. _scores.Where((_, i) => _events[i])];
        _nonEventScores = [.. _scores.Where((_, i) => !_events[i])];
        _table = TwoByTwo.Tabulate(_exposed, _events);
    }

    /// <summary>Tabulate the rows, then risk ratio, odds ratio, chi-square and Fisher's exact p.</summary>
    [Benchmark]
    public double TwoByTwoFromRows()
    {
        var table = TwoByTwo.Tabulate(_exposed, _events);
        return table.RiskRatio().Value + table.OddsRatio().Lower + table.ChiSquare().P + table.FisherExactP();
    }

    /// <summary>Fisher's exact p alone on the tabulated table (its cost grows with the spread of the margins).</summary>
    [Benchmark]
    public double FisherExactP() => _table.FisherExactP();

    /// <summary>Welch t of the score, athletes with the event against those without.</summary>
    [Benchmark]
    public double WelchTTest() => WelchT.Test(_eventScores, _nonEventScores).P;

    /// <summary>Mann-Whitney of the score, event against no event (ties, so the normal approximation).</summary>
    [Benchmark]
    public double MannWhitneyTest() => MannWhitney.Test(_eventScores, _nonEventScores).P;

    /// <summary>ROC of the score against the event, with AUC and the Youden cut-off.</summary>
    [Benchmark]
    public double RocCurve() => Roc.Compute(_scores, _events).Youden.Threshold;
}

/// <summary>Planning calculations: no rows, one root or one formula.</summary>
[MemoryDiagnoser]
public class StatsAPowerBenchmarks
{
    [Benchmark]
    public double SampleSizeTwoProportions() => Power.SampleSizeTwoProportions(0.12, 0.06).NPerGroup;

    [Benchmark]
    public double PowerTwoProportions() => Power.PowerTwoProportions(0.12, 0.06, 348).Power;
}
