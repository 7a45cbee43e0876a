namespace Rekindle.Web.Features.Home;

/// <summary>The practice areas, in the order the program walks through them.</summary>
public static class Areas
{
    public sealed record Area(string Key, string Name, string About)
    {
        /// <summary>Where the area lives: its own pages once built, else its page of steps.</summary>
        public string Path =>
            Key switch
            {
                "understand" => "/understand",
                "talk" => "/talk",
                "time-together" => "/time-together",
                "spontaneity" => "/spontaneity",
                "intimacy" => "/intimacy",
                "self-care" => "/self-care",
                "support" => "/support",
                "progress" => "/progress",
                "repair" => "/repair",
                _ => "/areas/" + Key,
            };
    }

    public static string PathOf(string key) => All.FirstOrDefault(a => a.Key == key)?.Path ?? "/areas/" + key;

    public static readonly IReadOnlyList<Area> All =
    [
        new("understand", "Understand", "Name, privately, what has been weighing on you, and see what you share."),
        new("talk", "Talk", "A daily question, a weekly check-in, and help to start hard talks softly."),
        new("time-together", "Time together", "Date ideas you'd both enjoy, planned into real calendars."),
        new("self-care", "Self-care", "Your own sleep, movement, food, stress and mood, just for you."),
        new("support", "Support", "Knowing when to bring in a counselor or therapist, and how."),
        new("spontaneity", "Spontaneity", "Small surprises, kind gestures and appreciation notes."),
        new("intimacy", "Intimacy", "Consent first: desires you share, boundaries you keep, touch without pressure."),
        new("repair", "Repair", "Working through a hurt together, and letting go of old grudges."),
        new("progress", "Progress", "A short weekly pulse, and how things are changing over time."),
    ];
}
