using HipCheck.Core.Risk;
using HipCheck.Web.Account;
using HipCheck.Web.Articles;
using HipCheck.Web.Athletes;
using HipCheck.Web.Audit;
using HipCheck.Web.Course;
using HipCheck.Web.Data;
using HipCheck.Web.Exercises;
using HipCheck.Web.Fhir;
using HipCheck.Web.Import;
using HipCheck.Web.Infrastructure;
using HipCheck.Web.Injuries;
using HipCheck.Web.Organisations;
using HipCheck.Web.Programmes;
using HipCheck.Web.Screenings;
using HipCheck.Web.Studies;
using HipCheck.Web.Surveillance;
using HipCheck.Web.Teams;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHipCheck(builder.Configuration, builder.Environment);

var app = builder.Build();

// Fail at start-up, not on the first report, when the evidence catalogue is malformed.
app.Services.GetRequiredService<EvidenceCatalogue>();
// ... and when a course lesson is.
app.Services.GetRequiredService<CourseCatalogue>();

// "HipCheck.Web migrate": apply the migrations and stop, for operators who migrate before a rollout
// and run the instances with Database:MigrateOnStart=false.
if (args.Contains("migrate", StringComparer.Ordinal))
{
    await app.Services.MigrateDatabaseAsync();
    app.Logger.LogInformation("Database migrated.");
    return;
}

if (app.Configuration.GetValue("Database:MigrateOnStart", defaultValue: true))
{
    await app.Services.MigrateDatabaseAsync();
}

await app.Services.EnsureRolesAsync();
await app.SeedDemoAsync();
await app.Services.SeedArticlesAsync();

app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestBodyLimits();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapOpenApi();
// /scalar gets its own relaxed CSP (inline script), see SecurityHeaders.ScalarContentSecurityPolicy.
app.MapScalarApiReference(SecurityHeaders.ScalarPath, options => options.WithTitle("HipCheck API").DisableDefaultFonts()); // no fonts from fonts.scalar.com: CDN-free
app.MapHealth();
app.MapAuthApi();
app.MapAthletesApi();
app.MapScreeningsApi();
app.MapInjuriesApi();
app.MapFhirApi();
app.MapCheckinsApi();
app.MapExposureApi();
app.MapTeamsApi();
app.MapImportsApi();
app.MapStudiesApi();
app.MapStudyExportsApi();
app.MapThresholdsApi();
app.MapProgrammesApi();
app.MapExercisesApi();
app.MapArticlesApi();
app.MapAuditApi();
app.MapMeApi();
app.MapFallback("/api/{**path}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such API endpoint."));

app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("HipCheck is listening on {Urls}", string.Join(", ", app.Urls)));

await app.RunAsync();
