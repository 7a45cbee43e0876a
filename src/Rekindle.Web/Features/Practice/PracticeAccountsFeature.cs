namespace Rekindle.Web.Features.Practice;

/// <summary>Professionals' accounts (decisions/0044): the guard, the operator's commands and the practice admin's page.</summary>
public static class PracticeAccountsFeature
{
    public static WebApplicationBuilder AddPracticeAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ListProfessionals>();
        builder.Services.AddScoped<InviteProfessional>();
        builder.Services.AddScoped<RemoveProfessional>();
        return builder;
    }
}
