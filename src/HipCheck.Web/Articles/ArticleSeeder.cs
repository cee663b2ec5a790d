using HipCheck.Core.Articles;

namespace HipCheck.Web.Articles;

/// <summary>
/// The articles HipCheck ships with, written by us from the studies in DOMAIN.md. Seeded in every environment
/// on start-up; an article whose slug exists is left alone, so editors' changes survive restarts.
/// </summary>
public sealed class ArticleSeeder(ArticleService articles, ILogger<ArticleSeeder> log)
{
    public const string BackPainSlug = "hip-extensor-imbalance-and-low-back-pain-in-runners";
    public const string KneePainSlug = "hip-strength-and-knee-pain-in-runners";

    private static readonly DateOnly Published = new(2026, 11, 26);

    public static IReadOnlyList<ArticleEntry> Shipped { get; } =
    [
        new(
            "Is one weaker hip behind your low back pain?",
            BackPainSlug,
            "HipCheck editorial team",
            Published,
            "A handful of small studies link a left-right gap in hip extensor strength to low back pain, mostly in women. "
                + "Here is what they measured, what they did not show, and how to check your own hips.",
            BackPainBody,
            [
                new("Kankaanpää M, et al.", 1998, "Back and hip extensor fatigability in chronic low back pain patients and controls",
                    "Archives of Physical Medicine and Rehabilitation 79(4):412-417", null),
                new("Nadler SF, et al.", 2000, "The relationship between lower extremity injury, low back pain, and hip muscle strength in male and female collegiate athletes",
                    "Clinical Journal of Sport Medicine 10(2):89-97", null),
                new("Nadler SF, et al.", 2001, "Relationship between hip muscle imbalance and occurrence of low back pain in collegiate athletes: a prospective study",
                    "American Journal of Physical Medicine & Rehabilitation 80(8):572-577", null),
                new("Nadler SF, et al.", 2002, "Hip muscle imbalance and low back pain in athletes: influence of core strengthening",
                    "Medicine & Science in Sports & Exercise 34(1):9-16", null),
                new("Biering-Sørensen F", 1984, "Physical measurements as risk indicators for low-back trouble over a one-year period",
                    "Spine 9(2):106-119", "10.1097/00007632-198403000-00002"),
            ],
            [KneePainSlug]),
        new(
            "Hip strength and knee pain in runners: a mixed picture",
            KneePainSlug,
            "HipCheck editorial team",
            Published,
            "Weak hip abductors and external rotators turn up in runners with sore knees, yet prospective studies and a large "
                + "marathon trial disagree about prevention. A short tour of four studies.",
            KneePainBody,
            [
                new("Ireland ML, et al.", 2003, "Hip strength in females with and without patellofemoral pain",
                    "Journal of Orthopaedic & Sports Physical Therapy 33(11):671-676", null),
                new("Ramskov D, et al.", 2015, "High eccentric hip abduction strength reduces the risk of developing patellofemoral pain among novice runners initiating a self-structured running program: a 1-year observational study",
                    "Journal of Orthopaedic & Sports Physical Therapy 45(3):153-161", "10.2519/jospt.2015.5091"),
                new("Thijs Y, et al.", 2011, "Is hip muscle weakness a predisposing factor for patellofemoral pain in female novice runners? A prospective study",
                    "American Journal of Sports Medicine 39(9):1877-1882", null),
                new("Toresdahl BG, et al.", 2020, "A randomized study of a strength training program to prevent injuries in runners of the New York City Marathon",
                    "Sports Health 12(1):74-79", null),
            ],
            [BackPainSlug]),
    ];

