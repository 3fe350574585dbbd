using WgeoFlows.Notifications;

namespace WgeoFlows.Admin.Digest;

/// <summary>What the digest template prints (members are camelCase in the template).</summary>
public sealed record DigestModel(
    string Date,
    string AdminUrl,
    IReadOnlyList<DigestCount> Counts,
    IReadOnlyList<DigestWaiting> Waiting,
    IReadOnlyList<DigestFailure> Failures,
    IReadOnlyList<DigestFlag> Flagged,
    long TotalOpen,
    int Late);

public sealed record DigestCount(string Status, long Count);
public sealed record DigestWaiting(string RequestId, string Title, string Status, string Age, string State);
public sealed record DigestFailure(string RequestId, string Title, string UpdatedAt);
public sealed record DigestFlag(string RequestId, string Detail);

/// <summary>Renders the template "admin-digest" (Admin/Digest/admin-digest.en.liquid; admin mails are in English like
/// needs-manual-match). It is not about one request, so it has its own model.</summary>
public sealed class DigestRenderer
{
    public const string Template = "admin-digest";
    public const string Language = StandaloneEmailTemplate.Language;

    private readonly StandaloneEmailTemplate _template = new(Template, "WgeoFlows.Admin.Digest.admin-digest.en.liquid",
        typeof(DigestModel), typeof(DigestCount), typeof(DigestWaiting), typeof(DigestFailure), typeof(DigestFlag));

    public Task<RenderedEmail> RenderAsync(DigestModel model) => _template.RenderAsync(model);
}
