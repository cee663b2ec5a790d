using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HipCheck.Web.Account;

public sealed record DeleteAccountRequest(string? Password);

/// <summary>A member's own data: download all of it, or delete the account (GDPR Art. 15, 17, 20).</summary>
public static class MeApi
{
    public const string ExportFileName = "hipcheck-my-data.zip";

    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder routes)
    {
        // Cookie or bearer: the member area links to it, so a signed-in browser downloads it directly.
        routes.MapGet("/api/me/export", async Task<Results<FileStreamHttpResult, UnauthorizedHttpResult>> (
            ClaimsPrincipal principal, UserManager<AppUser> users, MemberDataExport export, HttpContext http, CancellationToken ct) =>
        {
            if (await users.GetUserAsync(principal) is not { } user)
            {
                return TypedResults.Unauthorized();
            }

            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.File(await export.CreateAsync(user, ct), "application/zip", ExportFileName);
        })
        .WithTags("Account")
        .RequireAuthorization(IdentityExtensions.MemberPolicy)
        .RequireConfirmedEmail()
        .Produces(StatusCodes.Status200OK, contentType: "application/zip")
        .WithSummary("Download all your data")
        .WithDescription("One ZIP: data.json with everything (profile, athletes, screenings with trials, injuries, programmes and sessions, "
            + "consents, studies, comments, course progress), one CSV per table and a README.txt describing the files. Needs a confirmed email.");

        routes.MapDelete("/api/me", async Task<Results<NoContent, UnauthorizedHttpResult, ProblemHttpResult>> (
            [FromBody] DeleteAccountRequest request, ClaimsPrincipal principal, UserManager<AppUser> users, AccountErasure erasure, CancellationToken ct) =>
        {
            if (await users.GetUserAsync(principal) is not { } user)
            {
                return TypedResults.Unauthorized();
            }

            var result = await erasure.EraseAsync(user, request?.Password, ct);
            return result.Outcome switch
            {
                ErasureOutcome.Erased => TypedResults.NoContent(),
                ErasureOutcome.WrongPassword => TypedResults.Problem("The password is not right: enter your current password to delete your account.",
                    statusCode: StatusCodes.Status403Forbidden, title: "Password required"),
                ErasureOutcome.EmailNotConfirmed => TypedResults.Problem(ConfirmedEmail.Detail, statusCode: StatusCodes.Status403Forbidden, title: ConfirmedEmail.Title),
                _ => TypedResults.Problem(AccountErasureMessages.RunsStudies, statusCode: StatusCodes.Status409Conflict, title: "You run studies"),
            };
        })
        .WithTags("Account")
        .RequireAuthorization(IdentityExtensions.ApiPolicy)
        .WithSummary("Delete your account and your data")
        .WithDescription("Body { password }. Deletes your athletes and their health data, except study data whose recorded consent allows "
            + "retention after withdrawal (kept pseudonymised, enrolment withdrawn); your comments stay as 'Former member'. 204 when done.");
        return routes;
    }
}

public static class AccountErasureMessages
{
    public const string RunsStudies =
        "You run one or more studies: their data need a custodian. Ask an admin to transfer or close them, then delete your account.";
}
