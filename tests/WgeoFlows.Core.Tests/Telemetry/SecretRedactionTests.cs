using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;
using WgeoFlows.Hosting;
using WgeoFlows.Telemetry;

namespace WgeoFlows.Tests.Telemetry;

/// <summary>
/// Link tokens and the status signature never reach exported telemetry nor logs: an ASP.NET Core app wired with the hosts'
/// <see cref="TelemetryServices.AddWgeoTelemetry"/>, serving the link and status routes, with in-memory exporters behind.
/// Every exported span name, attribute, status and event, and every log line and its attributes, is searched.
/// </summary>
public sealed class SecretRedactionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Link_tokens_and_status_signatures_are_in_no_exported_span_nor_log()
    {
        var token = "tok" + Guid.NewGuid().ToString("N");
        var unmappedToken = "tok" + Guid.NewGuid().ToString("N");
        var requestId = "req-" + Guid.NewGuid().ToString("N")[..12];
        var signature = "sig" + Guid.NewGuid().ToString("N");
        var secrets = new[] { token, unmappedToken, requestId, signature };
        var spans = new List<Activity>();
        var logs = new List<LogRecord>();

        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Information);
        builder.Services.AddWgeoTelemetry(new ConfigurationBuilder().Build())
            .WithTracing(tracing => tracing.AddInMemoryExporter(spans))
            .WithLogging(logging => logging.AddInMemoryExporter(logs), o =>
            {
                o.IncludeScopes = true;
                o.IncludeFormattedMessage = true; // as the Azure Monitor exporter sets it
            });
        await using var app = builder.Build();
        var api = app.MapGroup("/api");
        api.MapGet(Routes.Review, (string token, HttpContext http, ILogger<SecretRedactionTests> log) =>
        {
            // A careless line of the app's own: the processor still redacts what it exports.
            log.LogInformation("Showing the link page {Path} for {Url}", http.Request.Path.Value, $"https://wgeo.example/api/review/{token}");
            return Results.Text("the review page");
        });
        api.MapPost(Routes.Review, (string token) => Results.Text("decided"));
        api.MapGet(Routes.Status, (string id, string? sig) => Results.Text("the status page"));
        api.MapGet("review/{token}/attachments/{fileName}", (string token, string fileName) => Results.Text("a file"));
        await app.StartAsync(Ct);
        try
        {
            var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
            (await http.GetAsync($"/api/review/{token}", Ct)).EnsureSuccessStatusCode();
            (await http.PostAsync($"/api/review/{token}", new FormUrlEncodedContent([new("decision", "approve")]), Ct)).EnsureSuccessStatusCode();
            (await http.GetAsync($"/api/review/{token}/attachments/note.pdf", Ct)).EnsureSuccessStatusCode();
            (await http.GetAsync($"/api/status/{requestId}?sig={signature}&lang=fr", Ct)).EnsureSuccessStatusCode();
            // A path no route matches (no http.route to fall back on) is redacted too.
            (await http.GetAsync($"/api/offer/{unmappedToken}?sig={signature}", Ct)).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        }
        finally
        {
            await app.StopAsync(Ct);
        }
        app.Services.GetRequiredService<TracerProvider>().ForceFlush();

        List<Activity> exported;
        lock (spans) exported = spans.ToList();
        var server = exported.Where(s => s.Kind == ActivityKind.Server).ToList();
        server.Count.ShouldBeGreaterThanOrEqualTo(5, "the five requests were traced");
        var client = exported.Where(s => s.Kind == ActivityKind.Client).ToList();
        client.Count.ShouldBeGreaterThanOrEqualTo(5, "the test's own HttpClient calls were traced too");

        foreach (var span in exported)
        {
            var texts = new List<string> { span.DisplayName, span.StatusDescription ?? "" };
            texts.AddRange(span.TagObjects.Select(t => $"{t.Key}={t.Value}"));
            texts.AddRange(span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}")));
            foreach (var text in texts)
            {
                foreach (var secret in secrets) text.ShouldNotContain(secret, Case.Insensitive, $"span '{span.DisplayName}'");
            }
        }
        server.Select(s => s.GetTagItem("url.path")).ShouldContain("/api/review/{token}");
        server.Select(s => s.GetTagItem("url.path")).ShouldContain("/api/status/{id}");
        server.Select(s => s.GetTagItem("url.path")).ShouldContain("/api/offer/{token}");
        server.Select(s => s.DisplayName).ShouldContain("GET /api/review/{token}");
        server.Where(s => s.GetTagItem("url.query") is not null).ShouldAllBe(s => !((string)s.GetTagItem("url.query")!).Contains(signature));

        List<LogRecord> lines;
        lock (logs) lines = logs.ToList();
        var own = lines.Where(l => (l.Body ?? "").StartsWith("Showing the link page", StringComparison.Ordinal)).ToList();
        own.ShouldNotBeEmpty("the app's own line was exported");
        own.ShouldAllBe(l => l.FormattedMessage == "Showing the link page /api/review/{token} for https://wgeo.example/api/review/{token}");
        foreach (var log in lines)
        {
            var texts = new List<string> { log.FormattedMessage ?? "", log.Body ?? "", log.CategoryName ?? "" };
            if (log.Attributes is { } attributes) texts.AddRange(attributes.Select(a => $"{a.Key}={a.Value}"));
            log.ForEachScope((scope, list) =>
            {
                foreach (var item in scope) list.Add($"{item.Key}={item.Value}");
            }, texts);
            foreach (var text in texts)
            {
                foreach (var secret in secrets) text.ShouldNotContain(secret, Case.Insensitive, $"log of {log.CategoryName}");
            }
        }
    }

    [Theory]
    [InlineData("GET /api/review/abc.def-ghi", "GET /api/review/{token}")]
    [InlineData("http://127.0.0.1:7071/api/update/abc?x=1", "http://127.0.0.1:7071/api/update/{token}?x=1")]
    [InlineData("/api/offer/abc/attachments/a.pdf", "/api/offer/{token}/attachments/a.pdf")]
    [InlineData("/api/confirm/abc", "/api/confirm/{token}")]
    [InlineData("/api/followup/abc", "/api/followup/{token}")]
    [InlineData("https://wgeo.example/api/status/req-1?sig=00ff&lang=fr", "https://wgeo.example/api/status/{id}?sig=REDACTED&lang=fr")]
    [InlineData("lang=fr&sig=00ff", "lang=fr&sig=REDACTED")]
    [InlineData("sig=00ff", "sig=REDACTED")]
    [InlineData("/api/review/{token}", "/api/review/{token}")]
    [InlineData("/api/admin/requests/req-1", "/api/admin/requests/req-1")]
    [InlineData("/api/form?lang=fr", "/api/form?lang=fr")]
    public void Redaction_replaces_tokens_ids_and_signatures_and_leaves_the_rest(string text, string expected) =>
        SecretRedaction.Redact(text).ShouldBe(expected);
}
