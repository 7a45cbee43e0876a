using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;

namespace Rekindle.Web.Data;

/// <summary>
/// The one model of the app. Each provider has a subclass only so that it can keep its own
/// migrations; entities and their configuration live with their feature.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityUserContext<Member, Guid>(options)
{
    public DbSet<Couple> Couples => Set<Couple>();

    public DbSet<CoupleMember> CoupleMembers => Set<CoupleMember>();

    public DbSet<CoupleInvite> CoupleInvites => Set<CoupleInvite>();

    public DbSet<UsedTotpStep> UsedTotpSteps => Set<UsedTotpStep>();

    public DbSet<MemberSession> MemberSessions => Set<MemberSession>();

    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();

    public DbSet<Features.Understand.CheckAttempt> CheckAttempts => Set<Features.Understand.CheckAttempt>();

    public DbSet<Features.Understand.MapShare> MapShares => Set<Features.Understand.MapShare>();

    public DbSet<Features.Understand.PlanTick> PlanTicks => Set<Features.Understand.PlanTick>();

    public DbSet<MemberPreferences> MemberPreferences => Set<MemberPreferences>();

    public DbSet<Features.Talk.DailyQuestion> DailyQuestions => Set<Features.Talk.DailyQuestion>();

    public DbSet<Features.Talk.DailyAnswer> DailyAnswers => Set<Features.Talk.DailyAnswer>();

    public DbSet<Features.Talk.CoupleQuestion> CoupleQuestions => Set<Features.Talk.CoupleQuestion>();

    public DbSet<Features.Talk.QuestionMute> QuestionMutes => Set<Features.Talk.QuestionMute>();

    public DbSet<Features.Talk.CheckIn> CheckIns => Set<Features.Talk.CheckIn>();

    public DbSet<Features.Talk.Conversation> Conversations => Set<Features.Talk.Conversation>();

    public DbSet<Features.TimeTogether.CustomIdea> CustomIdeas => Set<Features.TimeTogether.CustomIdea>();

    public DbSet<Features.TimeTogether.DatePlan> DatePlans => Set<Features.TimeTogether.DatePlan>();

    public DbSet<Features.TimeTogether.DateReflection> DateReflections => Set<Features.TimeTogether.DateReflection>();

    public DbSet<Features.TimeTogether.OurEvening> OurEvenings => Set<Features.TimeTogether.OurEvening>();

    public DbSet<Features.TimeTogether.CalendarFeed> CalendarFeeds => Set<Features.TimeTogether.CalendarFeed>();

    public DbSet<Features.Spontaneity.AppreciationNote> AppreciationNotes => Set<Features.Spontaneity.AppreciationNote>();

    public DbSet<Features.Intimacy.CustomDesire> CustomDesires => Set<Features.Intimacy.CustomDesire>();

    public DbSet<Features.Intimacy.CheckInFirst> CheckInFirsts => Set<Features.Intimacy.CheckInFirst>();

    public DbSet<Features.Intimacy.StageReady> StageReadies => Set<Features.Intimacy.StageReady>();

    public DbSet<Features.Intimacy.TouchLog> TouchLogs => Set<Features.Intimacy.TouchLog>();

    public DbSet<Features.SelfCare.SelfCareLog> SelfCareLogs => Set<Features.SelfCare.SelfCareLog>();

    public DbSet<Features.SelfCare.SelfCareGoal> SelfCareGoals => Set<Features.SelfCare.SelfCareGoal>();

    public DbSet<Features.SelfCare.SelfCareShare> SelfCareShares => Set<Features.SelfCare.SelfCareShare>();

    public DbSet<Features.Repair.Incident> Incidents => Set<Features.Repair.Incident>();

    public DbSet<Features.Repair.IncidentEntry> IncidentEntries => Set<Features.Repair.IncidentEntry>();

    public DbSet<Features.Repair.Grudge> Grudges => Set<Features.Repair.Grudge>();

    public DbSet<Features.Repair.Apology> Apologies => Set<Features.Repair.Apology>();

    public DbSet<Features.Betrayal.Betrayal> Betrayals => Set<Features.Betrayal.Betrayal>();

    public DbSet<Features.Betrayal.BetrayalEntry> BetrayalEntries => Set<Features.Betrayal.BetrayalEntry>();

    public DbSet<Infrastructure.Privacy.AnswerSet> AnswerSets => Set<Infrastructure.Privacy.AnswerSet>();

    public DbSet<Infrastructure.Jobs.Notice> Notices => Set<Infrastructure.Jobs.Notice>();

    public DbSet<Features.Push.PushDevice> PushDevices => Set<Features.Push.PushDevice>();

    public DbSet<Features.Guided.ProgramRun> ProgramRuns => Set<Features.Guided.ProgramRun>();

    public DbSet<Features.Guided.ProgramWeek> ProgramWeeks => Set<Features.Guided.ProgramWeek>();

    public DbSet<Features.Guided.ProgramNudgeSettings> ProgramNudgeSettings => Set<Features.Guided.ProgramNudgeSettings>();

    public DbSet<Features.Practice.ProfessionalConnection> ProfessionalConnections => Set<Features.Practice.ProfessionalConnection>();

    public DbSet<Features.Practice.ConnectionCode> ConnectionCodes => Set<Features.Practice.ConnectionCode>();

    public DbSet<Features.Practice.ConnectionConsent> ConnectionConsents => Set<Features.Practice.ConnectionConsent>();

    public DbSet<Features.Practice.Homework> Homework => Set<Features.Practice.Homework>();

    public DbSet<Features.Practice.HomeworkDone> HomeworkDone => Set<Features.Practice.HomeworkDone>();

    public DbSet<Features.Practice.SessionItem> SessionItems => Set<Features.Practice.SessionItem>();

    public DbSet<Features.Operator.RegistrationSetting> RegistrationSettings => Set<Features.Operator.RegistrationSetting>();

    public DbSet<Features.Operator.AllowedEmail> AllowedEmails => Set<Features.Operator.AllowedEmail>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // We store UTC only; SQLite hands DateTime back without a kind, so we put it back.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();

        // A SealedText property is stored as its envelope; declaring the type is all a feature does.
        configurationBuilder.Properties<Infrastructure.Sealing.SealedText>().HaveConversion<Infrastructure.Sealing.SealedTextConverter>();
    }

    // Internal, not private: the compiled models (Data/Generated/*/CompiledModels) create it.
    internal sealed class UtcDateTimeConverter()
        : ValueConverter<DateTime, DateTime>(
            v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v, DateTimeKind.Utc),
            v => DateTime.SpecifyKind(v, DateTimeKind.Utc)
        );
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
