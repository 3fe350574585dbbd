namespace WgeoFlows.Privacy;

/// <summary>
/// What a person is to a request: how an access request lists their requests (<c>HeldRequest.Roles</c>), and the roles that
/// stand in for people once their addresses are erased — a timeline still says who acted, a mail still says whom it went
/// to, without saying who that was.
/// </summary>
public static class PersonRoles
{
    /// <summary>The request's contact, or the person its confirmation, update and follow-up links were for.</summary>
    public const string Requester = "requester";
    /// <summary>A reviewer a review link was for.</summary>
    public const string Reviewer = "reviewer";
    /// <summary>A partner an offer or a follow-up link was for.</summary>
    public const string Partner = "partner";
    /// <summary>Only a recipient of the request's mails (an admin told of a manual match, say).</summary>
    public const string Recipient = "recipient";
    public const string Admin = "admin";
    /// <summary>Someone the request's rows name whose role they do not tell.</summary>
    public const string Person = "person";
    public const string System = "system";

    /// <summary>Actors that are already a role or a machine (the SendGrid event webhook writes as "sendgrid").</summary>
    public static bool IsRoleOrMachine(string actor) =>
        actor is Requester or Reviewer or Partner or Admin or Person or System or "sendgrid";
}
