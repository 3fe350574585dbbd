using Microsoft.AspNetCore.Http;
using WgeoFlows.Admin.Actions;
using WgeoFlows.Admin.Attention;
using WgeoFlows.Admin.Dashboard;
using WgeoFlows.Admin.Held;
using WgeoFlows.Admin.MailEvents;
using WgeoFlows.Admin.Requests;
using WgeoFlows.Health;
using WgeoFlows.Impact;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Attachments;
using WgeoFlows.Intake.Form;
using WgeoFlows.Intake.Status;
using WgeoFlows.Intake.Typeform;
using WgeoFlows.LinkPages;
using WgeoFlows.Links;
using WgeoFlows.Matching.FollowUp;
using WgeoFlows.Matching.Partners;
using WgeoFlows.Privacy.Audit;
using WgeoFlows.Privacy.Erasure;
using WgeoFlows.Privacy.People;
using WgeoFlows.Review.Reviewers;
using WgeoFlows.Web.AdminAuth;
using WgeoFlows.Web.RateLimiting;
using WgeoFlows.Web.Routing;

namespace WgeoFlows.Hosting;

/// <summary>
/// Every public route of the app, once: the local host maps <see cref="All"/> in a loop (<see cref="ApiEndpoints"/>), the
/// Functions host has one function per entry named after it, and a test checks both hosts against this list. An entry
/// serves one handler; verbs that share a handler (GET and HEAD of a page) share an entry, and a template whose verbs do
/// different things has one entry per handler.
/// </summary>
public static class ApiRoutes
{
    private static readonly string[] Get = [HttpMethods.Get];
    private static readonly string[] Page = [HttpMethods.Get, HttpMethods.Head];
    private static readonly string[] Post = [HttpMethods.Post];
    private static readonly string[] Put = [HttpMethods.Put];
    private static readonly string[] Delete = [HttpMethods.Delete];

    // Intake: the three doors, the status page and the attachments.
    public static readonly ApiRoute Intake = new(nameof(Intake), Routes.Requests, Post, RouteAuth.SignedBody,
        c => c.Handler<IntakeHandler>().SubmitAsync(c.Request, c.Durable, c.Cancellation))
    { Door = PublicDoor.Webhook, UsesDurableClient = true };
    public static readonly ApiRoute IntakeTypeform = new(nameof(IntakeTypeform), IntakeRoutes.Typeform, Post, RouteAuth.SignedBody,
        c => c.Handler<TypeformHandler>().SubmitAsync(c.Request, c.Durable, c.Cancellation))
    { Door = PublicDoor.Typeform, UsesDurableClient = true };
    public static readonly ApiRoute IntakeFormShow = new(nameof(IntakeFormShow), IntakeRoutes.Form, Get, RouteAuth.Public,
        c => c.Handler<FormPageHandler>().ShowAsync(c.Request))
    { Door = PublicDoor.Form };
    // The form's own cookie-bound signed token and same-origin checks are its protection against cross-site posts.
    public static readonly ApiRoute IntakeFormSubmit = new(nameof(IntakeFormSubmit), IntakeRoutes.Form, Post, RouteAuth.Public,
        c => c.Handler<FormPageHandler>().SubmitAsync(c.Request, c.Durable, c.Cancellation))
    { Door = PublicDoor.Form, UsesDurableClient = true };
    public static readonly ApiRoute Status = new(nameof(Status), Routes.Status, Page, RouteAuth.SignedLink,
        c => c.Handler<StatusPageHandler>().ShowAsync(c.Request, c.Value("id"), c.Query("sig"), c.Cancellation))
    { Door = PublicDoor.Status };
    public static readonly ApiRoute ReviewAttachment = new(nameof(ReviewAttachment), IntakeRoutes.ReviewAttachment, Get, RouteAuth.SignedLink,
        c => c.Handler<AttachmentDownloadHandler>().ForLinkAsync(c.Request, LinkKind.Review, c.Value("token"), c.Value("fileName"), c.Cancellation))
    { Door = PublicDoor.Links };
    public static readonly ApiRoute UpdateAttachment = new(nameof(UpdateAttachment), IntakeRoutes.UpdateAttachment, Get, RouteAuth.SignedLink,
        c => c.Handler<AttachmentDownloadHandler>().ForLinkAsync(c.Request, LinkKind.Update, c.Value("token"), c.Value("fileName"), c.Cancellation))
    { Door = PublicDoor.Links };
    public static readonly ApiRoute AdminAttachment = new(nameof(AdminAttachment), IntakeRoutes.AdminAttachment, Get, RouteAuth.Admin,
        c => c.Handler<AttachmentDownloadHandler>().ForAdminAsync(c.Request, c.Value("id"), c.Value("fileName"), c.Cancellation));

