using System.Text.Json;
using WgeoFlows.Intake.Attachments;
using WgeoFlows.Privacy;
using WgeoFlows.Privacy.People;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Privacy.People;

/// <summary>
/// GET /api/admin/people/export?email= returns everything held about the person as one JSON file: their request as they
/// submitted it (names and texts in any script), their answers, their attachments with a working admin download link,
/// the mails sent to them with dates, the timeline entries, link decisions and flags that name them, their partner and reviewer
/// entries; and nothing of the other people who share those requests.
/// </summary>
public sealed class PersonExportTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly DoorStack _stack = new(azurite);

    [Fact]
    public async Task The_export_is_one_json_file_holding_the_request_answers_attachments_mails_timeline_and_registry_entries()
    {
        var scene = await PersonScene.SeedAsync(_stack, Ct);

        var answer = await ExportAsync(scene.Address);

        answer.Status.ShouldBe(200);
        answer.ContentType.ShouldNotBeNull().ShouldStartWith("application/json");
        answer.Headers.ContentDisposition.ToString().ShouldMatch(@"^attachment; filename=""wgeo-person-export-\d{8}-\d{6}\.json""$");
        answer.Headers.CacheControl.ToString().ShouldBe("no-store");
        var doc = answer.Json;
        doc.GetProperty("format").GetString().ShouldBe(PersonExport.CurrentFormat);
        doc.GetProperty("email").GetString().ShouldBe(scene.Lower);

        var submitted = Request(doc, scene.Submitted);
        submitted.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe([PersonRoles.Requester]);
        var fields = submitted.GetProperty("request");
        fields.GetProperty("contactName").GetString().ShouldBe("Zoë Ñúñez-Østergård");
        fields.GetProperty("contactEmail").GetString().ShouldBe(scene.Address);
        fields.GetProperty("organizationName").GetString().ShouldBe("Cooperativa São João do Ñandú");
        fields.GetProperty("description").GetString().ShouldBe("Un projet pilote — 试点项目.");
        var exchange = submitted.GetProperty("answers").EnumerateArray().ShouldHaveSingleItem();
        exchange.GetProperty("question").GetString().ShouldBe("Quel est le budget ?");
        exchange.GetProperty("answer").GetString().ShouldBe("Environ 200 000 USD, façon São Paulo.");
        var link = submitted.GetProperty("links").EnumerateArray().ShouldHaveSingleItem();
        (link.GetProperty("kind").GetString(), link.GetProperty("question").GetString()).ShouldBe(("update", "Quel est le budget ?"));

        // Their entries only, and in a line shared with someone else, only their address.
        var timeline = submitted.GetProperty("timeline").EnumerateArray()
            .Select(t => $"{t.GetProperty("actor").GetString()} | {t.GetProperty("action").GetString()} | {t.GetProperty("detail").GetString()}").ToList();
        timeline.ShouldBe(
        [
            $"{scene.Address} | request received | submission form-1",
            $"system | email sent | introduction to {scene.Address}, {EmailsInText.SomeoneElse}.",
        ]);

        // The attachment's link is the admin download route, and it serves the file.
        var attachment = submitted.GetProperty("attachments").EnumerateArray().ShouldHaveSingleItem();
        attachment.GetProperty("fileName").GetString().ShouldBe(PersonScene.AttachmentName);
        var url = new Uri(attachment.GetProperty("downloadUrl").GetString()!);
        url.GetLeftPart(UriPartial.Authority).ShouldBe("https://wgeo.example");
        var segments = url.AbsolutePath.Split('/');
        segments[..5].ShouldBe(["", "api", "admin", "requests", scene.Submitted]);
        (await DownloadAsync(Uri.UnescapeDataString(segments[4]), Uri.UnescapeDataString(segments[6]))).ShouldBe(PersonScene.AttachmentBytes);

        // A request they reviewed: their decision and comment, not the requester's data.
        var reviewed = Request(doc, scene.Reviewed);
        reviewed.TryGetProperty("request", out _).ShouldBeFalse();
        reviewed.GetProperty("answers").GetArrayLength().ShouldBe(0);
        reviewed.GetProperty("attachments").GetArrayLength().ShouldBe(0);
        var decision = reviewed.GetProperty("links").EnumerateArray().ShouldHaveSingleItem();
        (decision.GetProperty("kind").GetString(), decision.GetProperty("decision").GetString(), decision.GetProperty("comment").GetString())
            .ShouldBe(("review", "approve", "Très bien — 很好"));
        reviewed.GetProperty("timeline").EnumerateArray().ShouldHaveSingleItem().GetProperty("action").GetString().ShouldBe("review decision: approve");

        var flag = Request(doc, scene.Offered).GetProperty("flags").EnumerateArray().ShouldHaveSingleItem();
        flag.GetProperty("detail").GetString().ShouldBe($"offer to {scene.Address.ToUpperInvariant()}: mailbox full");

        doc.GetProperty("mails").EnumerateArray().Select(m => m.GetProperty("template").GetString())
            .ShouldBe(["acknowledgement", "review-request", "offer", "admin-digest"]);
        doc.GetProperty("mails").EnumerateArray().ShouldAllBe(m => m.GetProperty("sentAt").ValueKind == JsonValueKind.String);
        var partner = doc.GetProperty("partners").EnumerateArray().ShouldHaveSingleItem();
        (partner.GetProperty("id").GetString(), partner.GetProperty("email").GetString()).ShouldBe((scene.PartnerId, scene.Address.ToUpperInvariant()));
        doc.GetProperty("reviewers").EnumerateArray().ShouldHaveSingleItem().GetProperty("name").GetString().ShouldBe("Zoë Ñúñez-Østergård");
        doc.GetProperty("notes").GetArrayLength().ShouldBe(PersonExporter.Notes.Count);

        answer.Body.ShouldContain("Zoë Ñúñez-Østergård", Case.Sensitive, "names are written as they are, for a person to read");
        foreach (var someoneElse in new[] { scene.OtherRequester, PersonScene.OtherReviewer, PersonScene.OtherPartner, "Kwame Mensah", "Jim Lookalike" })
        {
            answer.Body.ShouldNotContain(someoneElse, Case.Insensitive);
        }
    }

    [Fact]
    public async Task Exporting_reads_storage_and_changes_nothing()
    {
        var scene = await PersonScene.SeedAsync(_stack, Ct);
        _stack.Requests.Reset();

        (await ExportAsync(scene.Address)).Status.ShouldBe(200);

        _stack.Requests.Changes.ShouldBe(0, "a GET never changes anything");
    }

    private static JsonElement Request(JsonElement doc, string requestId) =>
        doc.GetProperty("requests").EnumerateArray().Single(r => r.GetProperty("requestId").GetString() == requestId);

    private async Task<DoorAnswer> ExportAsync(string email)
    {
        var context = DoorCalls.Context(_stack.Services, "GET", "/api/admin/people/export?email=" + Uri.EscapeDataString(email));
        context.Request.Headers["X-Wgeo-Admin-Key"] = DoorCalls.AdminKey;
        return await DoorCalls.RunAsync(context, await _stack.Get<PeopleHandler>().ExportAsync(context.Request, Ct));
    }

    private async Task<byte[]> DownloadAsync(string requestId, string fileName)
    {
        var context = DoorCalls.Context(_stack.Services, "GET", $"/api/admin/requests/{requestId}/attachments/{fileName}");
        context.Request.Headers["X-Wgeo-Admin-Key"] = DoorCalls.AdminKey;
        var result = await _stack.Get<AttachmentDownloadHandler>().ForAdminAsync(context.Request, requestId, fileName, Ct);
        await result.ExecuteAsync(context);
        context.Response.StatusCode.ShouldBe(200);
        return ((MemoryStream)context.Response.Body).ToArray();
    }

    public ValueTask DisposeAsync() => _stack.DisposeAsync();
}
