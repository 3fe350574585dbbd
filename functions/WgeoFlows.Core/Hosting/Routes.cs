namespace WgeoFlows.Hosting;

/// <summary>
/// Route templates under /api. Constants because the Functions host reads its routes from attributes, which take
/// constants only; <see cref="ApiRoutes"/> is where each template gets its verbs, handler and auth.
/// </summary>
public static class Routes
{
    public const string Requests = "requests";
    public const string Status = "status/{id}";
    // The emailed links' paths start with their kind's word (LinkKinds), as the tokens name it.
    public const string Review = Links.LinkKinds.Review + "/{token}";
    public const string Update = Links.LinkKinds.Update + "/{token}";
    public const string Offer = Links.LinkKinds.Offer + "/{token}";
    public const string AdminRequests = "admin/requests";
    public const string AdminRequest = "admin/requests/{id}";
    public const string AdminDashboard = "admin";
    public const string AdminDashboardScript = "admin/dashboard.js";
    public const string AdminSummary = "admin/summary";
    public const string SendGridEvents = "sendgrid/events";
    public const string AdminRequestAction = "admin/requests/{id}/{action}";
    public const string AdminReviewers = "admin/reviewers";
    public const string AdminReviewerChanges = "admin/reviewers/changes";
    public const string AdminPartners = "admin/partners";
    public const string AdminPartner = "admin/partners/{id}";
    public const string AdminPartnersImport = "admin/partners/import";
    public const string FollowUp = Links.LinkKinds.FollowUp + "/{token}";
    public const string Confirm = Links.LinkKinds.Confirm + "/{token}";
    public const string Health = "health";
    public const string AdminPeople = "admin/people";
    public const string AdminPeopleExport = "admin/people/export";
    public const string AdminPeopleErase = "admin/people/erase";
    public const string AdminAudit = "admin/audit";
    public const string AdminAttention = "admin/attention";
    public const string AdminRequestFlagClear = "admin/requests/{id}/flags/{kind}/clear";
    public const string AdminPartnersExport = "admin/partners/export";
    public const string AdminPartnerChanges = "admin/partners/{id}/changes";
    // Beside admin/partners, not under it: no partner id can hide it.
    public const string AdminPartnerTerms = "admin/partner-terms";
    public const string AdminSession = "admin/session";
}
