using System.Text.Json;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;

namespace WgeoFlows.Local.MailSink;

/// <summary>
/// A SendGrid-compatible local mail sink: the real SendGrid client, pointed here with
/// <c>SendGridClientOptions.Host</c>, delivers into table storage instead of to people. Local host only.
/// </summary>
public static class MailSinkEndpoints
{
    private static readonly JsonSerializerOptions SendGridJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = true,
    };

    public static IServiceCollection AddDevMailSink(this IServiceCollection services) =>
        services.AddSingleton<DevMailStore>();

    public static IEndpointRouteBuilder MapDevMailSink(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v3/mail/send", SendAsync);
        endpoints.MapGet("/dev/mail", async (DevMailStore store, CancellationToken ct) =>
            Results.Ok(await store.ListNewestFirstAsync(ct)));
        endpoints.MapDelete("/dev/mail", async (DevMailStore store, CancellationToken ct) =>
        {
            await store.ClearAsync(ct);
            return Results.NoContent();
        });
        endpoints.MapGet("/dev/outbox", async (HttpContext http, DevMailStore store, CancellationToken ct) =>
        {
            var page = OutboxPage.Render(await store.ListNewestFirstAsync(ct));
            http.Response.Headers.ContentSecurityPolicy = OutboxPage.ContentSecurityPolicy;
            return Results.Content(page, "text/html; charset=utf-8");
        });
        return endpoints;
    }

    private static async Task<IResult> SendAsync(
        HttpRequest request, DevMailStore store, IOptions<SendGridOptions> sendGrid, TimeProvider time, CancellationToken ct)
    {
        // SendGrid answers 401 to a missing or wrong key; so does the sink, so that a misconfigured key shows locally.
        if (request.Headers.Authorization.ToString() != "Bearer " + sendGrid.Value.ApiKey)
        {
            return SendGridError(StatusCodes.Status401Unauthorized, null, "The provided authorization grant is invalid, expired, or revoked");
        }

        SendGridMailRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<SendGridMailRequest>(request.Body, SendGridJson, ct);
        }
        catch (JsonException)
        {
            body = null;
        }
        if (body is null)
        {
            return SendGridError(StatusCodes.Status400BadRequest, null, "Bad Request: the body is not a JSON mail/send request.");
        }

        var (mails, refusal) = SendGridMailParser.Parse(body, time.GetUtcNow());
        if (refusal is not null)
        {
            return SendGridError(StatusCodes.Status400BadRequest, refusal.Field, refusal.Message);
        }
        if (mails.Any(m => m.Text?.Length > DevMailStore.MaxBodyChars || m.Html?.Length > DevMailStore.MaxBodyChars))
        {
            return SendGridError(StatusCodes.Status413PayloadTooLarge, "content",
                $"The local mail sink keeps bodies of at most {DevMailStore.MaxBodyChars} characters.");
        }

        await store.AddAsync(mails, ct);
        request.HttpContext.Response.Headers["X-Message-Id"] = mails[0].Id;
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    private static IResult SendGridError(int status, string? field, string message) =>
        Results.Json(new { errors = new[] { new { message, field, help = (string?)null } } }, statusCode: status);
}
