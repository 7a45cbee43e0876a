namespace Rekindle.Web.Infrastructure.Sealing;

/// <summary>One sealed column's place name: the table and column bound into each of its values.</summary>
public readonly record struct SealedColumn(string Table, string Column)
{
    public SealPlace At(Guid rowId, KeyOwner owner) => new(Table, Column, rowId, owner);

    public override string ToString() => $"{Table}.{Column}";
}

/// <summary>
/// The place name of every sealed column, written once. Sealing binds these names into each value
/// (<see cref="Sealer"/>'s associated data), so they belong to the stored data, not to the code: they
/// must stay as they are when an entity, a table or a property is renamed, or every value already
/// stored there stops opening. <c>SealedPlacesTests</c> lists them literally and checks that every
/// sealed column of the model has one. Entities name theirs in <see cref="ISealedRecord.PlaceOf"/>.
/// </summary>
public static class SealedPlaces
{
    public static readonly SealedColumn AnswerSetAnswers = new("AnswerSets", "Answers");
    public static readonly SealedColumn MemberFirstName = new("AspNetUsers", "FirstName");
    public static readonly SealedColumn MemberSessionDevice = new("MemberSessions", "Device");
    public static readonly SealedColumn SecurityEventDevice = new("SecurityEvents", "Device");
    public static readonly SealedColumn DatePlanTitle = new("DatePlans", "Title");
    public static readonly SealedColumn DateReflectionRating = new("DateReflections", "Rating");
    public static readonly SealedColumn DateReflectionHighlight = new("DateReflections", "Highlight");
    public static readonly SealedColumn CalendarFeedToken = new("CalendarFeeds", "Token");
    public static readonly SealedColumn CustomIdeaTitle = new("CustomIdeas", "Title");
    public static readonly SealedColumn ConversationSummary = new("Conversations", "Summary");
    public static readonly SealedColumn DailyAnswerText = new("DailyAnswers", "Text");
    public static readonly SealedColumn DailyAnswerReply = new("DailyAnswers", "Reply");
    public static readonly SealedColumn CoupleQuestionText = new("CoupleQuestions", "Text");
    public static readonly SealedColumn CheckInAnswers = new("CheckIns", "Answers");
    public static readonly SealedColumn ApologyText = new("Apologies", "Text");
    public static readonly SealedColumn GrudgeEntry = new("Grudges", "Entry");
    public static readonly SealedColumn IncidentTitle = new("Incidents", "Title");
    public static readonly SealedColumn IncidentEntryEntry = new("IncidentEntries", "Entry");
    public static readonly SealedColumn IncidentEntryMissed = new("IncidentEntries", "Missed");
    public static readonly SealedColumn BetrayalKind = new("Betrayals", "Kind");
    public static readonly SealedColumn BetrayalEntryEntry = new("BetrayalEntries", "Entry");
    public static readonly SealedColumn CheckAttemptAnswers = new("CheckAttempts", "Answers");
    public static readonly SealedColumn CheckAttemptScores = new("CheckAttempts", "Scores");
    public static readonly SealedColumn MapShareDomains = new("MapShares", "Domains");
    public static readonly SealedColumn CustomDesireText = new("CustomDesires", "Text");
    public static readonly SealedColumn TouchLogEntry = new("TouchLogs", "Entry");
    public static readonly SealedColumn AppreciationNoteText = new("AppreciationNotes", "Text");
    public static readonly SealedColumn SelfCareLogEntry = new("SelfCareLogs", "Entry");
    public static readonly SealedColumn SelfCareGoalGoal = new("SelfCareGoals", "Goal");
    public static readonly SealedColumn SelfCareShareLine = new("SelfCareShares", "Line");
    public static readonly SealedColumn PushDeviceSubscription = new("PushDevices", "Subscription");
    public static readonly SealedColumn ProgramWeekReflection = new("ProgramWeeks", "Reflection");
    public static readonly SealedColumn ProgramWeekEndCheck = new("ProgramWeeks", "EndCheck");
    public static readonly SealedColumn HomeworkNote = new("Homework", "Note");
    public static readonly SealedColumn SessionItemText = new("SessionItems", "Text");

    /// <summary>
    /// Identity's tokens (the authenticator key, the recovery codes) are sealed into its own plain
    /// string column; a token row has no id of its own, so its provider and name stand in for the column.
    /// </summary>
    public const string UserTokensTable = "AspNetUserTokens";

    public static SealPlace UserToken(Guid memberId, string loginProvider, string name) =>
        new(UserTokensTable, $"{loginProvider}:{name}", memberId, KeyOwner.Member(memberId));
}
