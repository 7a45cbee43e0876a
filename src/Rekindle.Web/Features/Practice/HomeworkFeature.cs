using Rekindle.Web.Features.Home;
using Rekindle.Web.Features.MyData;

namespace Rekindle.Web.Features.Practice;

/// <summary>Homework and "for our next session" (decisions/0044): the professional's page and API, the member's page, home's
/// lines and the export.</summary>
public static class HomeworkFeature
{
    public static WebApplicationBuilder AddPracticeHomework(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<HomeworkLibrary>();
        builder.Services.AddScoped<HomeworkStore>();
        builder.Services.AddScoped<GetConnectionHomework>();
        builder.Services.AddScoped<AssignHomework>();
        builder.Services.AddScoped<WithdrawHomework>();
        builder.Services.AddScoped<GetMyHomework>();
        builder.Services.AddScoped<MarkHomework>();
        builder.Services.AddScoped<ShareForSession>();
        builder.Services.AddScoped<TakeBackSessionItem>();
        builder.Services.AddScoped<IWaitingSource, HomeworkWaiting>();
        builder.Services.AddScoped<IExportSection, HomeworkExport>();
        return builder;
    }
}
