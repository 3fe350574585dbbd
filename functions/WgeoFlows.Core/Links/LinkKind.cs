using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace WgeoFlows.Links;

/// <summary>The kinds of emailed link (docs/integrators.md): an enum in code, and outside it the word of <see cref="LinkKinds"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LinkKind>))]
public enum LinkKind
{
    /// <summary>A reviewer's decision on a review stage.</summary>
    [JsonStringEnumMemberName(LinkKinds.Review)] Review,
    /// <summary>The requester's answer to a reviewer's question.</summary>
    [JsonStringEnumMemberName(LinkKinds.Update)] Update,
    /// <summary>A partner's answer to an offer.</summary>
    [JsonStringEnumMemberName(LinkKinds.Offer)] Offer,
    /// <summary>The requester's confirmation of their address (a request from a public door).</summary>
    [JsonStringEnumMemberName(LinkKinds.Confirm)] Confirm,
    /// <summary>The follow-up form: how the cooperation is going.</summary>
    [JsonStringEnumMemberName(LinkKinds.FollowUp)] FollowUp,
}

/// <summary>
/// The one mapping between <see cref="LinkKind"/> and its word: the path segment after <c>/api/</c>, the <c>k</c> claim of every
/// token already emailed, and the <c>Kind</c> of every stored link stage. Those hold the words, so the words never change.
/// </summary>
public static class LinkKinds
{
    public const string Review = "review";
    public const string Update = "update";
    public const string Offer = "offer";
    public const string Confirm = "confirm";
    public const string FollowUp = "followup";

    /// <summary>Reads a word exactly as it is written (tokens and rows hold lower case); false for anything else.</summary>
    public static bool TryParse([NotNullWhen(true)] string? word, out LinkKind kind)
    {
        (var known, kind) = word switch
        {
            Review => (true, LinkKind.Review),
            Update => (true, LinkKind.Update),
            Offer => (true, LinkKind.Offer),
            Confirm => (true, LinkKind.Confirm),
            FollowUp => (true, LinkKind.FollowUp),
            _ => (false, default),
        };
        return known;
    }

    public static string ToWord(this LinkKind kind) => kind switch
    {
        LinkKind.Review => Review,
        LinkKind.Update => Update,
        LinkKind.Offer => Offer,
        LinkKind.Confirm => Confirm,
        LinkKind.FollowUp => FollowUp,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
