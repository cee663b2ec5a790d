using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HipCheck.Core.Surveillance;

namespace HipCheck.Core.Tests.Surveillance;

/// <summary>
/// OSTRC scoring against rules written out here, independently of the code: every complete answer pattern
/// (4^4 = 256) and every pattern with missing items (5^4 = 625), the latter against "decided only if every way of
/// filling the gaps agrees".
/// </summary>
public class OstrcScoringTests
{
    private static readonly int[] Points = [0, 8, 17, 25];

    /// <summary>All 4^4 complete answer patterns.</summary>
    private static IEnumerable<int[]> CompletePatterns() =>
        from a in Enumerable.Range(0, 4)
        from b in Enumerable.Range(0, 4)
        from c in Enumerable.Range(0, 4)
        from d in Enumerable.Range(0, 4)
        select new[] { a, b, c, d };

    /// <summary>All 5^4 patterns where each item is answered 0-3 or missing (null).</summary>
    private static IEnumerable<int?[]> AllPatterns()
    {
        int?[] values = [null, 0, 1, 2, 3];
        return from a in values from b in values from c in values from d in values select new[] { a, b, c, d };
    }

    private static OstrcAnswers Answers(int?[] p) => new(p[0], p[1], p[2], p[3]);

    // The rule table, written from the definitions (Clarsen 2013 / 2020, DOMAIN.md), not from the code:
    // item 1 answers: 0 took part fully, no trouble; 1 took part fully with trouble; 2 took part less; 3 could not take part.
    // items 2 and 3 answers: 0 none, 1 a little, 2 considerably (moderate), 3 very much (major).
    private static bool ExpectedProblem(int[] p, OstrcProblemRule rule) => rule switch
    {
        OstrcProblemRule.Participation => p[0] is 1 or 2 or 3,
        _ => p[0] != 0 || p[1] != 0 || p[2] != 0 || p[3] != 0,
    };

    private static bool ExpectedSubstantial(int[] p, OstrcProblemRule rule)
    {
        var couldNotTakePart = p[0] == 3;
        var trainingModerateOrMajor = p[1] is 2 or 3;
        var performanceModerateOrMajor = p[2] is 2 or 3;
        var gatedOut = rule == OstrcProblemRule.Participation && p[0] == 0;
        return !gatedOut && (couldNotTakePart || trainingModerateOrMajor || performanceModerateOrMajor);
    }

    [Theory]
    [InlineData(OstrcProblemRule.Participation)]
    [InlineData(OstrcProblemRule.AnyItem)]
    public void Every_complete_pattern_is_scored_as_the_rule_table_says(OstrcProblemRule rule)
    {
        var checkedPatterns = 0;
        foreach (var p in CompletePatterns())
        {
            var score = OstrcScoring.Score(new OstrcAnswers(p[0], p[1], p[2], p[3]), rule);
            var label = string.Join(",", p);

            Assert.True(ExpectedProblem(p, rule) == score.Problem, $"problem for {label}");
            Assert.True(ExpectedSubstantial(p, rule) == score.Substantial, $"substantial for {label}");
            Assert.Equal(Points[p[0]] + Points[p[1]] + Points[p[2]] + Points[p[3]], score.Severity);
            checkedPatterns++;
        }

        Assert.Equal(256, checkedPatterns);
    }

    [Theory]
    [InlineData(OstrcProblemRule.Participation)]
    [InlineData(OstrcProblemRule.AnyItem)]
    public void A_pattern_with_missing_items_is_decided_only_when_every_way_of_filling_the_gaps_agrees(OstrcProblemRule rule)
    {
        var checkedPatterns = 0;
        foreach (var p in AllPatterns())
        {
            var completions = Complete(p).ToList();
            var problems = completions.Select(c => ExpectedProblem(c, rule)).Distinct().ToList();
            var substantials = completions.Select(c => ExpectedSubstantial(c, rule)).Distinct().ToList();
            var score = OstrcScoring.Score(Answers(p), rule);
            var label = string.Join(",", p.Select(v => v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "_"));

            Assert.True((problems.Count == 1 ? problems[0] : (bool?)null) == score.Problem, $"problem for {label}");
            Assert.True((substantials.Count == 1 ? substantials[0] : (bool?)null) == score.Substantial, $"substantial for {label}");
            Assert.Equal(p.All(v => v is not null) ? p.Sum(v => Points[v!.Value]) : null, score.Severity);
            checkedPatterns++;
        }

        Assert.Equal(625, checkedPatterns);
    }

    private static IEnumerable<int[]> Complete(int?[] p) =>
        CompletePatterns().Where(c => Enumerable.Range(0, 4).All(i => p[i] is null || p[i] == c[i]));

    [Theory]
    [InlineData(0, 0, 0, 0, 0)]
    [InlineData(1, 0, 0, 1, 16)]
    [InlineData(1, 2, 1, 3, 58)]
    [InlineData(2, 2, 2, 2, 68)]
    [InlineData(3, 3, 3, 3, 100)]
    [InlineData(3, 0, 0, 0, 25)]
    public void Severity_is_the_sum_of_0_8_17_25_scores(int q1, int q2, int q3, int q4, int severity) =>
        Assert.Equal(severity, OstrcScoring.Severity(new OstrcAnswers(q1, q2, q3, q4)));

