using System.Net;
using System.Text.Json;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Intake;

/// <summary>
/// The form door with its defaults on a host of its own: a request nobody confirms expires after Intake:ConfirmWithin (5 s
/// here) and keeps no personal data, and one address gets at most Intake:Confirmation:MaxPerAddressPerDay confirmations (3)
/// — the fourth post is a 429 page and stores nothing.
/// </summary>
public sealed class ConfirmationExpiryTests : IAsyncLifetime
{
    private OwnStack _stack = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _stack = await OwnStack.StartAsync(new Dictionary<string, string?>
    {
        ["Intake:ConfirmWithin"] = "00:00:05",
    });

    public async ValueTask DisposeAsync() => await _stack.DisposeAsync();

    private async Task<(FormSession Form, HttpResponseMessage Response)> PostAsync(string email)
    {
        var (form, opened) = await FormSession.OpenAsync(_stack.Host.BaseUrl);
        opened.Dispose();
        var fields = FormSession.ValidFields().Select(f => f.Name == "contact.email" ? (f.Name, email) : f).ToList();
        return (form, await form.PostAsync(fields));
    }

    [Fact]
    public async Task An_unconfirmed_form_request_expires_and_keeps_no_personal_data()
    {
        var (form, response) = await PostAsync("nobody-confirms@example.org");
        using (form)
        using (response)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("id=\"confirm-notice\"");
        }

        var detail = await _stack.Client.WaitForStatusAsync(form.RequestId, "Expired", TimeSpan.FromSeconds(90));
        var everything = detail.GetRawText();
        foreach (var personal in new[] { "Nairobi County", "Amina", "nobody-confirms", "Solar mini-grids", "example.org" })
        {
            everything.ShouldNotContain(personal, Case.Insensitive);
        }
        var request = detail.GetProperty("request");
        request.GetProperty("organization").GetProperty("platform").GetString().ShouldBe("cities");
        request.GetProperty("organization").GetProperty("country").GetString().ShouldBe("KE");
        var mails = await _stack.Client.MailsAboutAsync(form.RequestId);
        mails.Count.ShouldBe(1, "only the confirmation was ever sent");
        var listed = await _stack.Client.AdminGetAsync("/api/admin/requests?status=Expired");
        listed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("requestId").GetString()).ShouldContain(form.RequestId);
    }

    [Fact]
    public async Task A_fourth_confirmation_to_one_address_in_a_day_is_refused_with_a_429_page_and_nothing_stored()
    {
        const string email = "flooded@example.org";
        var confirmed = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (form, response) = await PostAsync(email);
            using (form) using (response) response.StatusCode.ShouldBe(HttpStatusCode.OK);
            confirmed.Add(form.RequestId);
        }

        var (fourth, refused) = await PostAsync(email);
        using (fourth)
        using (refused)
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            refused.Headers.RetryAfter.ShouldNotBeNull();
            refused.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
            using var detail = await _stack.Client.AdminSendAsync(HttpMethod.Get, $"/api/admin/requests/{fourth.RequestId}");
            detail.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        // The fourth post stored nothing, so only the three accepted requests can mail this address. Each mails its
        // confirmation, then sets its expiry timer and waits for the link: once all three rest on that timer, every mail
        // they could send before it fires is in the sink (and expiring sends none, as the test above shows).
        var history = new WorkflowHistory(_stack.Storage, LocalStack.TaskHubName);
        foreach (var requestId in confirmed) await history.WaitUntilRestingOnATimerAsync(requestId);
        var mails = (await _stack.Client.MailsAsync()).Where(m => m.To.Contains(email)).ToList();
        mails.Count.ShouldBe(3);
        foreach (var requestId in confirmed) mails.ShouldContain(m => m.Subject.Contains(requestId, StringComparison.Ordinal), $"the confirmation of {requestId}");
    }
}
