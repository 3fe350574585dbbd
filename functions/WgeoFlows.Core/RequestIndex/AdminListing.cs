using WgeoFlows.Storage;
using WgeoFlows.Workflow;

namespace WgeoFlows.RequestIndex;

/// <summary>
/// One list of the admin index — all requests, one status, one platform, or one status on one platform — and where its
/// rows are: the table of its kind of listing (see <see cref="TableNames.AdminListings"/> for why each kind has its own)
/// and one partition per value within it.
/// </summary>
public sealed record AdminListing(string Table, string Partition)
{
    public static readonly AdminListing All = new(TableNames.AdminListAll, "all");

    public static AdminListing ByStatus(RequestStatus status) => new(TableNames.AdminListByStatus, "status|" + status);

    public static AdminListing ByPlatform(string platform) => new(TableNames.AdminListByPlatform, "platform|" + platform);

    public static AdminListing ByStatusAndPlatform(RequestStatus status, string platform) =>
        new(TableNames.AdminListByStatusPlatform, "sp|" + status + "|" + platform);

    /// <summary>The list an admin filter reads.</summary>
    public static AdminListing For(RequestStatus? status, string? platform) => (status, platform) switch
    {
        ({ } s, { } p) => ByStatusAndPlatform(s, p),
        ({ } s, null) => ByStatus(s),
        (null, { } p) => ByPlatform(p),
        _ => All,
    };

    /// <summary>Every list a request in <paramref name="status"/> on <paramref name="platform"/> appears in.</summary>
    public static IReadOnlyList<AdminListing> Of(RequestStatus status, string platform) =>
        [All, ByStatus(status), ByPlatform(platform), ByStatusAndPlatform(status, platform)];
}
