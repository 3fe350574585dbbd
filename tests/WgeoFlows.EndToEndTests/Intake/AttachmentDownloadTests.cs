using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Intake;

/// <summary>Attachments are downloadable by the request's reviewer through their link and by admins with the key, as
/// downloads (attachment, stored type, nosniff), and by nobody else.</summary>
public sealed class AttachmentDownloadTests(LocalStack stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private HttpClient Http => stack.Client.Http;

    private async Task<(string RequestId, string ReviewLink)> SubmitWithAttachmentsAsync(string submissionId, params JsonObject[] attachments)
    {
        var payload = SamplePayloads.Valid(submissionId);
        payload["attachments"] = new JsonArray(attachments);
        using var submitted = await stack.Client.SubmitAsync(payload);
        submitted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var requestId = (await submitted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("requestId").GetString()!;
        var review = await stack.Client.WaitForMailAsync(requestId, m => m.To.Contains("cities.lead@example.org"), "review request");
        return (requestId, WgeoClient.LinkIn(review, "review"));
    }

    private static async Task ShouldBeTheDownloadAsync(HttpResponseMessage response, string fileName, string contentType, byte[] bytes)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(contentType);
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileNameStar.ShouldBe(fileName);
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        (await response.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(bytes);
    }

    [Fact]
    public async Task The_reviewer_downloads_the_files_listed_on_the_review_page_and_still_can_after_deciding()
    {
        var (_, link) = await SubmitWithAttachmentsAsync("e2e-attach-review",
            SamplePayloads.Attachment("concept-note.pdf", "application/pdf", SamplePayloads.PdfBytes),
            SamplePayloads.Attachment("site map.png", "image/png", SamplePayloads.PngBytes));

        var page = await Http.GetStringAsync(link, Ct);
        page.ShouldContain($"{link}/attachments/concept-note.pdf");
        page.ShouldContain($"{link}/attachments/site%20map.png");

        using (var pdf = await Http.GetAsync($"{link}/attachments/concept-note.pdf", Ct))
            await ShouldBeTheDownloadAsync(pdf, "concept-note.pdf", "application/pdf", SamplePayloads.PdfBytes);
        using (var png = await Http.GetAsync($"{link}/attachments/site%20map.png", Ct))
            await ShouldBeTheDownloadAsync(png, "site map.png", "image/png", SamplePayloads.PngBytes);

        using (var approve = await stack.Client.PostFormAsync(link, ("decision", "approve")))
            approve.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var afterDecision = await Http.GetAsync($"{link}/attachments/concept-note.pdf", Ct);
        await ShouldBeTheDownloadAsync(afterDecision, "concept-note.pdf", "application/pdf", SamplePayloads.PdfBytes);
    }

    [Fact]
    public async Task A_tampered_link_another_requests_file_an_unknown_name_or_an_offer_link_download_nothing()
    {
        var (_, link) = await SubmitWithAttachmentsAsync("e2e-attach-denied",
            SamplePayloads.Attachment("concept-note.pdf", "application/pdf", SamplePayloads.PdfBytes));
        await SubmitWithAttachmentsAsync("e2e-attach-other", SamplePayloads.Attachment("secret-budget.pdf", "application/pdf", SamplePayloads.PdfBytes));

        var token = link[(link.LastIndexOf('/') + 1)..];
        var tampered = link[..(link.LastIndexOf('/') + 1)] + (token[0] == 'A' ? 'B' : 'A') + token[1..];
        var refused = new[]
        {
            $"{tampered}/attachments/concept-note.pdf",
            $"{link}/attachments/secret-budget.pdf",
            $"{link}/attachments/..%2F..%2Fconcept-note.pdf",
            $"{link}/attachments/nothing.pdf",
            $"/api/offer/{token}/attachments/concept-note.pdf",
            $"/api/update/{token}/attachments/concept-note.pdf",
        };
        foreach (var path in refused)
        {
            using var response = await Http.GetAsync(path, Ct);
            ((int)response.StatusCode).ShouldBeInRange(400, 499, path);
            response.Content.Headers.ContentDisposition.ShouldBeNull(path);
        }
    }

    [Fact]
    public async Task Admins_download_with_the_admin_key_and_nobody_downloads_without_it()
    {
        var (requestId, _) = await SubmitWithAttachmentsAsync("e2e-attach-admin",
            SamplePayloads.Attachment("budget.csv", "text/csv", "year,amount\n2027,250000\n"u8.ToArray()));
        var path = $"/api/admin/requests/{requestId}/attachments/budget.csv";

        using (var withKey = new HttpRequestMessage(HttpMethod.Get, path))
        {
            withKey.Headers.Add("X-Wgeo-Admin-Key", LocalStack.AdminKey);
            using var response = await Http.SendAsync(withKey, Ct);
            await ShouldBeTheDownloadAsync(response, "budget.csv", "text/csv", "year,amount\n2027,250000\n"u8.ToArray());
        }
        using (var noKey = await Http.GetAsync(path, Ct))
            noKey.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using (var wrongKey = new HttpRequestMessage(HttpMethod.Get, path))
        {
            wrongKey.Headers.Add("X-Wgeo-Admin-Key", "guess");
            using var response = await Http.SendAsync(wrongKey, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        foreach (var other in new[] { "/api/admin/requests/WG-00000-00000/attachments/budget.csv", $"/api/admin/requests/{requestId}/attachments/other.csv" })
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, other);
            message.Headers.Add("X-Wgeo-Admin-Key", LocalStack.AdminKey);
            using var response = await Http.SendAsync(message, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, other);
        }
    }
}