    [Theory]
    // q1..q4 (-1 = missing), problem, substantial (null = undecided), under the O2 participation gate
    [InlineData(0, 0, 0, 0, false, false)]
    [InlineData(1, 0, 0, 1, true, false)]
    [InlineData(1, 1, 1, 3, true, false)] // severe pain alone is not substantial
    [InlineData(2, 1, 1, 1, true, false)] // took part less, training and performance only a little affected
    [InlineData(3, 0, 0, 0, true, true)] // could not take part
    [InlineData(1, 2, 0, 0, true, true)] // training modified considerably
    [InlineData(1, 0, 3, 0, true, true)] // performance affected very much
    [InlineData(0, 3, 3, 3, false, false)] // the gate: item 1 says no trouble, later answers are ignored
    [InlineData(0, -1, -1, -1, false, false)] // an O2 export: items skipped after the gate
    [InlineData(-1, 3, 3, 3, null, null)] // without item 1 nothing is decided
    [InlineData(1, -1, 1, 2, true, null)] // a problem; substantial depends on the missing item 2
    [InlineData(1, -1, 2, -1, true, true)] // performance considerably affected: substantial whatever item 2 was
    [InlineData(3, -1, -1, -1, true, true)]
    public void Worked_patterns_under_the_participation_gate(int q1, int q2, int q3, int q4, bool? problem, bool? substantial)
    {
        var score = OstrcScoring.Score(new OstrcAnswers(Item(q1), Item(q2), Item(q3), Item(q4)));

        Assert.Equal(problem, score.Problem);
        Assert.Equal(substantial, score.Substantial);
    }

    [Theory]
    [InlineData(0, 0, 0, 1, true, false)] // pain only: a problem under the 2013 rule
    [InlineData(0, 3, 0, 0, true, true)]
    [InlineData(-1, 0, 0, 0, null, null)]
    [InlineData(-1, 1, -1, -1, true, null)] // one answer above the lowest is enough
    [InlineData(-1, 2, -1, -1, true, true)]
    [InlineData(0, 0, 0, -1, null, false)]
    public void Worked_patterns_under_the_2013_any_item_rule(int q1, int q2, int q3, int q4, bool? problem, bool? substantial)
    {
        var score = OstrcScoring.Score(new OstrcAnswers(Item(q1), Item(q2), Item(q3), Item(q4)), OstrcProblemRule.AnyItem);

        Assert.Equal(problem, score.Problem);
        Assert.Equal(substantial, score.Substantial);
    }

    private static int? Item(int value) => value < 0 ? null : value;

    [Theory]
    [InlineData(4)]
    [InlineData(-1)]
    public void An_answer_index_outside_0_to_3_cannot_be_represented(int index)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OstrcAnswers(index, 0, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OstrcAnswers(0, 0, 0, index));
        Assert.Throws<ArgumentOutOfRangeException>(() => OstrcScoring.AnswerScore(index));
    }

    private static Arbitrary<OstrcAnswers> AnswerArbitrary()
    {
        var item = Gen.Elements<int?>(null, 0, 1, 2, 3);
        return Arb.From(from a in item from b in item from c in item from d in item select new OstrcAnswers(a, b, c, d));
    }

    [Property]
    public Property A_substantial_problem_is_always_a_problem() =>
        Prop.ForAll(AnswerArbitrary(), Arb.From(Gen.Elements(OstrcProblemRule.Participation, OstrcProblemRule.AnyItem)), (a, rule) =>
        {
            var s = OstrcScoring.Score(a, rule);
            return s.Substantial != true || s.Problem == true;
        });

    [Property]
    public Property The_gate_rule_never_finds_a_problem_the_2013_rule_misses() =>
        Prop.ForAll(AnswerArbitrary(), a =>
            OstrcScoring.IsProblem(a) != true || OstrcScoring.IsProblem(a, OstrcProblemRule.AnyItem) == true);

    [Property]
    public Property Answering_a_missing_item_never_contradicts_a_decided_result() =>
        Prop.ForAll(AnswerArbitrary(), Arb.From(Gen.Choose(0, 3)), Arb.From(Gen.Choose(0, 3)), (a, item, value) =>
        {
            int?[] items = [.. a.Items];
            if (items[item] is not null)
            {
                return true;
            }

            items[item] = value;
            var before = OstrcScoring.Score(a);
            var after = OstrcScoring.Score(Answers(items));
            return (before.Problem is null || before.Problem == after.Problem)
                && (before.Substantial is null || before.Substantial == after.Substantial);
        });

    [Property]
    public Property Severity_lies_between_0_and_100_and_is_null_exactly_when_an_item_is_missing() =>
        Prop.ForAll(AnswerArbitrary(), a =>
        {
            var severity = OstrcScoring.Severity(a);
            return a.Complete ? severity is >= 0 and <= 100 : severity is null;
        });
}
