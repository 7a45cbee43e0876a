using Rekindle.Web.Features.Account;

namespace Rekindle.Web.Features.Operator;

/// <summary>The admin page's registration form: the mode chosen (decisions/0045).</summary>
public sealed record AdminRegistrationRequest(RegistrationMode? Mode);

/// <summary>The admin page's allow-list form: an address or <c>@domain</c> to add, or an added one's id to remove.</summary>
public sealed record AdminAllowRequest(string? Address, Guid? Remove);

/// <summary>The account page's second-step reset: the operator ticked that they checked with the person by another channel.</summary>
public sealed record AdminResetRequest(bool? CheckedWithPerson);