    // The emailed links: GET and HEAD show a page and change nothing (mail scanners open links); only POST decides.
    public static readonly ApiRoute ReviewLinkShow = LinkShow(nameof(ReviewLinkShow), Routes.Review, LinkKind.Review, PublicDoor.Links);
    public static readonly ApiRoute ReviewLinkDecide = LinkDecide(nameof(ReviewLinkDecide), Routes.Review, LinkKind.Review, PublicDoor.Links);
    public static readonly ApiRoute UpdateLinkShow = LinkShow(nameof(UpdateLinkShow), Routes.Update, LinkKind.Update, PublicDoor.Links);
    public static readonly ApiRoute UpdateLinkDecide = LinkDecide(nameof(UpdateLinkDecide), Routes.Update, LinkKind.Update, PublicDoor.Links);
    public static readonly ApiRoute OfferLinkShow = LinkShow(nameof(OfferLinkShow), Routes.Offer, LinkKind.Offer, PublicDoor.Links);
    public static readonly ApiRoute OfferLinkDecide = LinkDecide(nameof(OfferLinkDecide), Routes.Offer, LinkKind.Offer, PublicDoor.Links);
    public static readonly ApiRoute ConfirmLinkShow = LinkShow(nameof(ConfirmLinkShow), Routes.Confirm, LinkKind.Confirm, PublicDoor.Confirm);
    public static readonly ApiRoute ConfirmLinkDecide = LinkDecide(nameof(ConfirmLinkDecide), Routes.Confirm, LinkKind.Confirm, PublicDoor.Confirm);
    public static readonly ApiRoute FollowUpShow = new(nameof(FollowUpShow), Routes.FollowUp, Page, RouteAuth.SignedLink,
        c => c.Handler<FollowUpPageHandler>().ShowAsync(c.Request, c.Value("token"), c.Cancellation))
    { Door = PublicDoor.Links };
    public static readonly ApiRoute FollowUpAnswer = new(nameof(FollowUpAnswer), Routes.FollowUp, Post, RouteAuth.SignedLink,
        c => c.Handler<FollowUpPageHandler>().AnswerAsync(c.Value("token"), c.Request, c.Durable, c.Cancellation))
    { Door = PublicDoor.Links, UsesDurableClient = true };

