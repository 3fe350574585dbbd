using System.Globalization;

namespace WgeoFlows.Storage;

/// <summary>
/// The row-key prefix that lists rows newest first: Table Storage returns a partition in key order, so a key made of the
/// ticks left until <see cref="DateTimeOffset.MaxValue"/>, 19 digits wide, puts the latest time first. Every
/// newest-first listing (admin listings, flags, audit, change log, impact stories) builds its keys here, so they sort
/// alike.
/// </summary>
public static class NewestFirst
{
    public static string Key(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
}