    private const string BackPainBody = """
        Low back pain is hard to ignore: it follows you off the road and into the car, the office chair and bed. Most runners
        look at their back or their shoes first. A small line of research asks a different question: are the muscles that
        extend the hip, the glutes above all, strong enough, and are they equally strong on both sides?

        ## The first hint: a lab study of 35 women

        In 1998 a Finnish group (Kankaanpää and colleagues) compared 20 women who had had back pain for more than three
        months with 15 women without it. Each held a back extension against resistance while sensors recorded the back
        muscles and the gluteus maximus. The women with pain were weaker and gave up sooner, and their glutes tired faster
        than the controls'.

        That is interesting, and it is also all it can tell us. The measurements were taken *after* the pain began, so we
        cannot tell whether tired glutes led to a sore back or months of pain led to less use of the glutes. It was also a
        laboratory hold, not the prone "Sørensen" test you may have seen in a clinic.

        ## Athletes looking back on the past year

        Nadler and colleagues tested hip abductor and extensor strength in 210 university athletes (140 men, 70 women)
        at their pre-season physicals in 2000, and asked who had had low back pain or a leg injury in the year before.

        - Absolute hip strength did **not** differ between those with and without a history of pain.
        - In women, the side-to-side difference in maximum hip **extension** strength was larger in those who reported
          pain. In men it was not.

        This is again a look backwards: the strength was measured after the pain, so cause and effect stay tangled.

        ## Following healthy athletes forward

        The stronger design measures people while they are healthy and waits. In 2001 the same group tested 163 athletes
        (100 men, 63 women) before their season and followed them for a year. Thirteen needed treatment for low back pain
        that was not caused by a blow or a fall: 5 women and 8 men.

        In women, the percentage difference between right and left hip extensor strength was associated with who went on
        to have back pain (P = 0.05, right at the usual line). Absolute strength was not, the abductors were not, and in
        men nothing stood out. With only 5 events among the women, this is weak evidence: a hint worth testing, not a
        proven cause.

        ## What did not work, and what else is known

        - Adding a core-strengthening programme for the same university's athletes (Nadler 2002) did **not** change how
          often low back pain occurred. The idea is promising, not proven.
        - In a much larger Danish study of 928 adults (Biering-Sørensen 1984), people who could hold the unsupported
          back-extension position longer had fewer first episodes of back pain over a year, but only among men. The
          cut-off times often quoted for that test come from later summaries, not from the paper itself.

        ## What this means for you

        Put together, these are small studies, most of them retrospective, with few cases of pain and some null results.
        They do not prove that an uneven pair of hips causes back pain. They do make a left-right gap in hip extension
        strength a reasonable thing to check, especially for women whose back pain has not responded to other care, and
        the check is cheap.

        If your hips turn out uneven, a progressive programme that gives the weaker side extra work is low-risk and
        usually improves the gap. Whether it prevents back pain is exactly what larger prospective studies still need to
        show, and it is why HipCheck records screenings in a way that such studies can use.

        ## Check your own hips

        [Create a free account](/Account/Register?returnUrl=%2FAthletes), add your profile and record a hip screening with
        a dynamometer or a home field test. HipCheck shows the gap between your sides, names the weaker one and, if it is
        large, builds a programme around it. It informs; it does not diagnose, so see a health professional about
        persistent pain.
        """;

    private const string KneePainBody = """
        Patellofemoral pain, the ache around or behind the kneecap, is one of the most common complaints of runners. Many
        clinicians look at the hip for an answer, because weak hip abductors and external rotators may let the thigh turn
        inward as the foot lands.

        ## Weaker hips in people who already hurt

        Ireland and colleagues (2003) compared 15 girls and young women with patellofemoral pain with 15 matched controls.
        On the painful side, hip abduction was about 26 % weaker and external rotation about 36 % weaker. As with most
        case-control studies, the strength was measured once the pain was already there.

        ## Looking forward: two prospective studies that disagree

        - In 629 Danish novice runners followed for a year, those with higher eccentric hip abduction strength were less
          likely to develop patellofemoral pain after 25 and 50 km of running (Ramskov 2015).
        - In 77 women starting a 10-week running programme, hip strength did **not** differ between those who developed
          knee pain and those who did not (Thijs 2011).

        ## And a trial that found no prevention

        Toresdahl and colleagues (2020) randomised 720 first-time marathon runners to a 12-week strengthening programme
        for the quadriceps, hip abductors and core, or to their usual training. Overuse injuries that stopped runners from
        finishing were almost identical in the two groups (7.1 % and 7.3 %).

        ## The take-away

        Hip weakness is common in runners with sore knees, and strengthening helps many of them recover. Whether testing
        healthy runners predicts or prevents knee pain is far less certain. If you want to know where you stand,
        [join free](/Account/Register?returnUrl=%2FAthletes) and record a screening: HipCheck shows both sides and the gap
        between them, and says how strong the evidence behind each flag is.
        """;

    public async Task SeedAsync(CancellationToken ct = default)
    {
        foreach (var entry in Shipped)
        {
            if (await articles.FindAsync(entry.Slug!, ct) is not null)
            {
                continue;
            }

            var (_, errors) = await articles.SaveArticleAsync(entry, null, ct);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"Shipped article {entry.Slug}: {string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}"))}");
            }

            log.LogInformation("Published the shipped article {Slug}.", entry.Slug);
        }
    }
}

public static class ArticleSeederExtensions
{
    /// <summary>Publishes the shipped articles that are missing; idempotent, run at start-up in every environment.</summary>
    public static async Task SeedArticlesAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ArticleSeeder>().SeedAsync();
    }
}
