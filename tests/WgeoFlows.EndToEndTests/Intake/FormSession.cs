using System.Buffers.Text;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Form;

namespace WgeoFlows.Tests.Intake;

/// <summary>A browser's visit to the form page at HTTP level: the page, its form cookie and token, and posts with every header
/// under the test's control (cookies are sent by hand, so a test can leave them out).</summary>
public sealed partial class FormSession : IDisposable
{
    private readonly HttpClient _http;

    private FormSession(HttpClient http, string cookie, string token, string page)
    {
        _http = http;
        Cookie = cookie;
        Token = token;
        Page = page;
    }

    public string Cookie { get; }
    public string Token { get; }
    public string Page { get; }

    /// <summary>The submission id this form's posts are stored under.</summary>
    public string SubmissionId => FormSubmissionBuilder.SubmissionIdFor(
        JsonDocument.Parse(Base64Url.DecodeFromChars(Token.AsSpan(0, Token.IndexOf('.')))).RootElement.GetProperty("n").GetString()!);

    public string RequestId => RequestIds.For(SubmissionId);

    public static async Task<(FormSession Session, HttpResponseMessage Response)> OpenAsync(Uri baseUrl, string language = "en")
    {
        var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseUrl };
        var response = await http.GetAsync($"/api/form?lang={language}", TestContext.Current.CancellationToken);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(FormPageHandler.CookieName + "=", StringComparison.Ordinal));
        var cookie = setCookie[(FormPageHandler.CookieName.Length + 1)..setCookie.IndexOf(';')];
        return (new FormSession(http, cookie, TokenPattern().Match(page).Groups[1].Value, page), response);
    }

    /// <summary>The form filled in as the contract's example would be.</summary>
    public static List<(string Name, string Value)> ValidFields(string language = "en") =>
    [
        ("lang", language),
        ("organization.name", "Nairobi County Energy Office"), ("organization.platform", "cities"), ("organization.country", "KE"),
        ("organization.website", "https://example.org"), ("contact.name", "Amina Otieno"), ("contact.email", "amina.form@example.org"),
        ("contact.language", language), ("request.title", "Solar mini-grids for informal settlements"),
        ("request.description", SamplePayloads.Description),
        ("request.thematicAreas", "renewable-energy"), ("request.thematicAreas", "sustainable-cities"),
        ("request.supportTypes", "technical-assistance"), ("request.budgetUsd", "250,000"), ("request.neededBy", "2027-06-30"),
    ];

    public async Task<HttpResponseMessage> PostAsync(IEnumerable<(string Name, string Value)> fields,
        IEnumerable<(string FileName, string ContentType, byte[] Bytes)>? files = null, string? token = null, bool sendCookie = true,
        params (string Name, string Value)[] headers)
    {
        var content = new MultipartFormDataContent();
        content.Add(new StringContent(token ?? Token), FormFields.Token);
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        foreach (var (fileName, contentType, bytes) in files ?? [])
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            content.Add(file, FormFields.Attachments, fileName);
        }
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/form") { Content = content };
        if (sendCookie) message.Headers.Add("Cookie", $"{FormPageHandler.CookieName}={Cookie}");
        foreach (var (name, value) in headers) message.Headers.Add(name, value);
        return await _http.SendAsync(message, TestContext.Current.CancellationToken);
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex(@"name=""formToken"" value=""([^""]+)""")]
    private static partial Regex TokenPattern();
}
