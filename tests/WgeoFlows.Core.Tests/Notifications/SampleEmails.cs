using WgeoFlows.Intake;
using WgeoFlows.Notifications;
using WgeoFlows.Workflow;

namespace WgeoFlows.Tests.Notifications;

/// <summary>A realistic request and, for every template, all the values an orchestrator passes.</summary>
internal static class SampleEmails
{
    public static SupportRequest Request(string title = "Solar mini-grids for informal settlements", string organization = "Nairobi County Energy Office") => new()
    {
        RequestId = "req-2026-0042",
        SubmissionId = "form-7f3a91",
        SubmittedAt = new DateTimeOffset(2026, 3, 14, 9, 30, 0, TimeSpan.Zero),
        Organization = new Organization(organization, "cities", "KE", "https://example.org"),
        Contact = new Contact("Amina Otieno", "amina@example.org", "en"),
        Title = title,
        Description = "Pilot mini-grids in two settlements.\nWe need design support and co-financing.",
        ThematicAreas = ["renewable-energy", "sustainable-cities"],
        SupportTypes = ["technical-assistance", "financing"],
        PreferredRegions = ["africa", "asia"],
        BudgetUsd = 250000m,
        NeededBy = new DateOnly(2027, 6, 30),
        Status = RequestStatus.InReview,
        UpdatedAt = new DateTimeOffset(2026, 3, 15, 10, 0, 0, TimeSpan.Zero),
    };

    public static readonly EmailRecipient Recipient = new("amina@example.org", "Amina Otieno");

    public static IReadOnlyDictionary<string, string> ValuesFor(string template) => template switch
    {
        EmailTemplates.Acknowledgement => new Dictionary<string, string> { ["statusUrl"] = "https://wgeo.example/api/status/req-2026-0042?t=abc&v=1" },
        EmailTemplates.ScreeningRejected => new Dictionary<string, string> { ["reasons"] = "The country is not eligible.\nNo thematic area was given." },
        EmailTemplates.ReviewRequest => new Dictionary<string, string>
        {
            ["reviewLink"] = "https://wgeo.example/api/review/tok-review-1",
            ["stageName"] = "Platform review",
            ["reviewerName"] = "Lucía Fernández",
        },
        EmailTemplates.ReviewReminder => new Dictionary<string, string> { ["reviewLink"] = "https://wgeo.example/api/review/tok-review-1", ["stageName"] = "Platform review" },
        EmailTemplates.ReviewEscalation => new Dictionary<string, string>
        {
            ["reviewLink"] = "https://wgeo.example/api/review/tok-review-2",
            ["stageName"] = "Platform review",
            ["primaryReviewer"] = "Lucía Fernández",
        },
        EmailTemplates.InfoRequest => new Dictionary<string, string>
        {
            ["updateLink"] = "https://wgeo.example/api/update/tok-update-1",
            ["question"] = "Which two settlements, and how many households?",
        },
        EmailTemplates.RequestRejected => new Dictionary<string, string> { ["comment"] = "The request duplicates a project already funded." },
        EmailTemplates.RequestExpired => new Dictionary<string, string>(),
        EmailTemplates.Offer => new Dictionary<string, string>
        {
            ["offerLink"] = "https://wgeo.example/api/offer/tok-offer-1",
            ["partnerName"] = "Chen Wei",
            ["partnerOrganization"] = "Shenzhen Clean Energy Institute",
            ["triangular"] = "true",
        },
        EmailTemplates.IntroductionRequester => new Dictionary<string, string>
        {
            ["partnerNames"] = "Chen Wei\nMaría Gómez",
            ["partnerOrganizations"] = "Shenzhen Clean Energy Institute\nBanco Verde",
            ["partnerEmails"] = "chen@example.cn\nmaria@example.mx",
            ["partnerCountries"] = "CN\nMX",
        },
        EmailTemplates.IntroductionPartner => new Dictionary<string, string> { ["partnerName"] = "Chen Wei" },
        EmailTemplates.NeedsManualMatch => new Dictionary<string, string> { ["adminUrl"] = "https://wgeo.example/api/admin#req-2026-0042" },
        EmailTemplates.ReviewerMissing => new Dictionary<string, string>
        {
            ["adminUrl"] = "https://wgeo.example/api/admin#reviewers",
            ["stageName"] = "Review",
        },
        EmailTemplates.FollowUp => new Dictionary<string, string> { ["followUpLink"] = "https://wgeo.example/api/follow-up/tok-follow-1" },
        EmailTemplates.RequestCancelled => new Dictionary<string, string> { ["reason"] = "Withdrawn at the requester's demand." },
        EmailTemplates.ActionWithdrawn => new Dictionary<string, string> { ["reason"] = "The secretariat has asked another reviewer to review this request." },
        EmailTemplates.Confirmation => new Dictionary<string, string> { ["confirmLink"] = "https://wgeo.example/api/confirm/tok-confirm-1" },
        _ => throw new ArgumentOutOfRangeException(nameof(template), template, "no sample values"),
    };

}
