using System.Text.Json.Nodes;
using HipCheck.Core.Risk;
using HipCheck.Core.Training;

namespace HipCheck.Core.Tests.Training;

public class ExerciseLibraryTests
{
    private static IReadOnlyList<Exercise> All => ExerciseLibrary.All;

    [Fact]
    public void The_library_loads_five_unilateral_exercises_covering_every_trained_test()
    {
        Assert.Equal(
            new[] { "single-leg-bridge", "single-limb-deadlift", "side-lying-hip-abduction", "side-plank-hip-abduction", "clam" },
            All.Select(e => e.Id));
        Assert.All(All, e => Assert.True(e.Unilateral));
        Assert.Equal(["hip-extension", "hip-abduction", "hip-external-rotation"], ExerciseLibrary.TrainedTests);
        Assert.All(ExerciseLibrary.TrainedTests, t => Assert.Contains(All, e => e.TrainsTests.Contains(t)));
        Assert.Same(ExerciseLibrary.All, ExerciseLibrary.All);
    }

    [Fact]
    public void Find_ignores_case_and_returns_null_for_unknown_ids()
    {
        Assert.Equal("Clam", ExerciseLibrary.Find("CLAM")!.Name);
        Assert.Null(ExerciseLibrary.Find("squat"));
    }

    [Fact]
    public void Every_exercise_has_its_texts_a_regression_a_progression_and_an_illustration()
    {
        foreach (var e in All)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Name));
            Assert.NotEmpty(e.TargetMuscles);
            Assert.NotEmpty(e.Evidence);
            Assert.True(e.Instructions.Count >= 4, e.Id);
            Assert.True(e.CommonMistakes.Count >= 3, e.Id);
            Assert.True(e.BaseDose > 0);
            Assert.NotEqual(e.Regression.Name, e.Progression.Name);
            Assert.All(new[] { e.Regression, e.Progression }, v => Assert.False(string.IsNullOrWhiteSpace(v.Description)));
            Assert.Equal((200, 120), (e.Illustration.Width, e.Illustration.Height));
            Assert.True(e.Illustration.AltText.Length > 40, e.Id);
            Assert.Contains(e.Illustration.Shapes, s => s is CircleShape { Role: ShapeRole.Body }); // head
            Assert.Contains(e.Illustration.Shapes, s => s.Role == ShapeRole.WorkingLimb);
            Assert.Contains(e.Illustration.Shapes, s => s.Role == ShapeRole.Ground);
            Assert.Contains(e.Illustration.Shapes, s => s.Role == ShapeRole.Arrow);
        }
    }

    [Fact]
    public void Evidence_numbers_are_present_only_when_verified_in_the_primary_source()
    {
        foreach (var ev in All.SelectMany(e => e.Evidence))
        {
            Assert.Contains(ev.Verification, EvidenceVerification.All);
            Assert.Equal(EvidenceVerification.ShowsNumbers(ev.Verification), ev.MeanPercentMvic is not null);
            Assert.Equal(ev.MeanPercentMvic is not null, ev.SdPercentMvic is not null);
            Assert.Equal(ev.MeanPercentMvic is not null, ev.HasVerifiedNumbers);
            Assert.False(string.IsNullOrWhiteSpace(ev.Note));
        }
    }

    [Fact]
    public void The_shown_numbers_are_the_ones_read_in_Distefano_2009()
    {
        var abduction = Assert.Single(ExerciseLibrary.Find("side-lying-hip-abduction")!.Evidence);
        Assert.Equal((81d, 42d, "verified-abstract", "distefano-2009"), (abduction.MeanPercentMvic!.Value, abduction.SdPercentMvic!.Value, abduction.Verification, abduction.StudyId));

        Assert.Equal(new double?[] { 40, 38 }, ExerciseLibrary.Find("clam")!.Evidence.Select(e => e.MeanPercentMvic));
        Assert.Equal(new double?[] { 38, 29 }, ExerciseLibrary.Find("clam")!.Evidence.Select(e => e.SdPercentMvic));

        Assert.All(ExerciseLibrary.Find("single-limb-deadlift")!.Evidence, e => Assert.Equal((null, "ranking-only"), (e.MeanPercentMvic, e.Verification)));
        var plank = Assert.Single(ExerciseLibrary.Find("side-plank-hip-abduction")!.Evidence);
        Assert.Equal((null, "secondary-only", "boren-2011"), (plank.MeanPercentMvic, plank.Verification, plank.StudyId));
    }

    [Fact]
    public void Every_cited_study_id_exists_in_the_evidence_catalogue()
    {
        var catalogue = EvidenceCatalogue.Load();
        foreach (var id in All.SelectMany(e => e.Evidence).Select(e => e.StudyId).OfType<string>())
        {
            Assert.NotNull(catalogue.FindStudy(id));
        }
    }

    [Fact]
    public void A_number_without_primary_verification_is_rejected_loudly_with_every_problem()
    {
        var root = JsonNode.Parse(ExerciseLibrary.ReadEmbeddedJson())!;
        var plank = root["exercises"]![3]!;
        plank["evidence"]![0]!["meanPercentMvic"] = 103;
        plank["evidence"]![0]!["sdPercentMvic"] = 20;
        root["exercises"]![0]!["instructions"] = new JsonArray();
        root["exercises"]![4]!["illustration"]!["shapes"]![1]!["x2"] = 250;

        var ex = Assert.Throws<InvalidExerciseLibraryException>(() => ExerciseLibrary.Parse(root.ToJsonString()));

        Assert.True(3 == ex.Problems.Count, string.Join("\n", ex.Problems));
        Assert.Contains(ex.Problems, p => p.StartsWith("exercises[3].evidence[0].meanPercentMvic: a % MVIC number may only be given when verification is verified", StringComparison.Ordinal));
        Assert.Contains("exercises[0].instructions: must be a non-empty array of text.", ex.Problems);
        Assert.Contains(ex.Problems, p => p.StartsWith("exercises[4].illustration.shapes[1].x2: 250 lies outside the canvas", StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicate_ids_and_invalid_json_are_rejected()
    {
        var root = JsonNode.Parse(ExerciseLibrary.ReadEmbeddedJson())!;
        root["exercises"]![1]!["id"] = "clam";

        var duplicate = Assert.Throws<InvalidExerciseLibraryException>(() => ExerciseLibrary.Parse(root.ToJsonString()));
        Assert.Contains("exercise id \"clam\" is used more than once.", duplicate.Problems);
        Assert.Throws<InvalidExerciseLibraryException>(() => ExerciseLibrary.Parse("{ not json"));
        Assert.Throws<InvalidExerciseLibraryException>(() => ExerciseLibrary.Parse("[]"));
    }

    [Fact]
    public void A_library_that_leaves_a_screening_test_untrained_is_rejected()
    {
        var root = JsonNode.Parse(ExerciseLibrary.ReadEmbeddedJson())!;
        root["exercises"]!.AsArray().RemoveAt(4); // the clam, the only external-rotation exercise

        var ex = Assert.Throws<InvalidExerciseLibraryException>(() => ExerciseLibrary.Parse(root.ToJsonString()));

        Assert.Equal(["no exercise trains \"hip-external-rotation\"."], ex.Problems);
    }

    [Fact]
    public void Parsing_the_same_json_twice_gives_equal_exercises()
    {
        var json = ExerciseLibrary.ReadEmbeddedJson();

        Assert.Equal(ExerciseLibrary.Parse(json), ExerciseLibrary.Parse(json));
        Assert.Equal(ExerciseLibrary.All, ExerciseLibrary.Parse(json));
    }
}
