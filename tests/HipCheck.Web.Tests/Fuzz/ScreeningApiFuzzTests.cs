using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Fuzz;

/// <summary>
/// Random and hostile bodies POSTed to the screening API: random JSON shapes, valid screenings with one part replaced
/// by anything, huge and tiny numbers, "NaN" strings, wrong types, deep nesting, broken and non-JSON text, unicode.
/// Every answer is 201 with a document the API serves back unchanged, or a 4xx problem document; never a 5xx.
/// </summary>
public class ScreeningApiFuzzTests : ApiTest
{
    public const int Cases = 2000;

    private static readonly string[] Keys = ["date", "bodyMassKg", "tests", "test", "unit", "left", "right", "seconds", "leverArmM", "x", "", "__proto__", "tests[0]"];

    private static readonly Gen<JsonNode?> Number = Gen.Elements<JsonNode?>(
        0, -0.0, 1, -1, 0.5, 205.5, 1e-300, 5e-324, 1e308, -1e308, double.MaxValue, long.MaxValue, long.MinValue, int.MaxValue, 1e15 + 0.3, 9.80665, 1999.9, 2000.1);

    private static readonly Gen<JsonNode?> Text = Gen.OneOf(
        Gen.Elements<JsonNode?>("", "NaN", "Infinity", "-Infinity", "1e999", "12", "N", "kgf", "lbf", "KGF", "s", "hip-extension", "hip-abduction",
            "back-extension-endurance", "single-leg-bridge", "hip-external-rotation", "2025-03-01", "2025-02-30", "2025-13-01", "0001-01-01",
            "9999-12-31", "01/03/2025", "<script>alert(1)</script>", "💥", "\u0000", "\uFEFF", "é", "null", "true"),
        ArbMap.Default.GeneratorFor<string>().Select(s => (JsonNode?)s));

    private static Gen<JsonNode?> AnyJson(int depth) => depth <= 0
        ? Gen.OneOf(Number, Text, Gen.Elements<JsonNode?>(null, true, false))
        : Gen.Frequency(
            (4, AnyJson(0)),
            (1, Gen.Choose(0, 6).SelectMany(n => AnyJson(depth - 1).ArrayOf(n)).Select(items => (JsonNode?)new JsonArray(items.Select(i => i?.DeepClone()).ToArray()))),
            (1, Gen.Choose(0, 6).SelectMany(n => Gen.Zip(Gen.Elements(Keys), AnyJson(depth - 1)).ArrayOf(n)).Select(Object)));

    private static JsonNode? Object((string Key, JsonNode? Value)[] members)
    {
        var o = new JsonObject();
        foreach (var (key, value) in members)
        {
            o[key] = value?.DeepClone();
        }

        return o;
    }

    private static readonly Gen<JsonObject> Valid =
        from left in Gen.Choose(500, 3000).Select(i => i / 10.0).ArrayOf(3)
        from right in Gen.Choose(500, 3000).Select(i => i / 10.0).ArrayOf(3)
        from seconds in Gen.Choose(1, 300)
        from unit in Gen.Elements("N", "kgf", "lbf")
        select Bodies.Screening("2025-03-01",
            Bodies.Force("hip-extension", unit, unit == "N" ? left : [.. left.Select(v => v / 20)], unit == "N" ? right : [.. right.Select(v => v / 20)]),
            Bodies.BackExtension(seconds));

    /// <summary>A valid screening with one node (found by a random walk) replaced by anything, or a member added or removed.</summary>
    private static readonly Gen<string> Mutated =
        from body in Valid
        from walk in Gen.Choose(0, 1000).ArrayOf(4)
        from replacement in AnyJson(2)
        from action in Gen.Choose(0, 2)
        select Mutate(body, walk, replacement, action);

    private static string Mutate(JsonObject body, int[] walk, JsonNode? shared, int action)
    {
        var replacement = shared?.DeepClone(); // generated nodes are shared between samples; a node has one parent
        JsonNode node = body;
        foreach (var step in walk)
        {
            JsonNode? next = node switch
            {
                JsonObject o when o.Count > 0 => o.ElementAt(step % o.Count).Value,
                JsonArray a when a.Count > 0 => a[step % a.Count],
                _ => null,
            };
            if (next is not (JsonObject or JsonArray) || step % 3 == 0)
            {
                // Act on this container.
                switch (node)
                {
                    case JsonObject o when action == 1 && o.Count > 0:
                        o.Remove(o.ElementAt(step % o.Count).Key);
                        break;
                    case JsonObject o:
                        o[action == 2 ? Keys[step % Keys.Length] : (o.Count > 0 ? o.ElementAt(step % o.Count).Key : "x")] = replacement;
                        break;
                    case JsonArray a when a.Count > 0:
                        a[step % a.Count] = replacement;
                        break;
                    case JsonArray a:
                        a.Add(replacement);
                        break;
                }

                return body.ToJsonString();
            }

            node = next;
        }

        return body.ToJsonString();
    }

