using System.Text.Json.Nodes;
using HipCheck.Core.Surveillance;

namespace HipCheck.Core.Tests.Surveillance;

public class OstrcInstrumentTests
{
    [Fact]
    public void The_shipped_wording_has_the_runner_areas_and_four_items_of_four_answers()
    {
        var instrument = OstrcInstrument.Default;

        Assert.Equal(["lower-back", "hip-groin", "thigh", "knee", "lower-leg", "ankle", "foot"], instrument.Areas.Select(a => a.Code));
        Assert.Equal(["L", "G", "T", "K", "Q", "A", "F"], instrument.Areas.Select(a => a.Osiics));
        Assert.Equal(["participation", "training-modified", "performance-affected", "pain"], instrument.Items.Select(i => i.Code));
        Assert.Equal([1, 2, 3, 4], instrument.Items.Select(i => i.Number));
        Assert.All(instrument.Items, i => Assert.Equal(4, i.Answers.Count));
        Assert.Equal("G", instrument.FindArea("hip-groin")!.Osiics);
        Assert.Null(instrument.FindArea("shoulder"));
    }

    [Fact]
    public void A_study_can_load_its_own_wording()
    {
        var json = JsonNode.Parse(OstrcInstrument.ReadEmbeddedJson())!;
        json["version"] = "study-42-nb-1";
        json["language"] = "nb";
        json["areas"] = new JsonArray(new JsonObject { ["code"] = "knee", ["osiics"] = "K", ["name"] = "Kne" });
        json["items"]![3]!["question"] = "Hvor vondt?";

        var instrument = OstrcInstrument.Parse(json.ToJsonString());

        Assert.Equal("study-42-nb-1", instrument.Version);
        Assert.Equal("Kne", Assert.Single(instrument.Areas).Name);
        Assert.Equal("Hvor vondt?", instrument.Items[3].Question);
    }

    [Fact]
    public void Invalid_wording_is_refused_with_every_problem_and_its_path()
    {
        var json = JsonNode.Parse(OstrcInstrument.ReadEmbeddedJson())!;
        json["areas"]![1]!["code"] = "lower-back";
        json["areas"]![2]!["osiics"] = "Y";
        json["areas"]![3]!["code"] = "Knee Cap";
        json["items"]![1]!["code"] = "pain";
        json["items"]![2]!["answers"] = new JsonArray("a", "b", "c");
        json["items"]![0]!["answers"]![1] = " ";
        json.AsObject().Remove("instructions");

        var e = Assert.Throws<InvalidInstrumentException>(() => OstrcInstrument.Parse(json.ToJsonString()));

        Assert.Equal(
        [
            "$.instructions: is required (non-empty text)",
            "$.areas[1].code: 'lower-back' appears twice",
            "$.areas[2].osiics: 'Y' is not one of L, G, T, K, Q, A, F, Z, X",
            "$.areas[3].code: 'Knee Cap' must be lower-case words joined by hyphens (e.g. hip-groin)",
            "$.items[0].answers[1]: must be non-empty text",
            "$.items[1].code: must be 'training-modified' (the items have a fixed order), found 'pain'",
            "$.items[2].answers: must be an array of exactly 4 answers, least affected first",
        ], e.Problems);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"version\":\"1\",\"language\":\"en\",\"instructions\":\"x\",\"areas\":[],\"items\":[]}")]
    public void Malformed_documents_are_refused(string json) =>
        Assert.NotEmpty(Assert.Throws<InvalidInstrumentException>(() => OstrcInstrument.Parse(json)).Problems);
}
