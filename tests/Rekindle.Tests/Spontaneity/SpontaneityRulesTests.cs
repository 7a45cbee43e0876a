using Rekindle.Web.Features.Spontaneity;

namespace Rekindle.Tests.Spontaneity;

/// <summary>The gesture file's checks, and the picking rules for hints and "surprise me": pure, case by case.</summary>
public sealed class SpontaneityRulesTests
{
    private static readonly string[] Kinds = ["words", "help", "gifts", "time", "touch"];

    private static readonly string[] Places = ["home", "anywhere", "out"];

    private static readonly int[] Minutes = [5, 15, 30, 60, 120];

    private static readonly string[] Costs = ["free", "low", "medium"];

    private static readonly DateOnly Day = new(2026, 11, 24);

    /// <summary>A library of the given size whose gestures go through every cost, place, kind and length.</summary>
    private static List<Gesture> Many(int count) =>
        Enumerable
            .Range(1, count)
            .Select(i => new Gesture(
                $"g{i:000}",
                $"Gesture {i}",
                $"About gesture {i}.",
                Costs[i % 3],
                Minutes[i % 5],
                Places[i % 3],
                Kinds[i % 5]
            ))
            .ToList();

    private static readonly GestureLibrary Library = new(Many(130));

    [Fact]
    public void The_gesture_file_loads_with_known_values_and_unique_ids()
    {
        var library = GestureLibrary.Load(Path.Combine(AppContext.BaseDirectory, "Content", "spontaneity", "gestures.en.json"));
        Assert.True(library.Gestures.Count >= GestureLibrary.MinimumCount);
        Assert.Equal(library.Gestures.Count, library.ById.Count);
        Assert.All(library.Gestures, g => Assert.Contains(g.Kind, GestureLibrary.Kinds));
        Assert.All(GestureLibrary.Kinds, kind => Assert.Contains(library.Gestures, g => g.Kind == kind));
    }

    [Fact]
    public void A_file_with_a_mistake_stops_start_up_with_a_message_naming_it()
    {
        var gestures = Many(130);
        gestures[3] = gestures[3] with { Id = "g001" };
        gestures[7] = gestures[7] with { Kind = "flowers" };
        gestures[9] = gestures[9] with { Place = "moon", Minutes = 0 };
        gestures[11] = gestures[11] with { Title = " " };
        var error = Assert.Throws<InvalidDataException>(() => new GestureLibrary(gestures));
        Assert.Contains("the id g001 is used twice", error.Message, StringComparison.Ordinal);
        Assert.Contains("g008 has the kind 'flowers'", error.Message, StringComparison.Ordinal);
        Assert.Contains("g010 has the place 'moon'", error.Message, StringComparison.Ordinal);
        Assert.Contains("g010 takes 0 minutes", error.Message, StringComparison.Ordinal);
        Assert.Contains("g012 needs a title", error.Message, StringComparison.Ordinal);

        Assert.Contains(
            "at least 120 needed",
            Assert.Throws<InvalidDataException>(() => new GestureLibrary(Many(40))).Message,
            StringComparison.Ordinal
        );

        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "{\"language\":\"en\",\"gestures\":[{\"id\":");
            Assert.Contains(
                "not valid JSON",
                Assert.Throws<InvalidDataException>(() => GestureLibrary.Load(file)).Message,
                StringComparison.Ordinal
            );
            File.WriteAllText(file, "{\"language\":\"en\"}");
            Assert.Contains(
                "has no gestures",
                Assert.Throws<InvalidDataException>(() => GestureLibrary.Load(file)).Message,
                StringComparison.Ordinal
            );
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Constraints_from_the_query_ignore_anything_unknown()
    {
        Assert.Equal(new SurpriseConstraints(), SurpriseConstraints.From("lavish", "-5", "yes"));
        Assert.Equal(new SurpriseConstraints("free", 15, true), SurpriseConstraints.From("free", "15", "1"));
        Assert.Equal(new SurpriseConstraints("low", null, false), SurpriseConstraints.From("low", "17", null));
        Assert.Equal(new GestureFilter(), GestureFilter.From("pricey", "anywhere", "hugs", "7", "0"));
        Assert.Equal(new GestureFilter("low", "home", "touch", 30, true), GestureFilter.From("low", "home", "touch", "30", "1"));
    }

    [Fact]
    public void A_surprise_always_fits_the_constraints_and_never_comes_from_outside_them()
    {
        var loves = new HashSet<string> { "g003", "g010", "g020", "g033" };
        foreach (var budget in SurpriseConstraints.Budgets)
        {
            foreach (var minutes in SurpriseConstraints.MinuteChoices.Cast<int?>().Append(null))
            {
                foreach (var home in new[] { false, true })
                {
                    var constraints = new SurpriseConstraints(budget, minutes, home);
                    for (var n = 0; n < 40; n++)
                    {
                        var pick = SurprisePicker.Pick(
                            Library.Gestures,
                            loves,
                            constraints,
                            Day.AddDays(n % 3),
                            slot: 1 + (n % 2),
                            another: n
                        );
                        Assert.NotNull(pick);
                        Assert.True(constraints.Fits(pick.Gesture), $"{pick.Gesture.Id} does not fit {constraints}");
                        Assert.True(budget != "free" || pick.Gesture.Cost == "free");
                        Assert.True(budget != "low" || pick.Gesture.Cost is "free" or "low");
                        Assert.True(minutes is null || pick.Gesture.Minutes <= minutes);
                        Assert.True(!home || pick.Gesture.Place != "out");
                        Assert.Equal(loves.Contains(pick.Gesture.Id), pick.PartnerWouldLove);
                    }
                }
            }
        }
    }