    /// <summary>Text no serializer would write: invalid literals, deep nesting, truncation, duplicates, non-JSON.</summary>
    private static readonly Gen<string> Raw = Gen.OneOf(
        Gen.Elements(
            "", " ", "null", "[]", "\"x\"", "{", "}", "{\"date\":", "{\"date\":\"2025-03-01\",\"tests\":[{\"test\":\"hip-extension\",\"unit\":\"N\",\"left\":[NaN],\"right\":[1]}]}",
            "{\"date\":\"2025-03-01\",\"tests\":[{\"test\":\"hip-extension\",\"unit\":\"N\",\"left\":[1e400],\"right\":[1]}]}",
            "{\"date\":\"2025-03-01\",\"tests\":[{\"test\":\"hip-extension\",\"unit\":\"N\",\"left\":[-1e400],\"right\":[1]}]}",
            "{\"date\":\"2025-03-01\",\"bodyMassKg\":1e309,\"tests\":[]}", "{\"date\":\"2025-03-01\",\"date\":\"2025-03-02\",\"tests\":[]}",
            "{\"date\":\"2025-03-01\",\"tests\":[{\"test\":\"back-extension-endurance\",\"seconds\":Infinity}]}",
            "{'date':'2025-03-01'}", "{\"date\":\"2025-03-01\",}", "\uFEFF{}", "{\"tests\":[" + new string('1', 5000) + "]}",
            "<screening/>", "date=2025-03-01"),
        Gen.Choose(1, 3000).Select(depth => "{\"tests\":" + new string('[', depth) + new string(']', depth) + "}"),
        Gen.Choose(1, 3000).Select(depth => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)),
        from valid in Valid from cut in Gen.Choose(0, 400) select valid.ToJsonString()[..Math.Min(cut, valid.ToJsonString().Length)],
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""));

    private static readonly Gen<string> Body = Gen.Frequency(
        (5, Mutated),
        (2, AnyJson(4).Select(n => n?.ToJsonString() ?? "null")),
        (2, Raw),
        (1, Valid.Select(v => v.ToJsonString())));

    [Fact]
    public async Task Random_and_hostile_screening_bodies_answer_201_or_a_4xx_problem_never_500()
    {
        var runner = await App.RegisterAndLogin("ann@example.org");
        var athleteId = (await runner.CreateAthlete()).Id();
        var bodies = Gen.Sample(Body, Cases, 30);
        Assert.Equal(Cases, bodies.Length);
        var created = 0;
        var refused = new SortedDictionary<int, int>();
        foreach (var body in bodies)
        {
            using var response = await runner.PostRaw($"/api/athletes/{athleteId}/screenings", body);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var status = (int)response.StatusCode;
            var what = $"{status} for {Show(body)}: {text}";
            Assert.True(status < 500, what);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                created++;
                var document = JsonNode.Parse(text)!;
                var sent = JsonNode.Parse(body)!;
                Assert.Equal(sent["tests"]!.AsArray().Count, document["results"]!.AsArray().Count);
                var stored = JsonNode.Parse(await runner.GetStringAsync($"/api/screenings/{document["id"]}", TestContext.Current.CancellationToken))!;
                Assert.True(JsonNode.DeepEquals(document, stored), what);
                continue;
            }

            Assert.True(status is >= 400 and < 500, what);
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", what);
            var problem = JsonNode.Parse(text)!.AsObject();
            Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()), what);
            Assert.Equal(status, problem["status"]?.GetValue<int>());
            refused[status] = refused.GetValueOrDefault(status) + 1;
        }

        var listed = (await runner.GetOk($"/api/athletes/{athleteId}/screenings")).Items().Length;
        Assert.Equal(created, listed); // every refusal stored nothing
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"{Cases} random bodies: {created} created (each read back unchanged), refused {string.Join(", ", refused.Select(r => $"{r.Value} x {r.Key}"))}, 0 x 5xx");
        TestContext.Current.TestOutputHelper?.WriteLine(figures);
        Assert.True(created > 0 && refused.Count > 0, figures);
    }

    private static string Show(string body) =>
        System.Text.Json.JsonSerializer.Serialize(body.Length > 600 ? body[..600] + $"... ({Encoding.UTF8.GetByteCount(body)} bytes)" : body);
}
