namespace WgeoFlows.Privacy.Erasure;

/// <summary>The roles that stand in for people once their addresses are erased: a timeline still says who acted, a mail
/// still says whom it went to, without saying who that was.</summary>
public static class PersonRoles
{
    public const string Requester = "requester";
    public const string Reviewer = "reviewer";
    public const string Partner = "partner";
    public const string Admin = "admin";
    /// <summary>Someone the request's rows name whose role they do not tell.</summary>
    public const string Person = "person";
    public const string System = "system";

    /// <summary>Actors that are already a role or a machine (the SendGrid event webhook writes as "sendgrid").</summary>
    public static bool IsRoleOrMachine(string actor) =>
        actor is Requester or Reviewer or Partner or Admin or Person or System or "sendgrid";
}
