using System.ComponentModel.DataAnnotations;

namespace Rekindle.Web.Features.Push;

/// <summary>
/// Web Push (decisions/0034). A notification travels through the browser maker's push service (Google,
/// Mozilla, Apple, Microsoft), encrypted and saying only that something is waiting; an operator who
/// wants no outside service at all turns it off here, and then no page offers it and nothing is sent.
/// </summary>
public sealed class PushOptions : IValidatableObject
{
    public const string Section = "Push";

    /// <summary>Offer notifications on members' devices and send them. On by default.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How a push service may reach the operator (the VAPID "sub"): a <c>mailto:</c> or an <c>https:</c>
    /// address. Empty: the instance's public address when it is https, else <c>mailto:postmaster@localhost</c>.
    /// </summary>
    public string? Contact { get; set; }

    /// <summary>
    /// The push services the server will send to, comma-separated host names (a subscription's address must be
    /// one of them or below one): the server only ever posts to these, never to an address a browser made up.
    /// </summary>
    public string ServiceHosts { get; set; } =
        "fcm.googleapis.com,updates.push.services.mozilla.com,push.services.mozilla.com,push.apple.com,notify.windows.com";

    internal IReadOnlyList<string> Hosts =>
        ServiceHosts
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(h => h.ToLowerInvariant())
            .ToList();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (
            !string.IsNullOrWhiteSpace(Contact)
            && !Contact.StartsWith("mailto:", StringComparison.Ordinal)
            && !(Uri.TryCreate(Contact, UriKind.Absolute, out var contact) && contact.Scheme == Uri.UriSchemeHttps)
        )
        {
            yield return new ValidationResult("Push:Contact must be a mailto: or an https: address.", [nameof(Contact)]);
        }

        if (Enabled && (Hosts.Count == 0 || Hosts.Any(h => Uri.CheckHostName(h) == UriHostNameType.Unknown)))
        {
            yield return new ValidationResult(
                "Push:ServiceHosts must name at least one push service host (comma-separated host names), or set Push:Enabled=false.",
                [nameof(ServiceHosts)]
            );
        }
    }
}
