namespace HipCheck.Core.Surveillance;

/// <summary>
/// One area's answers to the four items for one week: each the index of the answer chosen (0 = least affected,
/// 3 = most), or null when the item was not answered. Indices outside 0-3 cannot be represented.
/// </summary>
public readonly record struct OstrcAnswers
{
    public OstrcAnswers(int? participation, int? trainingModified, int? performanceAffected, int? pain)
    {
        Participation = Check(participation, nameof(participation));
        TrainingModified = Check(trainingModified, nameof(trainingModified));
        PerformanceAffected = Check(performanceAffected, nameof(performanceAffected));
        Pain = Check(pain, nameof(pain));
    }

    /// <summary>Item 1: participation in training and competition.</summary>
    public int? Participation { get; }

    /// <summary>Item 2: extent training was modified.</summary>
    public int? TrainingModified { get; }

    /// <summary>Item 3: extent performance was affected.</summary>
    public int? PerformanceAffected { get; }

    /// <summary>Item 4: pain.</summary>
    public int? Pain { get; }

    /// <summary>The four answers in item order.</summary>
    public IReadOnlyList<int?> Items => [Participation, TrainingModified, PerformanceAffected, Pain];

    /// <summary>True when at least one item was answered.</summary>
    public bool AnyAnswered => Participation is not null || TrainingModified is not null || PerformanceAffected is not null || Pain is not null;

    /// <summary>True when all four items were answered.</summary>
    public bool Complete => Participation is not null && TrainingModified is not null && PerformanceAffected is not null && Pain is not null;

    private static int? Check(int? index, string name) =>
        index is null or (>= 0 and <= 3)
            ? index
            : throw new ArgumentOutOfRangeException(name, index, "An answer index is 0, 1, 2 or 3 (or missing).");
}

/// <summary>Which answers make an area "a problem" this week.</summary>
public enum OstrcProblemRule
{
    /// <summary>
    /// OSTRC-O2 (Clarsen et al. 2020, doi:10.1136/bjsports-2019-101337) and DOMAIN.md: item 1 is the gate; any answer
    /// to it other than the first ("took part fully with no trouble") is a problem, and the first answer ends the
    /// area (later items, if present, are ignored). The default.
    /// </summary>
    Participation,

    /// <summary>
    /// The original OSTRC-O rule (Clarsen et al. 2013, doi:10.1136/bjsports-2012-091524): an answer above the lowest
    /// on any of the four items is a problem. For data collected without the O2 gate, or to compare with older studies.
    /// </summary>
    AnyItem,
}

/// <summary>The outcome of scoring one area-week; null where the answered items do not decide it.</summary>
/// <param name="Problem">Any problem in the area this week.</param>
/// <param name="Substantial">A substantial problem: could not take part, or training or performance affected considerably or very much.</param>
/// <param name="Severity">Sum of the four item scores, 0-100; null unless all four items were answered.</param>
public readonly record struct OstrcScore(bool? Problem, bool? Substantial, int? Severity);

/// <summary>
/// Scoring of the weekly overuse questionnaire. Each item's four answers score 0, 8, 17 and 25, so the severity
/// (their sum) runs from 0 to 100 (Clarsen et al. 2013). A substantial problem is one where the athlete could not
/// take part (item 1, last answer), or modified training or had performance affected to a moderate or major extent
/// (items 2 or 3, the two highest answers). That is the published definition ("moderate or severe reductions in
/// training volume or sports performance, or complete inability to participate": Clarsen et al. 2013 and 2020) and
/// DOMAIN.md's; reduced participation alone (item 1, third answer) is a problem but not a substantial one.
/// <para>
/// Missing items: a result is given whenever every possible answer to the missing items would give the same
/// result, and is null otherwise. So with the <see cref="OstrcProblemRule.Participation"/> rule an unanswered
/// item 1 leaves both flags unknown, while under <see cref="OstrcProblemRule.AnyItem"/> one answer above the
/// lowest is enough to call a problem.
/// </para>
/// </summary>
public static class OstrcScoring
{
    /// <summary>The score of each answer index (0, 8, 17, 25).</summary>
    public static IReadOnlyList<int> AnswerScores { get; } = [0, 8, 17, 25];

    /// <summary>The score of one answer index.</summary>
    public static int AnswerScore(int answerIndex) =>
        answerIndex is >= 0 and <= 3
            ? AnswerScores[answerIndex]
            : throw new ArgumentOutOfRangeException(nameof(answerIndex), answerIndex, "An answer index is 0, 1, 2 or 3.");

    /// <summary>Scores one area-week.</summary>
    public static OstrcScore Score(OstrcAnswers answers, OstrcProblemRule rule = OstrcProblemRule.Participation) =>
        new(IsProblem(answers, rule), IsSubstantial(answers, rule), Severity(answers));

    /// <summary>The severity score 0-100: the sum of the four item scores; null if any item is missing.</summary>
    public static int? Severity(OstrcAnswers answers) =>
        answers.Complete
            ? AnswerScores[answers.Participation!.Value] + AnswerScores[answers.TrainingModified!.Value]
                + AnswerScores[answers.PerformanceAffected!.Value] + AnswerScores[answers.Pain!.Value]
            : null;

    /// <summary>Whether the area is a problem this week; null when the answered items do not decide it.</summary>
    public static bool? IsProblem(OstrcAnswers answers, OstrcProblemRule rule = OstrcProblemRule.Participation)
    {
        if (rule == OstrcProblemRule.Participation)
        {
            return answers.Participation is { } q1 ? q1 > 0 : null;
        }

        if (answers.Items.Any(a => a > 0))
        {
            return true;
        }

        return answers.Complete ? false : null;
    }

    /// <summary>Whether the area is a substantial problem this week; null when the answered items do not decide it.</summary>
    public static bool? IsSubstantial(OstrcAnswers answers, OstrcProblemRule rule = OstrcProblemRule.Participation)
    {
        if (rule == OstrcProblemRule.Participation)
        {
            switch (answers.Participation)
            {
                case null:
                    return null;
                case 0:
                    // The gate: no problem, so the later items cannot make it substantial.
                    return false;
            }
        }

        if (answers.Participation == 3 || answers.TrainingModified >= 2 || answers.PerformanceAffected >= 2)
        {
            return true;
        }

        return answers.Participation is not null && answers.TrainingModified is not null && answers.PerformanceAffected is not null
            ? false
            : null;
    }
}
