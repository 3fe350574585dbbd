using Azure.Data.Tables;
using WgeoFlows.Links;
using WgeoFlows.Notifications;
using WgeoFlows.Shared;

namespace WgeoFlows.Privacy.Erasure;

/// <summary>
/// Which role each address a request's rows hold had in that request, read from the rows themselves: a link stage's kind
/// says whom its persons are (review: reviewers, offer: partners, update and confirm: the requester), a mail's template says
/// whom it went to, the admins' notification addresses are admins', and the contact is the requester whatever else.
/// </summary>
public static class RequestRoles
{
    /// <summary>The words link stages store in their Kind column (the rows are read as stored).</summary>
    private static readonly Dictionary<string, string> StageKinds = new(StringComparer.Ordinal)
    {
        [LinkKinds.Review] = PersonRoles.Reviewer,
        [LinkKinds.Offer] = PersonRoles.Partner,
        [LinkKinds.Update] = PersonRoles.Requester,
        [LinkKinds.Confirm] = PersonRoles.Requester,
        // The requester's follow-up is theirs; the contact rule below wins for it.
        [LinkKinds.FollowUp] = PersonRoles.Partner,
    };

    private static readonly Dictionary<string, string> Templates = new(StringComparer.Ordinal)
    {
        [EmailTemplates.Acknowledgement] = PersonRoles.Requester,
        [EmailTemplates.ScreeningRejected] = PersonRoles.Requester,
        [EmailTemplates.InfoRequest] = PersonRoles.Requester,
        [EmailTemplates.RequestRejected] = PersonRoles.Requester,
        [EmailTemplates.RequestExpired] = PersonRoles.Requester,
        [EmailTemplates.IntroductionRequester] = PersonRoles.Requester,
        [EmailTemplates.RequestCancelled] = PersonRoles.Requester,
        [EmailTemplates.Confirmation] = PersonRoles.Requester,
        [EmailTemplates.ReviewRequest] = PersonRoles.Reviewer,
        [EmailTemplates.ReviewReminder] = PersonRoles.Reviewer,
        [EmailTemplates.ReviewEscalation] = PersonRoles.Reviewer,
        [EmailTemplates.Offer] = PersonRoles.Partner,
        [EmailTemplates.IntroductionPartner] = PersonRoles.Partner,
        [EmailTemplates.FollowUp] = PersonRoles.Partner,
        [EmailTemplates.NeedsManualMatch] = PersonRoles.Admin,
    };

    /// <param name="contactEmail">The request's contact (the requester).</param>
    /// <param name="rows">The rows of the request's partition.</param>
    /// <param name="adminEmails">The admins' notification addresses (Admin:NotifyEmails).</param>
    public static IReadOnlyDictionary<string, string> Of(string contactEmail, IEnumerable<TableEntity> rows, IEnumerable<string> adminEmails)
    {
        var roles = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(IEnumerable<string> addresses, string role)
        {
            foreach (var address in addresses) roles[EmailAddresses.Normalize(address)] = role;
        }

        Add(adminEmails, PersonRoles.Admin);
        var all = rows.ToList();
        foreach (var mail in all.Where(r => r.RowKey.StartsWith("mail|", StringComparison.Ordinal)))
        {
            if (Templates.TryGetValue(mail.GetString("Template") ?? "", out var role)) Add(EmailsInText.Find(mail.GetString("To") ?? ""), role);
        }
        foreach (var stage in all.Where(r => r.RowKey.StartsWith("stage|", StringComparison.Ordinal)))
        {
            if (!StageKinds.TryGetValue(stage.GetString("Kind") ?? "", out var role)) continue;
            Add(EmailsInText.Find(stage.GetString("Persons") ?? ""), role);
            Add(EmailsInText.Find(stage.GetString("DecidedBy") ?? ""), role);
        }
        if (!string.IsNullOrWhiteSpace(contactEmail)) roles[EmailAddresses.Normalize(contactEmail)] = PersonRoles.Requester;
        return roles;
    }
}