    // Admin: requests, their actions, held deliveries, reviewers, partners, the dashboard, a person's data.
    public static readonly ApiRoute AdminRequests = new(nameof(AdminRequests), Routes.AdminRequests, Get, RouteAuth.Admin,
        c => c.Handler<AdminRequestsHandler>().ListAsync(c.Request, c.Cancellation));
    public static readonly ApiRoute AdminRequest = new(nameof(AdminRequest), Routes.AdminRequest, Get, RouteAuth.Admin,
        c => c.Handler<AdminRequestsHandler>().DetailAsync(c.Request, c.Value("id"), c.Durable, c.Cancellation))
    { UsesDurableClient = true };
    public static readonly ApiRoute AdminRequestAction = new(nameof(AdminRequestAction), Routes.AdminRequestAction, Post, RouteAuth.AdminChange,
        c => c.Handler<AdminActionsHandler>().ActAsync(c.Request, c.Value("id"), c.Value("action"), c.Durable, c.Cancellation))
    { UsesDurableClient = true };
    public static readonly ApiRoute AdminHeldList = new(nameof(AdminHeldList), HeldRoutes.List, Get, RouteAuth.Admin,
        c => c.Handler<HeldAdminHandler>().ListAsync(c.Request, c.Cancellation));
    public static readonly ApiRoute AdminHeld = new(nameof(AdminHeld), HeldRoutes.Item, Get, RouteAuth.Admin,
        c => c.Handler<HeldAdminHandler>().DetailAsync(c.Request, c.Value("id"), c.Cancellation));
    public static readonly ApiRoute AdminHeldAction = new(nameof(AdminHeldAction), HeldRoutes.Action, Post, RouteAuth.AdminChange,
        c => c.Handler<HeldAdminHandler>().ActAsync(c.Request, c.Value("id"), c.Value("action"), c.Durable, c.Cancellation))
    { UsesDurableClient = true };
    public static readonly ApiRoute AdminReviewersList = new(nameof(AdminReviewersList), Routes.AdminReviewers, Get, RouteAuth.Admin,
        c => c.Handler<ReviewersHandler>().ListAsync(c.Request, c.Cancellation));
    public static readonly ApiRoute AdminReviewersReplace = new(nameof(AdminReviewersReplace), Routes.AdminReviewers, Put, RouteAuth.AdminChange,
        c => c.Handler<ReviewersHandler>().ReplaceAsync(c.Request, c.Durable, c.Cancellation))
    { UsesDurableClient = true };
    public static readonly ApiRoute AdminReviewerChanges = new(nameof(AdminReviewerChanges), Routes.AdminReviewerChanges, Get, RouteAuth.Admin,
        c => c.Handler<ReviewersHandler>().ChangesAsync(c.Request, c.Cancellation));
    public static readonly ApiRoute AdminPartners = new(nameof(AdminPartners), Routes.AdminPartners, Get, RouteAuth.Admin,
        c => c.Handler<PartnersAdminHandler>().ListAsync(c.Request, c.Cancellation));
    public static readonly ApiRoute AdminPartnersImport = new(nameof(AdminPartnersImport), Routes.AdminPartnersImport, Post, RouteAuth.AdminChange,
        c => c.Handler<PartnersAdminHandler>().ImportAsync(c.Request, c.Cancellation));
    public static readonly ApiRoute AdminPartnerGet = new(nameof(AdminPartnerGet), Routes.AdminPartner, Get, RouteAuth.Admin,
        c => c.Handler<PartnersAdminHandler>().GetAsync(c.Request, c.Value("id"), c.Cancellation));
    public static readonly ApiRoute AdminPartnerPut = new(nameof(AdminPartnerPut), Routes.AdminPartner, Put, RouteAuth.AdminChange,
        c => c.Handler<PartnersAdminHandler>().PutAsync(c.Request, c.Value("id"), c.Cancellation));
    public static readonly ApiRoute AdminPartnerDelete = new(nameof(AdminPartnerDelete), Routes.AdminPartner, Delete, RouteAuth.AdminChange,
        c => c.Handler<PartnersAdminHandler>().DeleteAsync(c.Request, c.Value("id"), c.Cancellation));
    // A literal segment outranks {id} in both hosts' routing, so "export" is never read as a partner's id.
    public static readonly ApiRoute AdminPartnersExport = new(nameof(AdminPartnersExport), Routes.AdminPartnersExport, Get, RouteAuth.Admin,
        c => c.Handler<PartnersAdminHandler>().ExportAsync(c.Request, c.Cancellation));
    public static readonly ApiRoute AdminPartnerChanges = new(nameof(AdminPartnerChanges), Routes.AdminPartnerChanges, Get, RouteAuth.Admin,
        c => c.Handler<PartnersAdminHandler>().ChangesAsync(c.Request, c.Value("id"), c.Cancellation));
    public static readonly ApiRoute AdminPartnerTerms = new(nameof(AdminPartnerTerms), Routes.AdminPartnerTerms, Get, RouteAuth.Admin,
        c => c.Handler<PartnersAdminHandler>().TermsAsync(c.Request));
    public static readonly ApiRoute AdminDashboard = new(nameof(AdminDashboard), Routes.AdminDashboard, Get, RouteAuth.Public,
        c => Task.FromResult(c.Handler<AdminDashboardHandler>().Page()));
    public static readonly ApiRoute AdminDashboardScript = new(nameof(AdminDashboardScript), Routes.AdminDashboardScript, Get, RouteAuth.Public,
        c => Task.FromResult(c.Handler<AdminDashboardHandler>().Script()));
    public static readonly ApiRoute AdminSummary = new(nameof(AdminSummary), Routes.AdminSummary, Get, RouteAuth.Admin,
        c => c.Handler<AdminDashboardHandler>().SummaryAsync(c.Request, c.Cancellation));
    // A person's data: what holds their address, and all of it as one file (docs/personal-data.md).
    public static readonly ApiRoute AdminPeople = new(nameof(AdminPeople), Routes.AdminPeople, Get, RouteAuth.Admin,
        c => c.Handler<PeopleHandler>().ListAsync(c.Request, c.Cancellation));
    public static readonly ApiRoute AdminPeopleExport = new(nameof(AdminPeopleExport), Routes.AdminPeopleExport, Get, RouteAuth.Admin,
        c => c.Handler<PeopleHandler>().ExportAsync(c.Request, c.Cancellation));
    // Personal data: the erasure of a person (a request's is one of its admin actions above), and the audit of erasures.
    public static readonly ApiRoute AdminPeopleErase = new(nameof(AdminPeopleErase), Routes.AdminPeopleErase, Post, RouteAuth.AdminChange,
        c => c.Handler<ErasureHandler>().ErasePersonAsync(c.Request, c.Durable, c.Cancellation))
    { UsesDurableClient = true };
    public static readonly ApiRoute AdminAudit = new(nameof(AdminAudit), Routes.AdminAudit, Get, RouteAuth.Admin,
        c => c.Handler<AuditHandler>().ListAsync(c.Request, c.Cancellation));
    // Who is signed in to the dashboard and how (answered to anyone: the page asks before it knows).
    public static readonly ApiRoute AdminSession = new(nameof(AdminSession), Routes.AdminSession, Get, RouteAuth.Public,
        c => Task.FromResult(c.Handler<AdminSessionHandler>().Session(c.Request)));
    public static readonly ApiRoute SendGridEvents = new(nameof(SendGridEvents), Routes.SendGridEvents, Post, RouteAuth.SignedBody,
        c => c.Handler<SendGridEventHandler>().HandleAsync(c.Request, c.Cancellation));
    // Needs attention: everything an admin must act on, and the flag an admin marks as dealt with.
    public static readonly ApiRoute AdminAttention = new(nameof(AdminAttention), Routes.AdminAttention, Get, RouteAuth.Admin,
        c => c.Handler<AttentionHandler>().ListAsync(c.Request, c.Durable, c.Cancellation))
    { UsesDurableClient = true };
    public static readonly ApiRoute AdminRequestFlagClear = new(nameof(AdminRequestFlagClear), Routes.AdminRequestFlagClear, Post, RouteAuth.AdminChange,
        c => c.Handler<AttentionHandler>().ClearFlagAsync(c.Request, c.Value("id"), c.Value("kind"), c.Cancellation));

