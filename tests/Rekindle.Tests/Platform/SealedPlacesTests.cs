using System.Reflection;
using System.Runtime.CompilerServices;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Tests.Platform;

/// <summary>
/// Sealing binds each value's table and column names into it (decisions/0008), so those names are part of
/// the stored data. This list is the pin: it is written out literally, and renaming an entity, a table or
/// a property must leave it as it is, or every value already stored in that column stops opening.
/// </summary>
public sealed class SealedPlacesTests
{
    // Never edit a line of this list for a rename; add a line for a new sealed column.
    private static readonly string[] Pinned =
    [
        "AnswerSets.Answers",
        "Apologies.Text",
        "AppreciationNotes.Text",
        "AspNetUsers.FirstName",
        "BetrayalEntries.Entry",
        "Betrayals.Kind",
        "CalendarFeeds.Token",
        "CheckAttempts.Answers",
        "CheckAttempts.Scores",
        "CheckIns.Answers",
        "Conversations.Summary",
        "CoupleQuestions.Text",
        "CustomDesires.Text",
        "CustomIdeas.Title",
        "DailyAnswers.Reply",
        "DailyAnswers.Text",
        "DatePlans.Title",
        "DateReflections.Highlight",
        "DateReflections.Rating",
        "Grudges.Entry",
        "Homework.Note",
        "IncidentEntries.Entry",
        "IncidentEntries.Missed",
        "Incidents.Title",
        "MapShares.Domains",
        "MemberSessions.Device",
        "ProgramWeeks.EndCheck",
        "ProgramWeeks.Reflection",
        "PushDevices.Subscription",
        "SecurityEvents.Device",
        "SessionItems.Text",
        "SelfCareGoals.Goal",
        "SelfCareLogs.Entry",
        "SelfCareShares.Line",
        "TouchLogs.Entry",
    ];

    [Fact]
    public void The_place_names_written_once_are_the_pinned_list()
    {
        var written = typeof(SealedPlaces)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(SealedColumn))
            .Select(f => f.GetValue(null)!.ToString()!);
        Assert.Equal(Pinned.Order(StringComparer.Ordinal), written.Order(StringComparer.Ordinal));

        // Identity's tokens: the table is pinned, the token's provider and name stand in for the column.
        var token = SealedPlaces.UserToken(Guid.NewGuid(), "[AspNetUserStore]", "AuthenticatorKey");
        Assert.Equal(("AspNetUserTokens", "[AspNetUserStore]:AuthenticatorKey"), (token.Table, token.Column));
    }

    [Fact]
    public void Every_sealed_column_of_the_model_seals_at_a_pinned_place_and_every_pinned_place_is_in_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        var places = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var sealedProperties = entity.GetProperties().Where(p => p.ClrType == typeof(SealedText)).ToList();
            if (sealedProperties.Count == 0)
            {
                continue;
            }

            var record = Assert.IsAssignableFrom<ISealedRecord>(AnyRowOf(entity.ClrType));
            foreach (var property in sealedProperties)
            {
                var place = record.PlaceOf(property.Name);
                Assert.True(
                    Pinned.Contains($"{place.Table}.{place.Column}"),
                    $"{entity.ClrType.Name}.{property.Name} seals at {place.Table}.{place.Column}, which is not in the pinned list."
                );
                places.Add($"{place.Table}.{place.Column}");
            }
        }

        Assert.Equal(Pinned.Order(StringComparer.Ordinal), places.Order(StringComparer.Ordinal));
    }

    // A row of the entity with every id set, so that its place can be asked for without a database.
    private static object AnyRowOf(Type type)
    {
        var row = RuntimeHelpers.GetUninitializedObject(type);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            if (property.PropertyType == typeof(Guid) || property.PropertyType == typeof(Guid?))
            {
                property.SetValue(row, Guid.NewGuid());
            }
        }

        return row;
    }
}
