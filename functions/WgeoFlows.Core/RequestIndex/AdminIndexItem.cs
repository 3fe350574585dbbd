using WgeoFlows.Workflow;

namespace WgeoFlows.RequestIndex;

/// <summary>One row of the admin list (docs/integrators.md, GET /api/admin/requests).</summary>
public sealed record AdminIndexItem(
    string RequestId,
    string Title,
    string Organization,
    string Platform,
    string Country,
    RequestStatus Status,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt);

public sealed record AdminIndexPage(IReadOnlyList<AdminIndexItem> Items, string? Continuation);