    // Public figures and the health probe.
    public static readonly ApiRoute ImpactPage = new(nameof(ImpactPage), ImpactRoutes.Page, Get, RouteAuth.Public,
        c => c.Handler<ImpactHandler>().PageAsync(c.Request, c.Cancellation))
    { Door = PublicDoor.Impact };
    public static readonly ApiRoute ImpactDataJson = new(nameof(ImpactDataJson), ImpactRoutes.DataJson, Get, RouteAuth.Public,
        c => c.Handler<ImpactHandler>().JsonAsync(c.Cancellation))
    { Door = PublicDoor.Impact };
    public static readonly ApiRoute ImpactDataCsv = new(nameof(ImpactDataCsv), ImpactRoutes.DataCsv, Get, RouteAuth.Public,
        c => c.Handler<ImpactHandler>().CsvAsync(c.Cancellation))
    { Door = PublicDoor.Impact };
    public static readonly ApiRoute Health = new(nameof(Health), Routes.Health, Get, RouteAuth.Public,
        c => c.Handler<HealthHandler>().CheckAsync(c.Durable, c.Cancellation))
    { UsesDurableClient = true };

    /// <summary>Every entry above. Declared last: static fields are initialised in the order they are written.</summary>
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        Intake, IntakeTypeform, IntakeFormShow, IntakeFormSubmit, Status, ReviewAttachment, UpdateAttachment, AdminAttachment,
        ReviewLinkShow, ReviewLinkDecide, UpdateLinkShow, UpdateLinkDecide, OfferLinkShow, OfferLinkDecide, ConfirmLinkShow, ConfirmLinkDecide,
        FollowUpShow, FollowUpAnswer,
        AdminRequests, AdminRequest, AdminRequestAction, AdminHeldList, AdminHeld, AdminHeldAction, AdminReviewersList, AdminReviewersReplace,
        AdminPartners, AdminPartnersImport, AdminPartnerGet, AdminPartnerPut, AdminPartnerDelete,
        AdminDashboard, AdminDashboardScript, AdminSummary, AdminPeople, AdminPeopleExport, AdminPeopleErase, AdminAudit, SendGridEvents,
        AdminAttention, AdminRequestFlagClear,
        ImpactPage, ImpactDataJson, ImpactDataCsv, Health,
        AdminPartnersExport, AdminPartnerChanges, AdminPartnerTerms,
        AdminSession,
        AdminReviewerChanges,
    ];

    private static readonly Dictionary<string, ApiRoute> ByName = All.ToDictionary(r => r.Name, StringComparer.Ordinal);

    /// <summary>The entry named <paramref name="name"/> (a Functions host's function name), or null.</summary>
    public static ApiRoute? Named(string name) => ByName.GetValueOrDefault(name);

    private static ApiRoute LinkShow(string name, string template, LinkKind kind, PublicDoor door) =>
        new(name, template, Page, RouteAuth.SignedLink, c => c.Handler<LinkPageHandler>().ShowAsync(c.Request, kind, c.Value("token"), c.Cancellation))
        { Door = door };

    private static ApiRoute LinkDecide(string name, string template, LinkKind kind, PublicDoor door) =>
        new(name, template, Post, RouteAuth.SignedLink,
            c => c.Handler<LinkPageHandler>().DecideAsync(kind, c.Value("token"), c.Request, c.Durable, c.Cancellation))
        { Door = door, UsesDurableClient = true };
}
