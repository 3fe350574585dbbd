using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Typeform;

namespace WgeoFlows.Tests.Intake;

/// <summary>An HTTP answer as a handler wrote it: status, headers and body.</summary>
public sealed record DoorAnswer(int Status, IHeaderDictionary Headers, string Body)
{
    public string? ContentType => Headers.ContentType.ToString() is { Length: > 0 } type ? type : null;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();
}

/// <summary>Calls a handler the way a host does, on a <see cref="DefaultHttpContext"/>, and runs the result it returns.</summary>
public static class DoorCalls
{
    public const string WebhookSecret = "door-test-webhook-secret";
    public const string TypeformSecret = "door-test-typeform-secret";
    public const string AdminKey = "door-test-admin-key";

    public static DefaultHttpContext Context(IServiceProvider services, string method, string path, byte[]? body = null,
        string? contentType = "application/json")
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = method;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("wgeo.example");
        var query = path.IndexOf('?');
        context.Request.Path = query < 0 ? path : path[..query];
        if (query >= 0) context.Request.QueryString = new QueryString(path[query..]);
        if (body is not null)
        {
            context.Request.Body = new MemoryStream(body);
            context.Request.ContentLength = body.Length;
            context.Request.ContentType = contentType;
        }
        context.Response.Body = new MemoryStream();
        return context;
    }

    /// <summary>The contract's signed webhook delivery of <paramref name="body"/>.</summary>
    public static DefaultHttpContext Webhook(IServiceProvider services, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var context = Context(services, "POST", "/api/requests", bytes);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        context.Request.Headers[IntakeHandler.TimestampHeader] = timestamp;
        context.Request.Headers[IntakeHandler.SignatureHeader] = WebhookSignature.Compute(WebhookSecret, timestamp, bytes);
        return context;
    }

    /// <summary>A Typeform delivery of <paramref name="body"/>, signed with <paramref name="secret"/>.</summary>
    public static DefaultHttpContext Typeform(IServiceProvider services, string body, string secret = TypeformSecret)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var context = Context(services, "POST", "/api/requests/typeform", bytes);
        context.Request.Headers[TypeformSignature.Header] = TypeformSignature.Compute(secret, bytes);
        return context;
    }

    public static async Task<DoorAnswer> RunAsync(HttpContext context, IResult result)
    {
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return new DoorAnswer(context.Response.StatusCode, context.Response.Headers, body);
    }
}
