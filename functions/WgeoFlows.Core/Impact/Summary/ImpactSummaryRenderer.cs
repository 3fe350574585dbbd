using WgeoFlows.Notifications;

namespace WgeoFlows.Impact.Summary;

public sealed record ImpactSummaryModel(string Quarter, string PageUrl, IReadOnlyList<ImpactFigureView> Figures);

/// <summary>Renders "impact-summary" (English, like the other admin mails) from Impact/Summary/impact-summary.en.liquid.</summary>
public sealed class ImpactSummaryRenderer
{
    public const string Template = "impact-summary";
    public const string Language = StandaloneEmailTemplate.Language;

    private readonly StandaloneEmailTemplate _template = new(Template, "WgeoFlows.Impact.Summary.impact-summary.en.liquid",
        typeof(ImpactSummaryModel), typeof(ImpactFigureView));

    public Task<RenderedEmail> RenderAsync(ImpactSummaryModel model) => _template.RenderAsync(model);
}
