using WgeoFlows.Links;

namespace WgeoFlows.Intake;

/// <summary>Intake's routes under /api beyond the contract's <c>requests</c> and <c>status/{id}</c>, shared by both hosts.</summary>
public static class IntakeRoutes
{
    public const string Form = "form";
    public const string Typeform = "requests/typeform";
    public const string ReviewAttachment = LinkKinds.Review + "/{token}/attachments/{fileName}";
    public const string UpdateAttachment = LinkKinds.Update + "/{token}/attachments/{fileName}";
    public const string AdminAttachment = "admin/requests/{id}/attachments/{fileName}";
}
