using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HipCheck.Web.Account;

public sealed record RegisterRequest(string? Email, string? Password, string? Role);

public sealed record LoginRequest(string? Email, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record RegisteredResponse(string Id, string Email, string Role);

/// <summary>
/// Token endpoints for scripts: the request and response shapes of ASP.NET Core Identity's API endpoints
/// (<c>accessToken</c>, <c>refreshToken</c>, <c>expiresIn</c>), plus a role at registration. Login counts
/// failures towards lockout (TRUST.md: 5 failures lock the account for 5 minutes).
/// </summary>
public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/auth").WithTags("Account").AllowAnonymous();

        group.MapPost("/register", async Task<Results<Created<RegisteredResponse>, ValidationProblem>> (
            RegisterRequest request, MemberService members, HipCheck.Web.Email.AccountEmails emails, HttpContext context) =>
        {
            var (user, errors) = await members.RegisterAsync(request.Email, request.Password, request.Role);
            if (user is null)
            {
                return TypedResults.ValidationProblem(errors);
            }

            await emails.SendConfirmationAsync(user, context);
            var role = Roles.ParseSelfService(request.Role)!;
            return TypedResults.Created((string?)null, new RegisteredResponse(user.Id, user.Email!, role.ToLowerInvariant()));
        })
        .RequireRateLimiting(AuthRateLimits.RegisterPolicy)
        .WithSummary("Register a member")
        .WithDescription("Creates an account with the role runner (default), coach or researcher.");

        group.MapPost("/login", async Task<Results<EmptyHttpResult, ProblemHttpResult>> (
            LoginRequest request, SignInManager<AppUser> signIn) =>
        {
            signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
            var result = await signIn.PasswordSignInAsync(request.Email ?? "", request.Password ?? "", isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                // The bearer handler has written { tokenType, accessToken, expiresIn, refreshToken }.
                return TypedResults.Empty;
            }

            return TypedResults.Problem(
                result.IsLockedOut ? "Too many failed attempts: the account is locked for a few minutes." : "Wrong email or password.",
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Login failed");
        })
        .RequireRateLimiting(AuthRateLimits.LoginPolicy)
        .Produces<AccessTokenResponse>()
        .WithSummary("Get a bearer token")
        .WithDescription("Answers { tokenType, accessToken, expiresIn, refreshToken }. Send the access token as 'Authorization: Bearer ...'.");

        group.MapPost("/refresh", async Task<Results<SignInHttpResult, UnauthorizedHttpResult>> (
            RefreshRequest request, SignInManager<AppUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock) =>
        {
            var ticket = string.IsNullOrEmpty(request.RefreshToken)
                ? null
                : bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
            if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
                || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
            {
                return TypedResults.Unauthorized();
            }

            var principal = await signIn.CreateUserPrincipalAsync(user);
            return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
        })
        .Produces<AccessTokenResponse>()
        .WithSummary("Exchange a refresh token for a new access token");

        return group;
    }
}
