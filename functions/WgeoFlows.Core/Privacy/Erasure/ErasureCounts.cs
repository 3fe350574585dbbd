using System.Text.Json.Serialization;

namespace WgeoFlows.Privacy.Erasure;

/// <summary>How much an erasure changed: table rows rewritten (personal data replaced, the row kept) and deleted, blobs
/// deleted, and Durable orchestration instances purged (with their history and large payloads).</summary>
public sealed record ErasureCounts(int RowsChanged, int RowsDeleted, int BlobsDeleted, int InstancesPurged)
{
    public static readonly ErasureCounts None = new(0, 0, 0, 0);

    [JsonIgnore]
    public bool Any => RowsChanged + RowsDeleted + BlobsDeleted + InstancesPurged > 0;

    public static ErasureCounts operator +(ErasureCounts a, ErasureCounts b) =>
        new(a.RowsChanged + b.RowsChanged, a.RowsDeleted + b.RowsDeleted, a.BlobsDeleted + b.BlobsDeleted, a.InstancesPurged + b.InstancesPurged);

    public static ErasureCounts Changed(int rows) => None with { RowsChanged = rows };

    public static ErasureCounts Deleted(int rows) => None with { RowsDeleted = rows };
}
