using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WgeoFlows.Intake.Typeform;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Matching;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.InSevenLanguages;

/// <summary>
/// A local host of its own (follow-up after seconds, no request limits that a hundred page loads would reach) on which
/// requests are driven to every page behind an emailed link a requester or partner opens: the update form (a reviewer
/// asked for more information), an open offer, the confirmation of a Typeform request, and the follow-up form of a
/// matched request. Each link is read from the mail sink once and then opened in every language with <c>?lang=</c>.
/// </summary>
public sealed class LanguageJourney : IAsyncLifetime
{
    public const string Requester = "amina@example.org";
    public const string Reviewer = "cities.lead@example.org";

    public OwnStack Stack { get; private set; } = null!;

    public Uri BaseUrl => Stack.Host.BaseUrl;

    /// <summary>A request waiting for the requester's added information; its status page is the one checked.</summary>
    public string StatusRequestId { get; private set; } = "";

    public string StatusPath { get; private set; } = "";
    public string UpdatePath { get; private set; } = "";
    public string OfferPath { get; private set; } = "";
    public string ConfirmPath { get; private set; } = "";
    public string FollowUpPath { get; private set; } = "";

    /// <summary>The offer link with one character of its signature changed: the refusal page.</summary>
    public string TamperedPath { get; private set; } = "";

    /// <summary>A status link whose signature is wrong: the status page's not-found page.</summary>
    public string UnknownStatusPath { get; private set; } = "";

    private WgeoClient Client => Stack.Client;

    public async ValueTask InitializeAsync()
    {
        Stack = await OwnStack.StartAsync(new Dictionary<string, string?>
        {
            ["Admin:NotifyEmails:0"] = "secretariat@example.org",
            // Form posts go straight on, so that each of the many accepted pages is a plain one; the confirmation page
            // comes from a Typeform request, which keeps its confirmation.
            ["Intake:Confirmation:Form"] = "false",
            ["Matching:OfferTimeout"] = "01:00:00",
            ["FollowUp:After"] = "00:00:02",
            ["FollowUp:AnswerWithin"] = "01:00:00",
            // Every page is loaded in seven languages at two sizes, and again for its weight: far above a person's rate.
            ["RateLimits:Form:PermitLimit"] = "100000",
            ["RateLimits:Status:PermitLimit"] = "100000",
            ["RateLimits:Links:PermitLimit"] = "100000",
            ["RateLimits:Confirm:PermitLimit"] = "100000",
            ["RateLimits:Webhook:PermitLimit"] = "100000",
            ["RateLimits:Typeform:PermitLimit"] = "100000",
            ["RateLimits:Impact:PermitLimit"] = "100000",
        });
        await Task.WhenAll(UpdateAsync(), OfferAsync(), FollowUpAsync(), ConfirmAsync());
        var offerToken = OfferPath[(OfferPath.LastIndexOf('/') + 1)..];
        var inSignature = offerToken.IndexOf('.') + 5;
        TamperedPath = OfferPath[..(OfferPath.Length - offerToken.Length)] + offerToken[..inSignature]
            + (offerToken[inSignature] == 'A' ? 'B' : 'A') + offerToken[(inSignature + 1)..];
        UnknownStatusPath = $"/api/status/{StatusRequestId}?sig=000000000000000000000000";
    }

    public async ValueTask DisposeAsync()
    {
        if (Stack is not null) await Stack.DisposeAsync();
    }

    private async Task<(string RequestId, string StatusPath)> SubmitAsync(string name)
    {
        using var response = await Client.SubmitAsync(SamplePayloads.Valid($"e2e-languages-{name}-{Guid.NewGuid():N}"));
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (accepted.GetProperty("requestId").GetString()!, new Uri(accepted.GetProperty("statusUrl").GetString()!).PathAndQuery);
    }

    private async Task ReviewAsync(string requestId, params (string Name, string Value)[] decision)
    {
        var review = await Client.WaitForMailAsync(requestId, m => m.To.Contains(Reviewer) && WgeoClient.LinkPatternMatches(m, "review"), "review request");
        using var answer = await Client.PostFormAsync(WgeoClient.LinkIn(review, "review"), decision);
        answer.StatusCode.ShouldBe(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
    }

    private async Task UpdateAsync()
    {
        var (requestId, statusPath) = await SubmitAsync("update");
        await ReviewAsync(requestId, ("decision", "request-info"), ("comment", "Which districts would the mini-grids serve first?"));
        var mail = await Client.WaitForMailAsync(requestId, m => m.To.Contains(Requester) && WgeoClient.LinkPatternMatches(m, "update"), "update request");
        (StatusRequestId, StatusPath, UpdatePath) = (requestId, statusPath, WgeoClient.LinkIn(mail, "update"));
    }

    private async Task OfferAsync()
    {
        var (requestId, _) = await SubmitAsync("offer");
        await ReviewAsync(requestId, ("decision", "approve"));
        var offer = await Client.WaitForMailAsync(requestId, m => WgeoClient.LinkPatternMatches(m, "offer"), "offer");
        OfferPath = WgeoClient.LinkIn(offer, "offer");
    }

    private async Task FollowUpAsync()
    {
        var (requestId, _) = await SubmitAsync("followup");
        await ReviewAsync(requestId, ("decision", "approve"));
        await Client.AcceptOffersUntilMatchedAsync(requestId);
        var mail = await Client.WaitForMailAsync(requestId, m => m.To.Contains(Requester) && AdminHttp.HasFollowUpLink(m), "follow-up");
        FollowUpPath = AdminHttp.FollowUpLinkIn(mail);
    }

    private async Task ConfirmAsync()
    {
        var body = Encoding.UTF8.GetBytes(ConfirmationTests.DeliveryTo($"e2e-languages-confirm-{Guid.NewGuid():N}", "confirm.languages@example.org")
            .ToJsonString());
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/requests/typeform") { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new("application/json");
        // The local host's own Typeform secret (appsettings.json), which OwnStack leaves as it is.
        message.Headers.Add(TypeformSignature.Header, TypeformSignature.Compute(LocalStack.TypeformSecretValue, body));
        using var response = await Client.Http.SendAsync(message);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var requestId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestId").GetString()!;
        var confirmation = await Client.WaitForMailAsync(requestId, m => WgeoClient.LinkPatternMatches(m, "confirm"), "confirmation");
        ConfirmPath = WgeoClient.LinkIn(confirmation, "confirm");
    }
}
