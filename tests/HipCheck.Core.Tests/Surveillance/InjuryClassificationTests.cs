using HipCheck.Core.Surveillance;

namespace HipCheck.Core.Tests.Surveillance;

public class InjuryClassificationTests
{
    private static SurveillanceInjury Injury(string athlete, string onset, string region, string tissue, int days, string? eventId = null, string? returned = null) =>
        new(athlete, DateOnly.Parse(onset, System.Globalization.CultureInfo.InvariantCulture), region, tissue, InjuryOnset.Sudden, InjuryMechanism.Acute, days)
        {
            EventId = eventId,
            ReturnDate = returned is null ? null : DateOnly.Parse(returned, System.Globalization.CultureInfo.InvariantCulture),
        };

    // The index injury: a hip-groin muscle injury on 1 March with 10 days lost, back in full training on 12 March.
    private static readonly SurveillanceInjury Index = Injury("A1", "2024-03-01", "G", "M", 10);

    [Fact]
    public void Without_earlier_records_an_injury_is_the_first()
    {
        var s = SubsequentInjuries.Suggest(Index, []);

        Assert.Equal(SubsequentInjuryKind.First, s.Kind);
        Assert.Null(s.Index);
    }

    [Fact]
    public void Same_region_and_tissue_before_the_return_is_an_exacerbation_and_from_the_return_on_a_recurrence()
    {
        Assert.Equal(new DateOnly(2024, 3, 12), Index.EstimatedReturnDate);
        Assert.Equal(SubsequentInjuryKind.Exacerbation, SubsequentInjuries.Suggest(Injury("A1", "2024-03-11", "G", "M", 3), [Index]).Kind);
        Assert.Equal(SubsequentInjuryKind.Recurrence, SubsequentInjuries.Suggest(Injury("A1", "2024-03-12", "G", "M", 3), [Index]).Kind);
        Assert.Same(Index, SubsequentInjuries.Suggest(Injury("A1", "2024-05-01", "G", "M", 3), [Index]).Index);
    }

    [Fact]
    public void A_recorded_return_date_wins_over_the_estimate()
    {
        var slowReturn = Injury("A1", "2024-03-01", "G", "M", 10, returned: "2024-04-01");

        Assert.Equal(SubsequentInjuryKind.Exacerbation, SubsequentInjuries.Suggest(Injury("A1", "2024-03-20", "G", "M", 3), [slowReturn]).Kind);
    }

    [Fact]
    public void Same_region_other_tissue_is_local_and_another_region_is_new()
    {
        Assert.Equal(SubsequentInjuryKind.Local, SubsequentInjuries.Suggest(Injury("A1", "2024-03-05", "G", "T", 0), [Index]).Kind);
        var other = SubsequentInjuries.Suggest(Injury("A1", "2024-03-05", "K", "M", 0), [Index]);
        Assert.Equal(SubsequentInjuryKind.New, other.Kind);
        Assert.Null(other.Index);
    }

    [Fact]
    public void Only_the_same_athlete_s_earlier_records_count_and_the_closest_relation_wins()
    {
        var otherAthlete = Injury("B2", "2024-02-01", "K", "M", 5);
        var laterRecord = Injury("A1", "2024-06-01", "K", "M", 5);
        var knee = Injury("A1", "2024-07-01", "K", "M", 2);
        Assert.Equal(SubsequentInjuryKind.First, SubsequentInjuries.Suggest(Injury("A1", "2024-02-15", "K", "M", 1), [otherAthlete, laterRecord]).Kind);

        var earlierLocal = Injury("A1", "2024-06-20", "K", "C", 1);
        var s = SubsequentInjuries.Suggest(knee, [earlierLocal, laterRecord, Index]);
        Assert.Equal(SubsequentInjuryKind.Recurrence, s.Kind);
        Assert.Same(laterRecord, s.Index);
    }

    [Fact]
    public void Injuries_from_one_event_count_once_with_the_worst_severity()
    {
        var fallHip = Injury("A1", "2024-03-01", "G", "M", 4, "fall-1");
        var fallKnee = Injury("A1", "2024-03-01", "K", "L", 12, "fall-1");
        var fallAnkle = Injury("A1", "2024-03-01", "A", "L", 12, "fall-1");
        var sameIdOtherAthlete = Injury("B2", "2024-03-01", "G", "M", 1, "fall-1");
        var alone = Injury("A1", "2024-04-01", "Q", "S", 30);

        var events = InjuryEvents.Group([fallHip, alone, fallKnee, sameIdOtherAthlete, fallAnkle]);

        Assert.Equal(3, events.Count);
        Assert.Equal([fallHip, fallKnee, fallAnkle], events[0].Injuries);
        Assert.Same(fallKnee, events[0].Worst); // first of the two with 12 days
        Assert.Equal(12, events[0].TimeLossDays);
        Assert.Equal("K", events[0].Region);
        Assert.Same(alone, events[1].Worst);
        Assert.Equal("B2", events[2].AthleteId);
    }

    [Theory]
    [InlineData("Y", "M")]
    [InlineData("G", "Q")]
    [InlineData("g", "M")]
    public void Unknown_region_or_tissue_letters_are_refused(string region, string tissue) =>
        Assert.Throws<ArgumentException>(() => Injury("A1", "2024-03-01", region, tissue, 1));
}
