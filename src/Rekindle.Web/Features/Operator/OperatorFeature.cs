namespace Rekindle.Web.Features.Operator;

/// <summary>
/// The operator's account use cases (decisions/0045): the command line (<see cref="AccountsCommands"/>) and the admin page share
/// them, one class each, so both do exactly the same thing.
/// </summary>
public static class OperatorFeature
{
    public static WebApplicationBuilder AddOperator(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<OperatorMembers>();
        builder.Services.AddScoped<CreateConfirmedAccount>();
        builder.Services.AddScoped<OperatorAccountList>();
        builder.Services.AddScoped<OperatorFindAccount>();
        builder.Services.AddScoped<OperatorCreateAccount>();
        builder.Services.AddScoped<OperatorConfirmEmail>();
        builder.Services.AddScoped<OperatorResendConfirmation>();
        builder.Services.AddScoped<OperatorDisable>();
        builder.Services.AddScoped<OperatorEnable>();
        builder.Services.AddScoped<OperatorResetSecondFactor>();
        builder.Services.AddScoped<OperatorGrant>();
        builder.Services.AddScoped<RegistrationNow>();
        builder.Services.AddScoped<OperatorSetRegistration>();
        builder.Services.AddScoped<OperatorAllowEmail>();
        return builder;
    }
}
