using System.Text.Json;

namespace HipCheck.Core.Training;

/// <summary>
/// Reads exercises.json with <see cref="JsonDocument"/> and checks every field an exercise page, the PDF guide and the
/// programme generator depend on, collecting all problems (with their JSON path) before failing.
/// </summary>
internal static class ExerciseParser
{
    public static IReadOnlyList<Exercise> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new InvalidExerciseLibraryException([$"exercises.json is not valid JSON: {ex.Message}"]);
        }

        using (document)
        {
            var problems = new List<string>();
            var exercises = new List<Exercise>();
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("exercises", out var array) || array.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidExerciseLibraryException(["exercises.json must be an object with an \"exercises\" array."]);
            }

            var i = 0;
            foreach (var element in array.EnumerateArray())
            {
                var exercise = ReadExercise(new ExerciseJsonReader(element, $"exercises[{i}]", problems));
                if (exercise is not null)
                {
                    exercises.Add(exercise);
                }

                i++;
            }

            foreach (var duplicate in exercises.GroupBy(e => e.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                problems.Add($"exercise id \"{duplicate.Key}\" is used more than once.");
            }

            // Checked only when every exercise was read, so one broken exercise does not also report its tests as untrained.
            var allRead = problems.Count == 0;
            foreach (var test in ExerciseLibrary.TrainedTests.Where(t => allRead && !exercises.Any(e => e.TrainsTests.Contains(t))))
            {
                problems.Add($"no exercise trains \"{test}\".");
            }

            if (problems.Count > 0)
            {
                throw new InvalidExerciseLibraryException(problems);
            }

            return exercises;
        }
    }

    private static Exercise? ReadExercise(ExerciseJsonReader r)
    {
        var id = r.Text("id");
        var name = r.Text("name");
        var muscles = r.Texts("targetMuscles");
        var tests = r.Texts("trainsTests");
        foreach (var t in tests.Where(t => !ExerciseLibrary.TrainedTests.Contains(t)))
        {
            r.Problem("trainsTests", $"\"{t}\" is not one of {string.Join(", ", ExerciseLibrary.TrainedTests)}");
        }

        var unilateral = r.Bool("unilateral");
        var doseText = r.Text("dose");
        DoseKind? dose = doseText switch
        {
            "reps" => DoseKind.Reps,
            "holdSeconds" => DoseKind.HoldSeconds,
            null => null,
            _ => r.Problem<DoseKind?>("dose", "must be \"reps\" or \"holdSeconds\""),
        };
        var baseDose = r.Int("baseDose", 1, 120);
        var startLevel = r.Text("startLevel");
        if (startLevel is not null and not "regression" and not "standard")
        {
            r.Problem("startLevel", "must be \"regression\" or \"standard\"");
        }

        var evidence = r.Objects("evidence").Select(ReadEvidence).ToList();
        var instructions = r.Texts("instructions");
        var mistakes = r.Texts("commonMistakes");
        var regression = ReadVariant(r.Child("regression"));
        var progression = ReadVariant(r.Child("progression"));
        var illustration = ReadIllustration(r.Child("illustration"));

        if (r.HasProblems || id is null || name is null || dose is null || baseDose is null || startLevel is null
            || regression is null || progression is null || illustration is null || evidence.Any(e => e is null))
        {
            return null;
        }

        return new Exercise(
            id, name, muscles, tests, unilateral ?? false, dose.Value, [.. evidence.Select(e => e!)], instructions, mistakes,
            regression, progression, illustration)
        {
            BaseDose = baseDose.Value,
            StartsAtRegression = startLevel == "regression",
        };
    }

    private static ExerciseEvidence? ReadEvidence(ExerciseJsonReader r)
    {
        var citation = r.Text("citation");
        var muscle = r.Text("muscle");
        var note = r.Text("note");
        var verification = r.Text("verification");
        var studyId = r.OptionalText("studyId");
        var mean = r.OptionalNumber("meanPercentMvic");
        var sd = r.OptionalNumber("sdPercentMvic");
        if (verification is not null && !EvidenceVerification.All.Contains(verification))
        {
            r.Problem("verification", $"must be one of {string.Join(", ", EvidenceVerification.All)}");
        }

        if (verification is not null && (mean is not null || sd is not null) && !EvidenceVerification.ShowsNumbers(verification))
        {
            r.Problem("meanPercentMvic", $"a % MVIC number may only be given when verification is verified, not \"{verification}\"");
        }

        if ((mean is null) != (sd is null))
        {
            r.Problem("sdPercentMvic", "mean and SD come together");
        }

        if (verification is not null && EvidenceVerification.ShowsNumbers(verification) && mean is null)
        {
            r.Problem("meanPercentMvic", "a verified finding must give its number (or use ranking-only)");
        }

        return citation is null || muscle is null || note is null || verification is null
            ? null
            : new ExerciseEvidence(citation, muscle, mean, sd, note, verification) { StudyId = studyId };
    }

    private static ExerciseVariant? ReadVariant(ExerciseJsonReader? r)
    {
        if (r is null)
        {
            return null;
        }

        var name = r.Text("name");
        var description = r.Text("description");
        return name is null || description is null ? null : new ExerciseVariant(name, description);
    }

    private static Illustration? ReadIllustration(ExerciseJsonReader? r)
    {
        if (r is null)
        {
            return null;
        }

        var width = r.OptionalNumber("width") ?? r.Problem<double?>("width", "is required");
        var height = r.OptionalNumber("height") ?? r.Problem<double?>("height", "is required");
        var alt = r.Text("altText");
        var shapes = new List<Shape>();
        var index = 0;
        foreach (var s in r.Objects("shapes"))
        {
            var shape = ReadShape(s, width ?? 0, height ?? 0);
            if (shape is not null)
            {
                shapes.Add(shape);
            }

            index++;
        }

        if (index > 0 && !shapes.Any(s => s.Role == ShapeRole.WorkingLimb))
        {
            r.Problem("shapes", "needs a working-limb shape");
        }

        if (index > 0 && !shapes.Any(s => s.Role == ShapeRole.Arrow))
        {
            r.Problem("shapes", "needs an arrow showing the movement");
        }

        return width is null || height is null || alt is null || shapes.Count != index || shapes.Count == 0
            ? null
            : new Illustration(width.Value, height.Value, shapes, alt);
    }

    private static Shape? ReadShape(ExerciseJsonReader r, double width, double height)
    {
        var roleText = r.Text("role");
        ShapeRole? role = roleText switch
        {
            "body" => ShapeRole.Body,
            "working" => ShapeRole.WorkingLimb,
            "support" => ShapeRole.SupportLimb,
            "ground" => ShapeRole.Ground,
            "equipment" => ShapeRole.Equipment,
            "arrow" => ShapeRole.Arrow,
            null => null,
            _ => r.Problem<ShapeRole?>("role", "must be body, working, support, ground, equipment or arrow"),
        };
        double? X(string field) => r.Coordinate(field, width);
        double? Y(string field) => r.Coordinate(field, height);
        switch (r.Text("kind"))
        {
            case "line":
                var (x1, y1, x2, y2, w) = (X("x1"), Y("y1"), X("x2"), Y("y2"), r.OptionalNumber("width"));
                return role is null || x1 is null || y1 is null || x2 is null || y2 is null || w is null
                    ? null
                    : new LineShape(role.Value, x1.Value, y1.Value, x2.Value, y2.Value, w.Value);
            case "circle":
                var (cx, cy, radius) = (X("cx"), Y("cy"), r.OptionalNumber("r"));
                return role is null || cx is null || cy is null || radius is null
                    ? null
                    : new CircleShape(role.Value, cx.Value, cy.Value, radius.Value);
            case "polyline":
                var points = r.Points("points", width, height);
                var pw = r.OptionalNumber("width");
                var closed = r.Bool("closed");
                return role is null || points is null || pw is null || closed is null
                    ? null
                    : new PolylineShape(role.Value, points, pw.Value, closed.Value);
            case null:
                return null;
            default:
                r.Problem("kind", "must be line, circle or polyline");
                return null;
        }
    }
}
