using Azure.Data.Tables;

namespace WgeoFlows.Storage;

/// <summary>
/// A text longer than one table property may hold (64 KiB of UTF-16: 32,768 characters), kept in consecutive properties:
/// <c>{name}</c>, <c>{name}1</c>, <c>{name}2</c>… and <c>{name}Parts</c> (only when there is more than one). A row written
/// before texts were split has <c>{name}</c> alone and reads the same. The row's total (1 MiB) is bounded by the limits on
/// what the text may hold, not here.
/// </summary>
public static class SplitText
{
    /// <summary>Characters in one property: under the 32,768 limit, never splitting a surrogate pair.</summary>
    public const int PartChars = 32_000;

    public static void Write(TableEntity entity, string name, string text)
    {
        var parts = 0;
        var offset = 0;
        do
        {
            var length = Math.Min(PartChars, text.Length - offset);
            if (length < text.Length - offset && char.IsHighSurrogate(text[offset + length - 1])) length--;
            entity[parts == 0 ? name : name + parts.ToString(System.Globalization.CultureInfo.InvariantCulture)] = text.Substring(offset, length);
            offset += length;
            parts++;
        }
        while (offset < text.Length);
        if (parts > 1) entity[name + "Parts"] = parts;
    }

    /// <summary>The whole text, or null when the row has no <paramref name="name"/>.</summary>
    public static string? Read(TableEntity entity, string name)
    {
        var first = entity.GetString(name);
        var parts = entity.GetInt32(name + "Parts") ?? 1;
        if (first is null || parts <= 1) return first;
        var text = new System.Text.StringBuilder(first, parts * PartChars);
        for (var i = 1; i < parts; i++)
        {
            text.Append(entity.GetString(name + i.ToString(System.Globalization.CultureInfo.InvariantCulture))
                ?? throw new InvalidOperationException($"The row {entity.PartitionKey}/{entity.RowKey} lacks part {i} of {name}."));
        }
        return text.ToString();
    }

    /// <summary>A text a row keeps as a note rather than as data (a timeline detail, an error, a flag): cut to
    /// <paramref name="maxChars"/> characters, marked with an ellipsis, never splitting a surrogate pair.</summary>
    public static string? Bounded(string? text, int maxChars)
    {
        if (text is null || text.Length <= maxChars) return text;
        var length = maxChars - 1;
        if (char.IsHighSurrogate(text[length - 1])) length--;
        return string.Concat(text.AsSpan(0, length), "…");
    }
}
