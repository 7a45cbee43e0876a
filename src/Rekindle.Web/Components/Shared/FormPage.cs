using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Rekindle.Web.Components.Shared;

/// <summary>
/// A page with one form whose input is bound from the posted form. Handlers validate; the page
/// shows their messages beside the fields (or at the top for the form as a whole).
/// </summary>
public abstract class FormPage<TInput> : ComponentBase
    where TInput : class, new()
{
    private ValidationMessageStore? _messages;

    [SupplyParameterFromForm]
    protected TInput? Input { get; set; }

    protected EditContext Edit { get; private set; } = default!;

    /// <summary>A message about the whole form, shown above it.</summary>
    protected string? FormError { get; set; }

    protected override void OnInitialized()
    {
        Input ??= new TInput();
        Edit = new EditContext(Input);
        _messages = new ValidationMessageStore(Edit);
    }

    protected void ShowError(string field, string message)
    {
        _messages!.Add(Edit.Field(field), message);
        Edit.NotifyValidationStateChanged();
    }

    protected bool ShowErrors(IEnumerable<KeyValuePair<string, string>> errors)
    {
        var any = false;
        foreach (var (field, message) in errors)
        {
            ShowError(field, message);
            any = true;
        }

        return any;
    }
}
