namespace WgeoFlows.Privacy.Erasure;

/// <summary>
/// The reason an admin gives for an erasure is kept (in the request's timeline and the audit), so it must not keep what it
/// erases: the erased person's name and address, and any other address in it, are taken out. An admin writes "at the
/// requester's own request by email", not their name; this is the net for when they do not.
/// </summary>
public static class ErasureReason
{
    public const int MaxLength = 500;
    public const string Removed = "[removed]";

    /// <param name="reason">As the admin typed it.</param>
    /// <param name="personal">The erased person's name, address and other texts to take out (blank ones are ignored).</param>
    public static string Clean(string reason, IEnumerable<string?> personal)
    {
        var cleaned = reason.Trim();
        foreach (var text in personal.OfType<string>().Select(t => t.Trim()).Where(t => t.Length >= 3).OrderByDescending(t => t.Length))
        {
            cleaned = cleaned.Replace(text, Removed, StringComparison.OrdinalIgnoreCase);
        }
        return EmailsInText.Replace(cleaned, _ => Removed);
    }
}
