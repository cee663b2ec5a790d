using HipCheck.Web.Account;
using HipCheck.Web.Articles;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HipCheck.Web.Pages.Articles;

public sealed class IndexModel(ArticleService articles) : PageModel
{
    public IReadOnlyList<Article> Articles { get; private set; } = [];

    public bool IsEditor => User.IsInRole(Roles.Admin);

    public async Task OnGetAsync(CancellationToken ct) => Articles = await articles.ListAsync(ct);
}
