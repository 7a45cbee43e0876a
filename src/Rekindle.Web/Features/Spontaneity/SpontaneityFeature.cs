using Rekindle.Web.Features.MyData;

namespace Rekindle.Web.Features.Spontaneity;

public static class SpontaneityFeature
{
    public static WebApplicationBuilder AddSpontaneity(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp =>
            GestureLibrary.Load(
                Path.Combine(sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath, "Content", "spontaneity", "gestures.en.json")
            )
        );
        builder.Services.AddScoped<GestureMarkStore>();
        builder.Services.AddScoped<ListGestures>();
        builder.Services.AddScoped<GetGiverView>();
        builder.Services.AddScoped<MarkGesture>();
        builder.Services.AddScoped<NoteStore>();
        builder.Services.AddScoped<SendNote>();
        builder.Services.AddScoped<ReadReceivedNotes>();
        builder.Services.AddScoped<GetSentNotes>();
        builder.Services.AddScoped<IExportSection, SpontaneityExport>();
        builder.Services.AddScoped<Home.IWaitingSource, SpontaneityWaiting>();
        return builder;
    }

    /// <summary>Reads and checks the gestures now, so a broken file stops start-up instead of a page.</summary>
    public static void LoadSpontaneityContent(this WebApplication app) => app.Services.GetRequiredService<GestureLibrary>();
}

/// <summary>The member's own marks on gestures, and the notes they sent and received.</summary>
public sealed class SpontaneityExport(GestureMarkStore marks, NoteStore notes) : IExportSection
{
    public string Name => "spontaneity";

    public async Task<object?> ExportAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var yourMarks = await marks.ExportAsync(memberId, cancellationToken);
        var (sent, received) = await notes.ExportAsync(memberId, cancellationToken);
        return yourMarks.Count == 0 && sent.Count == 0 && received.Count == 0
            ? null
            : new
            {
                YourMarks = yourMarks,
                NotesYouSent = sent,
                NotesYouReceived = received,
            };
    }
}
