using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace WgeoFlows.Intake;

/// <summary>Which files a submission may attach and how they are named when stored. A declared content type
/// must be on the allow-list and the bytes must look like it (magic numbers; UTF-8 for text), so that a
/// reviewer who opens an attachment gets the kind of file the listing promised.</summary>
public static class AttachmentPolicy
{
    /// <summary>An accepted content type, the extensions a file of that type may carry (the first is the one
    /// added when a name has none of them), and how its bytes are recognised.</summary>
    public sealed record AllowedType(string ContentType, IReadOnlyList<string> Extensions, string Description)
    {
        internal Func<ReadOnlySpan<byte>, bool> Matches { get; init; } = _ => false;

        /// <summary>A legacy (97-2003) Office format: an OLE compound file that can carry VBA macros without saying so
        /// in its name (unlike .docm/.xlsm). Refused unless <see cref="AttachmentOptions.AllowLegacyOffice"/> is on.</summary>
        public bool IsLegacyOffice { get; init; }
    }

    private static readonly byte[] Pdf = "%PDF"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] CompoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Gif = "GIF8"u8.ToArray();

    public static IReadOnlyList<AllowedType> AllowedTypes { get; } =
    [
        Type("application/pdf", "PDF document", [".pdf"], c => c.StartsWith(Pdf)),
        // Office Open XML and OpenDocument files are zip packages; checking the zip header is as far as a cheap check goes.
        Type("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document", [".docx"], c => c.StartsWith(Zip)),
        Type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel workbook", [".xlsx"], c => c.StartsWith(Zip)),
        Type("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint presentation", [".pptx"], c => c.StartsWith(Zip)),
        Type("application/vnd.oasis.opendocument.text", "OpenDocument text", [".odt"], c => c.StartsWith(Zip)),
        // Legacy Office files are OLE compound files, which may hold macros: only with Intake:Attachments:AllowLegacyOffice.
        Type("application/msword", "Word 97-2003 document", [".doc"], c => c.StartsWith(CompoundFile)) with { IsLegacyOffice = true },
        Type("application/vnd.ms-excel", "Excel 97-2003 workbook", [".xls"], c => c.StartsWith(CompoundFile)) with { IsLegacyOffice = true },
        Type("application/vnd.ms-powerpoint", "PowerPoint 97-2003 presentation", [".ppt"], c => c.StartsWith(CompoundFile)) with { IsLegacyOffice = true },
        Type("image/png", "PNG image", [".png"], c => c.StartsWith(Png)),
        Type("image/jpeg", "JPEG image", [".jpg", ".jpeg"], c => c.StartsWith(Jpeg)),
        Type("image/gif", "GIF image", [".gif"], c => c.StartsWith(Gif)),
        Type("image/webp", "WebP image", [".webp"], c => c.Length >= 12 && c.StartsWith("RIFF"u8) && c[8..12].SequenceEqual("WEBP"u8)),
        Type("text/plain", "text file", [".txt"], IsText),
        Type("text/csv", "CSV file", [".csv"], IsText),
    ];

    private static readonly Dictionary<string, AllowedType> ByContentType =
        AllowedTypes.ToDictionary(t => t.ContentType, StringComparer.Ordinal);

    // Reserved on Windows or meaningful in URLs and headers; a stored name stays readable without them.
    private static readonly SearchValues<char> ReservedCharacters = SearchValues.Create("<>:\"/\\|?*%#;");

    /// <summary>The allowed type named by a Content-Type value ("Text/Plain; charset=utf-8" → text/plain), or null.</summary>
    public static AllowedType? FindAllowed(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return null;
        var mediaType = contentType.Split(';', 2)[0].Trim().ToLowerInvariant();
        return ByContentType.GetValueOrDefault(mediaType);
    }

    /// <summary>The types a submission may attach: all of <see cref="AllowedTypes"/>, without the legacy Office formats
    /// unless <paramref name="allowLegacyOffice"/>.</summary>
    public static IEnumerable<AllowedType> Accepted(bool allowLegacyOffice) =>
        AllowedTypes.Where(t => allowLegacyOffice || !t.IsLegacyOffice);

    /// <summary>True when <paramref name="content"/> starts the way a file of <paramref name="type"/> does.</summary>
    public static bool ContentMatches(AllowedType type, ReadOnlySpan<byte> content) => type.Matches(content);

    /// <summary>A name safe to store and to offer for download: no path, no control or reserved characters, no
    /// leading dots, an extension of <paramref name="type"/> (added when missing or different: "run.exe" with PDF
    /// bytes becomes "run.exe.pdf"), at most <see cref="AttachmentLimits.MaxFileNameLength"/> characters with the
    /// extension kept, and "attachment" + extension when nothing usable is left.</summary>
    public static string SafeFileName(string? fileName, AllowedType type, int? maxLength = null)
    {
        var name = fileName ?? "";
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];

        var kept = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                kept.Append(c).Append(name[++i]);
                continue;
            }
            if (char.IsWhiteSpace(c)) kept.Append(' ');
            else if (!char.IsControl(c) && !char.IsSurrogate(c) && !ReservedCharacters.Contains(c)) kept.Append(c);
        }
        name = kept.ToString().Trim().TrimEnd('.', ' ');

        var extension = Path.GetExtension(name);
        var stem = name;
        if (type.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
            stem = name[..^extension.Length];
        else
            extension = type.Extensions[0];

        // Leading dots hide a file on Unix and ".." must never survive; ".pdf" alone means a PDF without a name.
        stem = stem.TrimStart('.', ' ').TrimEnd('.', ' ');
        if (stem.Length == 0) stem = "attachment";

        var room = Math.Max(1, (maxLength ?? AttachmentLimits.Default.MaxFileNameLength) - extension.Length);
        if (stem.Length > room)
        {
            // Never cut a surrogate pair in half.
            var cut = char.IsLowSurrogate(stem[room]) ? room - 1 : room;
            stem = stem[..cut].TrimEnd('.', ' ');
            if (stem.Length == 0) stem = "attachment";
        }
        return stem + extension;
    }

    /// <summary><paramref name="safeName"/>, or "name (2).ext", "name (3).ext"… when a file of the same request already
    /// has it; the chosen name is added to <paramref name="taken"/>.</summary>
    public static string UniqueFileName(string safeName, ISet<string> taken, int? maxLength = null)
    {
        var name = safeName;
        var extension = Path.GetExtension(safeName);
        var stem = safeName[..^extension.Length];
        var max = maxLength ?? AttachmentLimits.Default.MaxFileNameLength;
        for (var n = 2; !taken.Add(name); n++)
        {
            var suffix = $" ({n})";
            var room = Math.Max(1, max - extension.Length - suffix.Length);
            var cut = stem.Length <= room ? stem : stem[..(char.IsLowSurrogate(stem[room]) ? room - 1 : room)];
            name = cut + suffix + extension;
        }
        return name;
    }

    private static AllowedType Type(string contentType, string description, string[] extensions, Func<ReadOnlySpan<byte>, bool> matches) =>
        new(contentType, extensions, description) { Matches = matches };

    /// <summary>Text attachments must be UTF-8 (a BOM is fine) with no NUL: a binary file labelled text/plain fails.</summary>
    private static bool IsText(ReadOnlySpan<byte> content) =>
        content.IndexOf((byte)0) < 0 && Utf8.IsValid(content);
}
