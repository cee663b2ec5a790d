using HipCheck.Core.Risk;
using HipCheck.Web.Account;
using HipCheck.Web.Articles;
using HipCheck.Web.Athletes;
using HipCheck.Web.Audit;
using HipCheck.Web.Course;
using HipCheck.Web.Data;
using HipCheck.Web.Email;
using HipCheck.Web.Exercises;
using HipCheck.Web.Injuries;
using HipCheck.Web.Organisations;
using HipCheck.Web.Programmes;
using HipCheck.Web.Reports;
using HipCheck.Web.Screenings;
using HipCheck.Web.Studies;
using HipCheck.Web.Surveillance;
using HipCheck.Web.Teams;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.OpenApi;

namespace HipCheck.Web.Infrastructure;

public static class WebExtensions
{
    /// <summary>Everything the app needs, so Program.cs reads as a table of contents.</summary>
    public static IServiceCollection AddHipCheck(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddHipCheckData(configuration, environment);
        services.AddHipCheckOperations(configuration);
        services.AddHipCheckIdentity(configuration, environment);
        services.AddScoped<MemberService>();
        services.AddScoped<MemberDataExport>();
        services.AddScoped<AccountErasure>();
        services.AddHipCheckEmail(configuration);
        services.AddSingleton<CourseCatalogue>();
        services.AddScoped<CourseService>();
        services.AddScoped<OrganisationService>();
        services.AddScoped<AthleteService>();
        services.AddScoped<AthleteOwnerLinks>();
        services.AddScoped<AuditReader>();
        services.AddScoped<ScreeningRecorder>();
        services.AddSingleton<ScreeningWriter>();
        services.AddOptions<ScreeningCommitOptions>().Bind(configuration.GetSection("Screenings:GroupCommit")).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ScreeningGroupCommit>();
        services.AddHostedService(sp => sp.GetRequiredService<ScreeningGroupCommit>());
        services.AddScoped<ScreeningReporter>();
        services.AddOptions<ReportCacheOptions>().Bind(configuration.GetSection("ReportCache")).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReportCache>();
        services.AddScoped<InjuryService>();
        services.AddHipCheckSurveillance(configuration);
        services.AddScoped<StudyLocks>();
        services.AddScoped<StudyService>();
        services.AddScoped<StudyCohortBuilder>();
        services.AddScoped<StudyResearchExports>();
        services.AddScoped<StudyAnalysisService>();
        services.AddScoped<TeamOverview>();
        services.AddScoped<HipCheck.Web.Import.TeamImporter>();
        services.AddScoped<ThresholdSettings>();
        services.AddScoped<ProgrammeService>();
        services.AddScoped<ExerciseVideos>();
        services.AddOptions<MediaOptions>().Bind(configuration.GetSection("Media")).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(_ => LoadCatalogue(configuration));
        services.AddScoped<DemoSeeder>();
        services.AddScoped<ArticleService>();
        services.AddScoped<ArticleSeeder>();
        services.AddCommentRateLimit(configuration);
        services.AddAuthRateLimits(configuration);
        services.AddRequestBodyLimits(configuration);

        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Athletes");
            options.Conventions.AuthorizeFolder("/Screenings");
            options.Conventions.AuthorizeFolder("/Teams");
            options.Conventions.AuthorizeFolder("/Settings");
            options.Conventions.AuthorizeFolder("/Injuries");
            options.Conventions.AuthorizeFolder("/Studies");
            options.Conventions.AuthorizeFolder("/Programmes");
            // The member area and the course: a visitor is sent to log in (or register) and brought back.
            options.Conventions.AuthorizeFolder("/Members");
        });
        // A number is a JSON number: "12" in quotes is refused, like any other text where a number belongs.
        services.Configure<JsonOptions>(o => o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions.TryAdd("traceId", c.HttpContext.TraceIdentifier));
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "HipCheck API";
            document.Info.Description = "Hip-strength screening for runners: athletes, screenings and their results. "
                + "Get a token from POST /api/auth/login and send it as 'Authorization: Bearer <token>'.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "Access token from POST /api/auth/login.",
            };
            return Task.CompletedTask;
        }).AddOperationTransformer((operation, context, _) =>
        {
            // Endpoints behind the API policy say so, so the reference page offers the token box.
            var needsToken = context.Description.ActionDescriptor.EndpointMetadata
                .OfType<IAuthorizeData>().Any(a => a.Policy == IdentityExtensions.ApiPolicy);
            if (needsToken)
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", context.Document)] = [] }];
                operation.Responses ??= new OpenApiResponses();
                operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid bearer token." });
            }

            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>
    /// The evidence catalogue shipped with Core, or an organisation's own file at <c>Risk:CataloguePath</c>.
    /// A malformed catalogue throws here, at start-up (Program resolves it before serving), not on a report.
    /// </summary>
    private static EvidenceCatalogue LoadCatalogue(IConfiguration configuration) =>
        configuration["Risk:CataloguePath"] is { Length: > 0 } path
            ? EvidenceCatalogue.Parse(File.ReadAllText(path))
            : EvidenceCatalogue.Load();

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        return app;
    }
}

internal sealed class DatabaseHealthCheck(HipCheckDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        !await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Unhealthy("The database cannot be reached.")
            : !await db.Database.IsMigratedAsync(cancellationToken)
                ? HealthCheckResult.Unhealthy("The database has pending migrations: run 'HipCheck.Web migrate'.")
                : HealthCheckResult.Healthy();
}
