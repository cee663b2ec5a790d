using HipCheck.Core.Training;
using HipCheck.Web.Exercises;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HipCheck.Web.Pages.Exercises;

/// <summary>The exercise library, open to everyone.</summary>
public sealed class IndexModel(ExerciseVideos videos) : PageModel
{
    public IReadOnlyList<Exercise> Exercises => ExerciseLibrary.All;

    public IReadOnlyDictionary<string, ExerciseVideo> Videos { get; private set; } = new Dictionary<string, ExerciseVideo>();

    public async Task OnGetAsync(CancellationToken ct) => Videos = await videos.AllAsync(ct);
}
