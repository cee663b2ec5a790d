using HipCheck.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace HipCheck.Web.Account;

public static class IdentityExtensions
{
    /// <summary>Authorization policy of the JSON API: bearer tokens only (scripts and tools), no cookies.</summary>
    public const string ApiPolicy = "api";

    /// <summary>
    /// Policy of members-only downloads (PDFs): a bearer token or the page cookie, since a link on a page is
    /// followed with the cookie. Unauthenticated requests get 401, as on the API, not a login redirect.
    /// </summary>
    public const string MemberPolicy = "member";

    private const string MemberScheme = "cookie-or-bearer";

    /// <summary>
    /// Identity with two ways in: a cookie for the server-rendered pages and a bearer token for the API
    /// (the token format of Identity's own API endpoints). Lockout and password rules follow TRUST.md.
    /// </summary>
    public static IServiceCollection AddHipCheckIdentity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddPolicyScheme(MemberScheme, "Cookie or bearer token", options =>
            {
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? IdentityConstants.BearerScheme
                        : IdentityConstants.ApplicationScheme;
                options.ForwardChallenge = IdentityConstants.BearerScheme;
                options.ForwardForbid = IdentityConstants.BearerScheme;
            })
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/Account/Login";
            cookie.LogoutPath = "/Account/Logout";
            cookie.AccessDeniedPath = "/Account/AccessDenied";
            cookie.Cookie.Name = "hipcheck.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            // Secure outside Development (TRUST.md, ASVS 3.4.1); Development may run on plain http.
            cookie.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
        });

        // A password change (or reset) renews the security stamp; every other session's cookie is re-checked against
        // it at most this long after it was issued or last checked, and refused when the stamp no longer matches
        // (TRUST.md, ASVS 3.3.x). Identity's default is 30 minutes; ours is 1 minute, a lookup per session a minute.
        // Identity:SecurityStampValidationInterval (a TimeSpan) changes it; the tests set 0 (check every request).
        var stampInterval = configuration.GetValue("Identity:SecurityStampValidationInterval", TimeSpan.FromMinutes(1));
        if (stampInterval < TimeSpan.Zero)
        {
            throw new InvalidOperationException("Identity:SecurityStampValidationInterval cannot be negative.");
        }

        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = stampInterval);

        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<HipCheckDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.BearerScheme)
                .RequireAuthenticatedUser())
            .AddPolicy(MemberPolicy, policy => policy
                .AddAuthenticationSchemes(MemberScheme)
                .RequireAuthenticatedUser());
        return services;
    }

    /// <summary>Creates the roles if they are missing; idempotent, run at start-up.</summary>
    public static async Task EnsureRolesAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
