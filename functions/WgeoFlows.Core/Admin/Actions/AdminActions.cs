namespace WgeoFlows.Admin.Actions;

/// <summary>The actions of <c>POST /api/admin/requests/{id}/{action}</c> (CONTRACT.md, plus restart).</summary>
public static class AdminActions
{
    /// <summary>Mails the open review (or update) stage's links again. Body: none.</summary>
    public const string Resend = "resend";
    /// <summary>Gives the open review stage to another reviewer; the old links die. Body: <c>{ "reviewer": email }</c>.</summary>
    public const string Reassign = "reassign";
    /// <summary>Matches a request that needs a manual match. Body: <c>{ "partnerId": id }</c>.</summary>
    public const string Match = "match";
    /// <summary>Stops the request: <c>Cancelled</c>, everybody concerned told. Body: <c>{ "reason": text }</c>.</summary>
    public const string Terminate = "terminate";
    /// <summary>Runs a failed request's workflow again from the start, keeping its record and timeline. Body: none.</summary>
    public const string Restart = "restart";

    public static bool IsKnown(string? action) => action is Resend or Reassign or Match or Terminate or Restart;
}
