using System.Net;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Intake;

/// <summary>The built-in form at HTTP level: it goes through the same intake as the webhook, a replayed post is the same
/// request, and posts from another site, without the form's cookie or with a forged token are refused storing nothing.</summary>
public abstract class FormPostTests(IHostStack stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly IntakeTrace _trace = new(stack);

    [Fact]
    public async Task The_form_page_sets_an_HttpOnly_SameSite_Strict_cookie_and_labels_every_field_in_the_language_asked_for()
    {
        var (form, response) = await FormSession.OpenAsync(stack.BaseUrl, "fr");
        using (form)
        using (response)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var cookies = response.Headers.GetValues("Set-Cookie").ToList();
            // ?lang= is remembered for the next pages in the language cookie; the form's own cookie is the one checked here.
            cookies.ShouldContain(c => c.StartsWith("wgeo_lang=fr", StringComparison.Ordinal));
            var cookie = cookies.Single(c => c.StartsWith("wgeo_form=", StringComparison.Ordinal)).ToLowerInvariant();
            cookie.ShouldContain("httponly");
            cookie.ShouldContain("samesite=strict");
            cookie.ShouldContain("path=/api/form");
            form.Page.ShouldContain("<html lang=\"fr\" dir=\"ltr\">");
            var text = WebUtility.HtmlDecode(form.Page);
            text.ShouldContain("Demander l'appui du Partenariat de la WGEO");
            foreach (var field in new[] { "organization-name", "organization-platform", "organization-country", "contact-email",
                "request-title", "request-description", "attachments" })
                form.Page.ShouldContain($"<label for=\"f-{field}\">");
            text.ShouldContain("<legend>Domaines thématiques");
        }
    }

    [Fact]
    public async Task A_valid_post_with_a_file_is_stored_like_a_webhook_submission_and_a_replay_answers_with_the_same_request()
    {
        var (form, opened) = await FormSession.OpenAsync(stack.BaseUrl);
        opened.Dispose();
        using var _ = form;
        var file = ("concept note.pdf", "application/pdf", SamplePayloads.PdfBytes);

        using var first = await form.PostAsync(FormSession.ValidFields(), [file]);
        var page = await first.Content.ReadAsStringAsync(Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.OK, page);
        page.ShouldContain($"<strong id=\"reference\">{form.RequestId}</strong>");
        page.ShouldContain($"/api/status/{form.RequestId}?sig=");

        using var replay = await form.PostAsync(FormSession.ValidFields(), [file]);
        replay.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await replay.Content.ReadAsStringAsync(Ct)).ShouldContain("had already been sent");

        var detail = await stack.Client.WaitForStatusAsync(form.RequestId, "InReview");
        var request = detail.GetProperty("request");
        request.GetProperty("submissionId").GetString().ShouldBe(form.SubmissionId);
        request.GetProperty("budgetUsd").GetDecimal().ShouldBe(250000m);
        request.GetProperty("attachments")[0].GetProperty("fileName").GetString().ShouldBe("concept note.pdf");
        await stack.Client.WaitForMailAsync(form.RequestId, m => m.To.Contains("amina.form@example.org"), "acknowledgement");
        (await _trace.ExecutionsStartedAsync(form.RequestId)).ShouldBe(1);
        (await stack.Client.MailsAboutAsync(form.RequestId)).Count(m => m.To.Contains("amina.form@example.org")).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_form_sent_again_with_other_answers_gets_409_and_changes_nothing()
    {
        var (form, opened) = await FormSession.OpenAsync(stack.BaseUrl);
        opened.Dispose();
        using var _ = form;
        using (var first = await form.PostAsync(FormSession.ValidFields()))
            first.StatusCode.ShouldBe(HttpStatusCode.OK);

        var changed = FormSession.ValidFields();
        changed[changed.FindIndex(f => f.Name == "request.title")] = ("request.title", "Something else entirely");
        using var second = await form.PostAsync(changed);

        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await second.Content.ReadAsStringAsync(Ct)).ShouldContain(form.RequestId);
        var detail = await stack.Client.AdminGetAsync($"/api/admin/requests/{form.RequestId}");
        detail.GetProperty("request").GetProperty("title").GetString().ShouldBe("Solar mini-grids for informal settlements");
    }

    public static TheoryData<string> RefusedPosts => ["from another origin", "cross-site fetch", "same-site but not same-origin", "without the cookie",
        "with another browser's cookie", "with a tampered token", "without a token"];

    [Theory]
    [MemberData(nameof(RefusedPosts))]
    public async Task A_cross_site_or_forged_post_is_refused_with_403_and_stores_nothing(string @case)
    {
        var (form, opened) = await FormSession.OpenAsync(stack.BaseUrl);
        opened.Dispose();
        using var _ = form;
        var fields = FormSession.ValidFields();
        var tampered = form.Token[..^2] + (form.Token[^2] == 'A' ? "B" : "A") + form.Token[^1];
        var (other, otherOpened) = await FormSession.OpenAsync(stack.BaseUrl);
        otherOpened.Dispose();
        using var __ = other;

        using var response = @case switch
        {
            "from another origin" => await form.PostAsync(fields, headers: ("Origin", "https://evil.example")),
            "cross-site fetch" => await form.PostAsync(fields, headers: ("Sec-Fetch-Site", "cross-site")),
            "same-site but not same-origin" => await form.PostAsync(fields, headers: [("Origin", "null"), ("Sec-Fetch-Site", "same-site")]),
            "without the cookie" => await form.PostAsync(fields, sendCookie: false),
            "with another browser's cookie" => await form.PostAsync(fields, token: other.Token),
            "with a tampered token" => await form.PostAsync(fields, token: tampered),
            _ => await form.PostAsync(fields, token: ""),
        };

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        await _trace.ShouldHaveStoredNothingAsync(form.SubmissionId);
        await _trace.ShouldHaveStoredNothingAsync(other.SubmissionId);
    }

    [Fact]
    public async Task A_same_origin_post_from_the_browser_is_accepted()
    {
        var (form, opened) = await FormSession.OpenAsync(stack.BaseUrl);
        opened.Dispose();
        using var _ = form;
        var origin = stack.BaseUrl.GetLeftPart(UriPartial.Authority);

        using var response = await form.PostAsync(FormSession.ValidFields(), headers: [("Origin", origin), ("Sec-Fetch-Site", "same-origin")]);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);

        // Chromium sends Origin: null under the pages' Referrer-Policy no-referrer; Sec-Fetch-Site still says same-origin.
        var (next, nextOpened) = await FormSession.OpenAsync(stack.BaseUrl);
        nextOpened.Dispose();
        using var __ = next;
        using var nullOrigin = await next.PostAsync(FormSession.ValidFields(), headers: [("Origin", "null"), ("Sec-Fetch-Site", "same-origin")]);
        nullOrigin.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Bad_answers_come_back_next_to_their_fields_with_the_values_kept_and_nothing_stored()
    {
        var (form, opened) = await FormSession.OpenAsync(stack.BaseUrl);
        opened.Dispose();
        using var _ = form;
        var fields = FormSession.ValidFields().Where(f => f.Name is not ("request.title" or "request.thematicAreas")).ToList();
        fields[fields.FindIndex(f => f.Name == "contact.email")] = ("contact.email", "amina@localhost");
        var executable = ("report.pdf", "application/pdf", new byte[] { 0x4D, 0x5A, 0x90, 0x00 });

        using var response = await form.PostAsync(fields, [executable]);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        page.ShouldContain("role=\"alert\"");
        page.ShouldContain("href=\"#f-request-title\"");
        page.ShouldContain("href=\"#f-request-thematicAreas-renewable-energy\"");
        page.ShouldContain("aria-describedby=\"h-f-request-title e-f-request-title\" aria-invalid=\"true\"");
        page.ShouldContain("id=\"e-f-contact-email\"");
        page.ShouldContain("value=\"amina@localhost\"");
        page.ShouldContain("“report.pdf”");
        page.ShouldContain("value=\"Nairobi County Energy Office\"");
        await _trace.ShouldHaveStoredNothingAsync(form.SubmissionId);
    }
}

/// <summary>The scenarios above on the local host.</summary>
public sealed class FormPostTestsOnLocalHost(LocalStack stack) : FormPostTests(stack);

/// <summary>The scenarios above on the Azure Functions host.</summary>
public sealed class FormPostTestsOnFunctionsHost(FunctionsStack stack) : FormPostTests(stack);
