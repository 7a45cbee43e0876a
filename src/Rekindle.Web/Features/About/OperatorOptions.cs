using System.ComponentModel.DataAnnotations;

namespace Rekindle.Web.Features.About;

/// <summary>
/// Who runs this instance, told to people before they sign up or join a couple and on /about: the
/// operator can technically read what is stored, so a member should know who that is.
/// </summary>
public sealed class OperatorOptions : IValidatableObject
{
    public const string Section = "Operator";

    public const int NameMaxLength = 100;

    public const int ContactMaxLength = 200;

    /// <summary>The person or organisation running this server, as members should read it. Empty: the pages say no name was
    /// given.</summary>
    public string? Name { get; set; }

    /// <summary>How members can reach them: an email address, a web address or a phone number, shown as written.</summary>
    public string? Contact { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (key, value, max) in new[] { ("Name", Name, NameMaxLength), ("Contact", Contact, ContactMaxLength) })
        {
            if (value is null)
            {
                continue;
            }

            if (value.Length > max)
            {
                yield return new ValidationResult($"Operator:{key} is {value.Length} characters long; at most {max} are allowed.", [key]);
            }
            else if (value.Any(char.IsControl))
            {
                yield return new ValidationResult($"Operator:{key} must be one line of text, without control characters.", [key]);
            }
        }
    }

    public string? ShownName => string.IsNullOrWhiteSpace(Name) ? null : Name.Trim();

    public string? ShownContact => string.IsNullOrWhiteSpace(Contact) ? null : Contact.Trim();
}

public static class AboutFeature
{
    public const string Path = "/about";

    public static WebApplicationBuilder AddAbout(this WebApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<OperatorOptions>()
            .BindConfiguration(OperatorOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder;
    }
}
