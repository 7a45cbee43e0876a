using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Account;

/// <summary>
/// The signed-in member chooses the language and formats they read Rekindle in, from the configured
/// list only; an empty choice means "my browser's, else the default". Private like the other settings.
/// </summary>
public sealed class ChooseLanguage(AppDbContext db, CurrentMember current, Languages languages)
{
    public async Task<Outcome<string?>> HandleAsync(LanguageRequest request, CancellationToken cancellationToken = default)
    {
        var language = request.Language;
        string? chosen = null;
        if (!string.IsNullOrWhiteSpace(language))
        {
            if (language.Length > Member.LanguageMaxLength || languages.Find(language) is not { } culture)
            {
                return Problem.Invalid("language", Text.Of("Please choose one of the languages in the list."));
            }

            chosen = culture.Name;
        }

        var memberId = current.RequiredMemberId;
        await db.Users.Where(u => u.Id == memberId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, chosen), cancellationToken);
        return Outcome<string?>.Ok(chosen);
    }
}

/// <summary>The signed-in member's own language choice: a culture name, or null for "my browser's, else the default".</summary>
public sealed class GetMyLanguage(AppDbContext db, CurrentMember current)
{
    public Task<string?> HandleAsync(CancellationToken cancellationToken = default)
    {
        var memberId = current.RequiredMemberId;
        return db.Users.AsNoTracking().Where(u => u.Id == memberId).Select(u => u.Language).FirstOrDefaultAsync(cancellationToken);
    }
}
