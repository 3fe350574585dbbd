using WgeoFlows.Shared;

namespace WgeoFlows.Privacy.Erasure;

/// <summary>
/// What a rewrite of a request's rows replaces (<see cref="RequestRowsRewriter"/>). Two kinds: the erasure of a whole request
/// (<see cref="RequestErasureRewrite"/>: every address becomes a role and the free text people wrote goes), and the removal
/// of partners' and reviewers' addresses from finished requests once the retention period has passed since they left
/// (Privacy/Retention: only those addresses become their role; everything else stays).
/// </summary>
public abstract class PersonalDataRewrite
{
    /// <summary>The role that replaces <paramref name="address"/>, or null when the address stays.</summary>
    protected abstract string? RoleFor(string address);

    /// <summary>Whether the free text people wrote goes too: timeline details, mail subjects and errors, link stages'
    /// questions and comments, flags' details.</summary>
    public abstract bool ErasesFreeText { get; }

    /// <summary>A stored text with the addresses this rewrite erases replaced by their roles.</summary>
    public virtual string Text(string text) => EmailsInText.Replace(text, address => RoleFor(EmailAddresses.Normalize(address)));

    /// <summary>A row key with the addresses this rewrite erases replaced by their roles (outbox and timeline keys name
    /// recipients, e.g. "mail|review|review-1-r0|name@example.org").</summary>
    public virtual string Key(string rowKey) => Text(rowKey);

    /// <summary>The actor of a timeline row <paramref name="timelineKey"/> (its key without "tl|") as this rewrite leaves it.</summary>
    public virtual string Actor(string actor, string timelineKey) => Text(actor);
}
