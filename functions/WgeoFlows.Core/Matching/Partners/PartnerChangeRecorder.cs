using System.Text.Json;
using WgeoFlows.Shared;
using WgeoFlows.Storage.ChangeLog;

namespace WgeoFlows.Matching.Partners;

/// <summary>The registry fields of a partner as the change log keeps them: what an import or an admin edit sets, in the
/// PUT body's shape (so a field-by-field comparison of before and after reads like the form).</summary>
public sealed record PartnerRegistryFields(
    string Id,
    string Name,
    string Platform,
    string Country,
    string Role,
    IReadOnlyList<string> ThematicAreas,
    IReadOnlyList<string> SupportTypes,
    IReadOnlyList<string> Languages,
    int Capacity,
    string Email,
    bool Active,
    bool Publishable)
{
    public static PartnerRegistryFields Of(Partner p) => new(p.Id, p.Name, p.Platform, p.Country, p.Role.ToId(), p.ThematicAreas,
        p.SupportTypes, p.Languages, p.Capacity, p.Email, p.Active, p.Publishable);
}

/// <summary>The actions of the partners' change log.</summary>
public static class PartnerChangeActions
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";
    /// <summary>A row of an applied CSV import that created or changed the partner.</summary>
    public const string Imported = "imported";
}

/// <summary>Records every change to a partner in the change log (<see cref="ChangeLogStore"/>): who, when, and the registry
/// fields before (null for a creation) and after (null for a deletion).</summary>
public sealed class PartnerChangeRecorder(ChangeLogStore log, TimeProvider time)
{
    /// <summary>An import writes up to 10,000 rows; their entries are recorded a few at a time.</summary>
    private const int ParallelWrites = 8;

    public Task RecordAsync(string action, string actor, Partner? before, Partner? after, CancellationToken cancellationToken = default) =>
        log.RecordAsync(Entry(action, actor, before, after, time.GetUtcNow()), cancellationToken);

    public async Task RecordManyAsync(string action, string actor, IEnumerable<(Partner? Before, Partner After)> changes,
        CancellationToken cancellationToken = default)
    {
        var at = time.GetUtcNow();
        await Parallel.ForEachAsync(changes, new ParallelOptions { MaxDegreeOfParallelism = ParallelWrites, CancellationToken = cancellationToken },
            async (change, ct) => await log.RecordAsync(Entry(action, actor, change.Before, change.After, at), ct));
    }

    private static ChangeEntry Entry(string action, string actor, Partner? before, Partner? after, DateTimeOffset at) =>
        new(ChangeSubjects.Partner, (after ?? before)?.Id ?? throw new ArgumentException("A change has a partner before or after it."),
            action, actor, at, Json(before), Json(after));

    private static string? Json(Partner? partner) =>
        partner is null ? null : JsonSerializer.Serialize(PartnerRegistryFields.Of(partner), WgeoJson.Options);
}
