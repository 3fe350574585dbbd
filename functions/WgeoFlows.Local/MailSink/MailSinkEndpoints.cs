using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;

namespace WgeoFlows.Local.MailSink;

/// <summary>
/// A SendGrid-compatible local mail sink: the real SendGrid client, pointed here with
/// <c>SendGridClientOptions.Host</c>, delivers into table storage instead of to people. Local host only.
/// With <c>MailSink:Faults:*</c> it fails a share of the calls on purpose (see <see cref="MailSinkFaultOptions"/>).
/// </summary>
public static class MailSinkEndpoints
{
    private static readonly JsonSerializerOptions SendGridJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = true,
    };

    public static IServiceCollection AddDevMailSink(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailSinkFaultOptions>(configuration.GetSection(MailSinkFaultOptions.Section));
        services.AddSingleton<MailSinkFaults>();
        return services.AddSingleton<DevMailStore>();
    }

    public static IEndpointRouteBuilder MapDevMailSink(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v3/mail/send", SendAsync);
        endpoints.MapGet("/dev/mail/faults", (MailSinkFaults faults) => Results.Ok(faults.Counts()));
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
        HttpRequest request, DevMailStore store, MailSinkFaults faults, IOptions<SendGridOptions> sendGrid, TimeProvider time,
        CancellationToken ct)
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

        var fault = faults.Decide(MailIdentity(mails[0]));
        switch (fault)
        {
            case MailSinkFault.TooManyRequests:
                request.HttpContext.Response.Headers.RetryAfter =
                    Math.Ceiling(faults.Options.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return SendGridError(StatusCodes.Status429TooManyRequests, null, "Too many requests (a fault of the local mail sink).");
            case MailSinkFault.ServerError:
                return SendGridError(StatusCodes.Status500InternalServerError, null, "Internal server error (a fault of the local mail sink).");
            case MailSinkFault.HangBeforeAccept:
                return await HangAsync(faults.Options.HangFor, ct)
                    ? SendGridError(StatusCodes.Status504GatewayTimeout, null, "Gateway timeout (a fault of the local mail sink).")
                    : Results.Empty;
        }

        await store.AddAsync(mails, ct);
        faults.CountStored();
        // Accepted but the answer never comes in time: the client gives up and sends the same mail again.
        if (fault == MailSinkFault.AcceptThenHang && !await HangAsync(faults.Options.HangFor, ct)) return Results.Empty;
        request.HttpContext.Response.Headers["X-Message-Id"] = mails[0].Id;
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    /// <summary>Which mail a call carries, for the fault decision: the outbox's ids when the product sent it.</summary>
    private static string MailIdentity(DevMail mail) =>
        mail.CustomArgs.TryGetValue("requestId", out var requestId) && mail.CustomArgs.TryGetValue("messageKey", out var messageKey)
            ? $"{requestId}|{messageKey}"
            : $"{mail.Subject}|{string.Join(',', mail.To)}";

    /// <returns>False when the client gave up first (there is no one left to answer).</returns>
    private static async Task<bool> HangAsync(TimeSpan hangFor, CancellationToken clientGone)
    {
        try
        {
            await Task.Delay(hangFor, clientGone);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static IResult SendGridError(int status, string? field, string message) =>
        Results.Json(new { errors = new[] { new { message, field, help = (string?)null } } }, statusCode: status);
}
