namespace WgeoFlows.Intake;

/// <summary>How much a submission may attach, counted in decoded bytes. Base64 makes a file 4/3 larger, so the
/// webhook's 10 MiB body limit (<c>Intake:MaxBodyBytes</c>) is reached first at about 7.4 MiB of files: the
/// total here only bites if that body limit is raised.</summary>
public sealed record AttachmentLimits
{
    public const int MiB = 1024 * 1024;

    public static AttachmentLimits Default { get; } = new();

    public int MaxFiles { get; init; } = 10;
    public long MaxFileBytes { get; init; } = 5 * MiB;
    public long MaxTotalBytes { get; init; } = 8 * MiB;
    /// <summary>The longest file name kept, extension included.</summary>
    public int MaxFileNameLength { get; init; } = 120;
    /// <summary>Whether .doc, .xls and .ppt (macro-capable OLE files) are accepted; off by default.</summary>
    public bool AllowLegacyOffice { get; init; }

    /// <summary>The defaults with the configured <see cref="AttachmentOptions"/>.</summary>
    public static AttachmentLimits From(AttachmentOptions options) => Default with { AllowLegacyOffice = options.AllowLegacyOffice };
}

/// <summary><c>Intake:Attachments:*</c>: which attachments a submission may carry beyond the built-in allow-list.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Intake:Attachments";

    /// <summary>Accept the legacy Office formats (.doc, .xls, .ppt): OLE compound files that can carry VBA macros, so a
    /// reviewer who opens one may run a submitter's code. Off by default: ask for .docx/.xlsx/.pptx or PDF instead.</summary>
    public bool AllowLegacyOffice { get; set; }
}
