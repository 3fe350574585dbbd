using WgeoFlows.Notifications;

namespace WgeoFlows.Intake.Held;

/// <summary>What the held-delivery notice prints. No answer the respondent typed is in it, only the field errors.</summary>
public sealed record HeldNoticeModel(string HeldId, string Source, string ReceivedAt, IReadOnlyList<HeldNoticeField> Fields, string AdminUrl);

public sealed record HeldNoticeField(string Path, string Message);

/// <summary>Renders "held-delivery" (Intake/Held/held-delivery.en.liquid), an English admin mail like the digest.</summary>
public sealed class HeldNoticeRenderer
{
    public const string Template = "held-delivery";

    private readonly StandaloneEmailTemplate _template = new(Template, "WgeoFlows.Intake.Held.held-delivery.en.liquid",
        typeof(HeldNoticeModel), typeof(HeldNoticeField));

    public Task<RenderedEmail> RenderAsync(HeldNoticeModel model) => _template.RenderAsync(model);
}
