using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Components;

namespace Rekindle.Web.Components.Shared;

/// <summary>Redirects from a page during a form post. Only to our own pages: a return URL from outside never leaves the site.</summary>
public sealed class RedirectManager(NavigationManager navigation)
{
    [DoesNotReturn]
    public void RedirectTo(string? uri)
    {
        navigation.NavigateTo(SafeLocal(uri));
        throw new InvalidOperationException($"{nameof(RedirectManager)} can only be used during static rendering.");
    }

    /// <summary>A path on this site, or "/" for anything else (absolute URLs, //host, backslashes).</summary>
    public static string SafeLocal(string? uri)
    {
        // Browsers drop tabs and newlines inside URLs, so "/\t/evil.example.org" would become "//evil…".
        if (
            string.IsNullOrEmpty(uri)
            || uri.Length > 2000
            || uri[0] != '/'
            || uri.Any(c => c < 0x20 || c == 0x7F)
            || (uri.Length > 1 && (uri[1] == '/' || uri[1] == '\\'))
            || uri.Contains('\\', StringComparison.Ordinal)
        )
        {
            return "/";
        }

        return uri;
    }
}
