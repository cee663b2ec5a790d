using System.Xml.Linq;
using HipCheck.Core.Training;

namespace HipCheck.Core.Tests.Training;

public class IllustrationSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static TheoryData<string> ExerciseIds => [.. ExerciseLibrary.All.Select(e => e.Id)];

    [Theory]
    [MemberData(nameof(ExerciseIds))]
    public void Every_illustration_renders_as_well_formed_svg_with_its_alt_text_as_title(string id)
    {
        var illustration = ExerciseLibrary.Find(id)!.Illustration;

        var svg = XDocument.Parse(IllustrationSvg.Render(illustration)).Root!;

        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("0 0 200 120", (string?)svg.Attribute("viewBox"));
        Assert.Equal(illustration.AltText, svg.Element(Svg + "title")!.Value);
        var drawn = svg.Elements().Where(e => e.Name != Svg + "title").ToList();
        Assert.Equal(illustration.Shapes.Count, drawn.Count);
        Assert.All(drawn, e =>
        {
            Assert.StartsWith("ill-", (string?)e.Attribute("class"), StringComparison.Ordinal);
            Assert.NotNull(e.Attribute(e.Name.LocalName == "circle" ? "fill" : "stroke"));
        });
        Assert.Contains(drawn, e => (string?)e.Attribute("class") == "ill-working");
    }

    [Fact]
    public void Shapes_map_to_elements_classes_and_default_colours()
    {
        var illustration = new Illustration(200, 120,
        [
            new LineShape(ShapeRole.Ground, 0, 110, 200, 110, 2),
            new LineShape(ShapeRole.WorkingLimb, 10, 20.5, 30.25, 40, 6),
            new CircleShape(ShapeRole.Body, 50, 50, 8),
            new PolylineShape(ShapeRole.Arrow, [(1, 2), (3, 4), (5, 6)], 2.5, Closed: true),
            new PolylineShape(ShapeRole.Equipment, [(1, 2), (3, 4)], 1, Closed: false),
        ], "A <test> & \"drawing\"");

        var svg = XDocument.Parse(IllustrationSvg.Render(illustration, "exercise-figure")).Root!;

        Assert.Equal("ill exercise-figure", (string?)svg.Attribute("class"));
        Assert.Equal("A <test> & \"drawing\"", svg.Element(Svg + "title")!.Value);
        var working = svg.Elements(Svg + "line").Single(e => (string?)e.Attribute("class") == "ill-working");
        Assert.Equal(("10", "20.5", "30.25", "40", "6", "round"),
            ((string?)working.Attribute("x1"), (string?)working.Attribute("y1"), (string?)working.Attribute("x2"),
             (string?)working.Attribute("y2"), (string?)working.Attribute("stroke-width"), (string?)working.Attribute("stroke-linecap")));
        Assert.Equal("#c2410c", (string?)working.Attribute("stroke"));
        Assert.Equal("1,2 3,4 5,6", (string?)svg.Element(Svg + "polygon")!.Attribute("points"));
        Assert.Equal("none", (string?)svg.Element(Svg + "polyline")!.Attribute("fill"));
        Assert.Equal("ill-body", (string?)svg.Element(Svg + "circle")!.Attribute("class"));
    }

    [Fact]
    public void Illustrations_with_the_same_data_are_equal()
    {
        Illustration Make() => new(200, 120, [new PolylineShape(ShapeRole.Arrow, [(1, 2), (3, 4)], 2, false)], "alt");

        Assert.Equal(Make(), Make());
        Assert.NotEqual(Make(), Make() with { AltText = "other" });
    }
}
