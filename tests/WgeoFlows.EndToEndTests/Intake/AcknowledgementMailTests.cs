using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Intake;

/// <summary>The acknowledgement as the requester receives it: in their language (one of the seven), with the reference number
/// and the status link (opening the status page in the same language), in HTML and plain text, with what they typed
/// HTML-encoded.</summary>
public abstract class AcknowledgementMailTests(IHostStack stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("en", "We received your request", "reference number")]
    [InlineData("fr", "Nous avons bien reçu votre demande", "numéro de référence")]
    [InlineData("es", "Hemos recibido su solicitud", "número de referencia")]
    [InlineData("ar", "تسلّمنا طلبكم", "الرقم المرجعي")]
    [InlineData("zh", "我们已收到您的申请", "编号")]
    public async Task The_acknowledgement_carries_the_reference_and_status_link_in_the_requesters_language(string language, string subject,
        string referenceWords)
    {
        var payload = SamplePayloads.Valid($"e2e-ack-{language}");
        payload["contact"]!["language"] = language;
        payload["request"]!["title"] = "Solar <b>mini-grids</b> & storage";
        using var submitted = await stack.Client.SubmitAsync(payload);
        submitted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var accepted = await submitted.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var requestId = accepted.GetProperty("requestId").GetString()!;
        var statusUrl = accepted.GetProperty("statusUrl").GetString()!;

        var mail = await stack.Client.WaitForMailAsync(requestId, m => m.To.Contains("amina@example.org") && m.Subject.Contains(requestId),
            "acknowledgement");

        mail.Subject.ShouldStartWith(subject);
        mail.Text.ShouldContain(referenceWords);
        // The 202's status link and the mail's open the page in the requester's language.
        statusUrl.ShouldEndWith($"&lang={language}");
        var statusLink = statusUrl;
        mail.Text.ShouldContain(statusLink);
        mail.Text.ShouldContain("Solar <b>mini-grids</b> & storage");
        mail.Html.ShouldContain(referenceWords);
        mail.Html.ShouldContain(requestId);
        mail.Html.ShouldContain($"<html lang=\"{language}\" dir=\"{(language == "ar" ? "rtl" : "ltr")}\">");
        mail.Html.ShouldContain($"href=\"{statusLink.Replace("&", "&amp;", StringComparison.Ordinal)}\"");
        mail.Html.ShouldContain("Solar &lt;b&gt;mini-grids&lt;/b&gt; &amp; storage");
        mail.Html.ShouldNotContain("<b>mini-grids</b>");
    }
}

/// <summary>The scenarios above on the local host.</summary>
public sealed class AcknowledgementMailTestsOnLocalHost(LocalStack stack) : AcknowledgementMailTests(stack);

/// <summary>The scenarios above on the Azure Functions host.</summary>
public sealed class AcknowledgementMailTestsOnFunctionsHost(FunctionsStack stack) : AcknowledgementMailTests(stack);
