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
}
