using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Talk;

/// <summary>The one rule for text a member writes to their partner here.</summary>
public static class TalkText
{
    public static string? Problem(string text, int max)
    {
        if (text.Length == 0)
        {
            return Text.Of("Write something first, or pass on this one.");
        }

        if (text.Length > max)
        {
            return Text.Of("Please keep it to {0} characters or fewer.", max);
        }

        return text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || text.Any(char.IsSurrogate) && !IsWellFormed(text)
            ? Text.Of("Some characters in your text can't be saved. Please remove them and try again.")
            : null;
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
