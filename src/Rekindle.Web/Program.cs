using Rekindle.Web.Components;
using Rekindle.Web.Components.Shared;
using Rekindle.Web.Data;
using Rekindle.Web.Features.About;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Betrayal;
using Rekindle.Web.Features.Guided;
using Rekindle.Web.Features.Home;
using Rekindle.Web.Features.Installable;
using Rekindle.Web.Features.Intimacy;
using Rekindle.Web.Features.MyData;
using Rekindle.Web.Features.Operator;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Practice;
using Rekindle.Web.Features.Progress;
using Rekindle.Web.Features.Push;
using Rekindle.Web.Features.Repair;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Features.SelfCare;
using Rekindle.Web.Features.Spontaneity;
using Rekindle.Web.Features.Support;
using Rekindle.Web.Features.Talk;
using Rekindle.Web.Features.TimeTogether;
using Rekindle.Web.Features.Understand;
using Rekindle.Web.Infrastructure.Api;
using Rekindle.Web.Infrastructure.Backup;
using Rekindle.Web.Infrastructure.Email;
using Rekindle.Web.Infrastructure.Hosting;
using Rekindle.Web.Infrastructure.Jobs;
using Rekindle.Web.Infrastructure.Keys;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;
using Rekindle.Web.Infrastructure.Security;

// First, before any host: the container's health probe (fast: no settings, no database), then one plain line, not a
// stack trace, for any bad setting met while building, loading, migrating or starting (decisions/0045, point 8).
if (HealthcheckCommand.Matches(args))
{
    Environment.ExitCode = await HealthcheckCommand.RunAsync(args, Console.Out);
    return;
}

StartupErrors.ExplainBadSettings();

// Content beside the app when the working directory has none (the published app started from anywhere).
var builder = WebApplication.CreateBuilder(ContentRoot.Options(args));

builder.AddInstance();
builder.AddLanguages();
builder.AddOperations();
builder.AddKeys();
builder.AddData();
builder.AddKeyStore();
builder.AddSealing();
builder.AddEmail();
builder.AddRequestLimits();
builder.AddGuessLimits();
builder.AddAccount();
builder.AddApi();
builder.AddCookieNames();
builder.AddPairing();
builder.AddQuickExit();
builder.AddResting();
builder.AddMyData();
builder.AddUnderstand();
builder.AddGuided();
builder.AddTalk();
builder.AddTimeTogether();
builder.AddSpontaneity();
builder.AddIntimacy();
builder.AddSelfCare();
builder.AddRepair();
builder.AddBetrayal();
builder.AddPractice();
builder.AddOperator();
builder.AddAdmin();
builder.AddSupport();
builder.AddProgress();
builder.AddHome();
builder.AddJobs();
builder.AddBackups();
builder.AddPush();
builder.AddNudges();
builder.AddSafetyResources();
builder.AddAbout();
builder.AddSecurityTxt();

builder.Services.AddRazorComponents();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddScoped<RedirectManager>();

var app = builder.Build();
app.CheckSettings();

app.LoadKeys();
app.LoadUnderstandContent();
app.LoadGuidedContent();
app.LoadTalkContent();
app.LoadTimeTogetherContent();
app.LoadSpontaneityContent();
app.LoadIntimacyContent();
app.LoadSupportContent();
app.LoadRepairContent();
app.LoadBetrayalContent();
if (await app.RunBeforeMigrationsAsync(args))
{
    return;
}

await app.MigrateDatabaseAsync();
await app.MigrateKeyStoreAsync();
await app.MakePushKeysAsync();
if (await app.RunAfterMigrationsAsync(args))
{
    return;
}

// First: the visitor's address and scheme, from a trusted proxy only.
app.UseOperations();
app.UseHttpsOnly();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
}

// A fresh scope for the error page: a component that called NavigationManager.NotFound() already used this request's.
app.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true);
app.UseSecurityHeaders();
app.UseApi();
app.UseRequestLimits();
app.UseRateLimiter();
app.UseAuthentication();
app.UseLanguages();
app.UseProfessionalGuard();
app.UseAdminGuard();
app.UseAuthorization();
app.UseFormGuard();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapData();
app.MapBench();
app.MapAccount();
app.MapApi();
app.MapQuickExit();
app.MapMyData();
app.MapSecurityTxt();
app.MapInstallable();
app.MapTimeTogether();
app.MapTalk();
app.MapSupport();
app.MapPracticeView();
app.MapPracticeOidc();
app.MapRazorComponents<App>();

await app.RunAsync();

/// <summary>Entry point; public so tests can host the app.</summary>
public partial class Program;
