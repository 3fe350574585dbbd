using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace WgeoFlows.WorkflowContracts;

/// <summary>The actions of <c>POST /api/admin/requests/{id}/{action}</c> (the contract's, plus restart). Written as the same
/// lower-case words the route, the timeline and the <see cref="AdminActionEvent"/> payloads in running
/// orchestrations' histories hold, so the enum changes none of them.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AdminAction>))]
public enum AdminAction
{
    /// <summary>Mails the open review (or update) stage's links again. Body: none.</summary>
    [JsonStringEnumMemberName(AdminActions.Resend)] Resend,
    /// <summary>Gives the open review stage to another reviewer; the old links die. Body: <c>{ "reviewer": email }</c>.</summary>
    [JsonStringEnumMemberName(AdminActions.Reassign)] Reassign,
    /// <summary>Matches a request that needs a manual match. Body: <c>{ "partnerId": id }</c>.</summary>
    [JsonStringEnumMemberName(AdminActions.Match)] Match,
    /// <summary>Stops the request: <c>Cancelled</c>, everybody concerned told. Body: <c>{ "reason": text }</c>.</summary>
    [JsonStringEnumMemberName(AdminActions.Terminate)] Terminate,
    /// <summary>Runs a failed request's workflow again from the start, keeping its record and timeline. Body: none.</summary>
    [JsonStringEnumMemberName(AdminActions.Restart)] Restart,
    /// <summary>The requester no longer agrees to be named: consent off, its story off the impact page at once. Body: none.</summary>
    [JsonStringEnumMemberName(AdminActions.WithdrawConsent)] WithdrawConsent,
    /// <summary>Erases the request's personal data everywhere, in any state (a running workflow is stopped first). Body:
    /// <c>{ "reason": text }</c>. Never raised to an orchestration.</summary>
    [JsonStringEnumMemberName(AdminActions.Erase)] Erase,
}

/// <summary>The words of <see cref="AdminAction"/> as the route and the timeline spell them, and the parsing at the edge.</summary>
public static class AdminActions
{
    public const string Resend = "resend";
    public const string Reassign = "reassign";
    public const string Match = "match";
    public const string Terminate = "terminate";
    public const string Restart = "restart";
    public const string WithdrawConsent = "withdraw-consent";
    public const string Erase = "erase";

    /// <summary>Reads the route's word (exactly as the contract spells it); false for anything else.</summary>
    public static bool TryParse([NotNullWhen(true)] string? word, out AdminAction action)
    {
        (var known, action) = word switch
        {
            Resend => (true, AdminAction.Resend),
            Reassign => (true, AdminAction.Reassign),
            Match => (true, AdminAction.Match),
            Terminate => (true, AdminAction.Terminate),
            Restart => (true, AdminAction.Restart),
            WithdrawConsent => (true, AdminAction.WithdrawConsent),
            Erase => (true, AdminAction.Erase),
            _ => (false, default),
        };
        return known;
    }

    public static bool IsKnown([NotNullWhen(true)] string? word) => TryParse(word, out _);

    public static string ToWord(this AdminAction action) => action switch
    {
        AdminAction.Resend => Resend,
        AdminAction.Reassign => Reassign,
        AdminAction.Match => Match,
        AdminAction.Terminate => Terminate,
        AdminAction.Restart => Restart,
        AdminAction.WithdrawConsent => WithdrawConsent,
        AdminAction.Erase => Erase,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