    [Fact]
    public void Loved_gestures_that_fit_come_first_and_another_one_walks_through_them_before_repeating()
    {
        var loves = new HashSet<string> { "g003", "g010", "g021", "g033", "g041" };
        var any = new SurpriseConstraints();
        var picks = Enumerable.Range(0, 5).Select(n => SurprisePicker.Pick(Library.Gestures, loves, any, Day, 1, n)!).ToList();
        Assert.All(picks, p => Assert.True(p.PartnerWouldLove));
        Assert.Equal(loves.Order(), picks.Select(p => p.Gesture.Id).Order());
        Assert.Equal(picks[0], SurprisePicker.Pick(Library.Gestures, loves, any, Day, 1, 5));

        // Only the loved ones that fit: g010 takes 5 minutes (10 % 5 == 0), the others longer.
        var quick = new SurpriseConstraints(Minutes: 5);
        Assert.Equal("g010", SurprisePicker.Pick(Library.Gestures, loves, quick, Day, 1)!.Gesture.Id);

        // When no loved gesture fits, any gesture from the library that fits.
        var fallback = SurprisePicker.Pick(Library.Gestures, new HashSet<string> { "g003" }, quick, Day, 1)!;
        Assert.False(fallback.PartnerWouldLove);
        Assert.Equal(5, fallback.Gesture.Minutes);
    }

    [Fact]
    public void The_same_member_day_and_constraints_give_the_same_pick_and_the_day_and_partner_change_it()
    {
        var none = new HashSet<string>();
        var constraints = new SurpriseConstraints("free", 30, false);
        var first = SurprisePicker.Pick(Library.Gestures, none, constraints, Day, 1);
        Assert.Equal(first, SurprisePicker.Pick(Library.Gestures, none, constraints, Day, 1));
        Assert.Equal(first, SurprisePicker.Pick(new GestureLibrary(Many(130)).Gestures, none, constraints, Day, 1));
        var week = Enumerable
            .Range(0, 7)
            .Select(d => SurprisePicker.Pick(Library.Gestures, none, constraints, Day.AddDays(d), 1)!.Gesture.Id)
            .ToList();
        Assert.True(week.Distinct().Count() > 1, "The pick should change from day to day");
        var otherPartner = Enumerable
            .Range(0, 7)
            .Select(d => SurprisePicker.Pick(Library.Gestures, none, constraints, Day.AddDays(d), 2)!.Gesture.Id)
            .ToList();
        Assert.NotEqual(week, otherPartner);
    }

    [Fact]
    public void When_nothing_fits_there_is_no_pick()
    {
        var tiny = new List<Gesture>
        {
            new("g001", "Out for flowers", "A bunch from the market.", "low", 30, "out", "gifts"),
            new("g002", "A long walk", "Somewhere new.", "free", 120, "out", "time"),
        };
        Assert.Null(SurprisePicker.Pick(tiny, new HashSet<string> { "g001" }, new SurpriseConstraints("any", null, AtHome: true), Day, 1));
        Assert.Null(SurprisePicker.Pick(tiny, new HashSet<string>(), new SurpriseConstraints("free", 60, false), Day, 1));
        Assert.Null(SurprisePicker.Pick([], new HashSet<string>(), new SurpriseConstraints(), Day, 1));
        Assert.Equal(
            "g002",
            SurprisePicker.Pick(tiny, new HashSet<string>(), new SurpriseConstraints("free", 120, false), Day, 1)!.Gesture.Id
        );
    }

    [Fact]
    public void Hints_are_a_few_loved_gestures_that_change_by_day_and_never_anything_else()
    {
        var loves = new HashSet<string> { "g002", "g004", "g006", "g008", "g010", "g012", "g014" };
        var days = Enumerable.Range(0, 14).Select(d => SurprisePicker.Hints(Library.Gestures, loves, Day.AddDays(d), 1)).ToList();
        Assert.All(days, hints => Assert.Equal(SurprisePicker.HintCount, hints.Count));
        Assert.All(days, hints => Assert.All(hints, g => Assert.Contains(g.Id, loves)));
        Assert.All(days, hints => Assert.Equal(hints.Select(g => g.Id).Order(StringComparer.Ordinal), hints.Select(g => g.Id)));
        Assert.True(days.Select(h => string.Join(",", h.Select(g => g.Id))).Distinct().Count() > 1, "Hints should rotate");
        Assert.Equal(days[0], SurprisePicker.Hints(Library.Gestures, loves, Day, 1));

        Assert.Equal(
            ["g004", "g010"],
            SurprisePicker.Hints(Library.Gestures, new HashSet<string> { "g010", "g004", "unknown" }, Day, 1).Select(g => g.Id)
        );
        Assert.Empty(SurprisePicker.Hints(Library.Gestures, new HashSet<string>(), Day, 1));
    }
}
