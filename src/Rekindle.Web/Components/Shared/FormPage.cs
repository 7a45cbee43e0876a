using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Rekindle.Web.Infrastructure;

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

    /// <summary>
    /// A handler's problem beside its field (the request field's camelCase name matched to the input's
    /// property), or above the form when it is about no field of this form (decisions/0032).
    /// </summary>
    protected void Show(Problem problem)
    {
        var property = problem.Field is { } field
            ? typeof(TInput).GetProperties().FirstOrDefault(p => string.Equals(p.Name, field, StringComparison.OrdinalIgnoreCase))?.Name
            : null;
        if (property is null)
        {
            FormError = problem.Message;
            return;
        }

        ShowError(property, problem.Message);
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
