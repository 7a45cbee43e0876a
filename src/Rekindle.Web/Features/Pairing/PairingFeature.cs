namespace Rekindle.Web.Features.Pairing;

public static class PairingFeature
{
    public static WebApplicationBuilder AddPairing(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentMember>();
        services.AddSingleton<InviteCodes>();
        services.AddScoped<GetCoupleStatus>();
        services.AddScoped<CreateInvite>();
        services.AddScoped<RevokeInvite>();
        services.AddScoped<PreviewInvite>();
        services.AddScoped<JoinCouple>();
        services.AddScoped<LeaveCouple>();
        return builder;
    }
}
