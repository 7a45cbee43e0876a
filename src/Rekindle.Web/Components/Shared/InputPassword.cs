using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Rendering;

namespace Rekindle.Web.Components.Shared;

/// <summary>
/// A password field bound like <see cref="InputText"/> that never writes its value back into the
/// page: a form shown again after a wrong password or a problem elsewhere comes back with the
/// password fields empty, so a typed password never sits in the HTML (a shared screen, a cached or
/// saved page, a proxy's log). Every password field in the app is one of these.
/// </summary>
public sealed class InputPassword : InputText
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "input");
        builder.AddMultipleAttributes(1, AdditionalAttributes);
        builder.AddAttribute(2, "type", "password");
        if (!string.IsNullOrEmpty(NameAttributeValue))
        {
            builder.AddAttribute(3, "name", NameAttributeValue);
        }

        if (!string.IsNullOrEmpty(CssClass))
        {
            builder.AddAttribute(4, "class", CssClass);
        }

        builder.CloseElement();
    }
}
