using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Intake.Attachments;
using WgeoFlows.Intake.Confirmation;
using WgeoFlows.Intake.Dispatch;
using WgeoFlows.Intake.Form;
using WgeoFlows.Intake.Held;
using WgeoFlows.Intake.Status;
using WgeoFlows.Intake.Submissions;
using WgeoFlows.Intake.Typeform;

namespace WgeoFlows.Intake;

public static class IntakeServices
{
    /// <summary>Registers intake: the three doors (webhook, Typeform, form page), the pipeline behind them and its dispatcher, attachments and
    /// the status page. Expects the options and stores of AddWgeoFlowsCore.</summary>
    public static IServiceCollection AddWgeoFlowsIntake(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SubmissionInbox>();
        services.AddSingleton<ConfirmationQuota>();
        services.AddSingleton<AttachmentStore>();
        services.AddSingleton<SubmissionIntake>();
        services.AddSingleton(sp => new DispatchQueue(sp.GetRequiredService<IOptions<IntakeOptions>>().Value.DispatchQueueCapacity,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IntakeDispatcher>();
        services.AddSingleton<IntakeSweep>();
        services.AddHostedService<IntakeDispatchService>();
        services.Configure<AttachmentOptions>(configuration.GetSection(AttachmentOptions.Section));
        services.AddSingleton<SubmissionPipeline>();
        services.AddSingleton<IntakeHandler>();
        services.AddSingleton(TypeformSettings.From(configuration));
        services.AddSingleton<TypeformHandler>();
        services.AddSingleton<HeldDeliveryStore>();
        services.AddSingleton<HeldNoticeRenderer>();
        services.AddSingleton<HeldIntake>();
        services.AddSingleton<FormPageHandler>();
        services.AddSingleton<AttachmentDownloadHandler>();
        services.AddSingleton<StatusPageHandler>();
        return services;
    }
}
