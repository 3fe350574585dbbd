using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WgeoFlows.Intake;
using WgeoFlows.RequestIndex;
using WgeoFlows.Workflow;

namespace WgeoFlows.Tests.Admin;

/// <summary>Requests, index items and admin HTTP calls for the admin tests.</summary>
internal static class AdminTestData
{
    public const string AdminKey = "admin-key-for-tests";

    public static string NewId(string prefix = "req") => prefix + "-" + Guid.NewGuid().ToString("N")[..12];

    public static SupportRequest Request(string requestId, string title = "Solar mini-grids for informal settlements",
        string platform = "cities", DateTimeOffset? submittedAt = null) => new()
        {
            RequestId = requestId,
            SubmissionId = "form-" + requestId,
            SubmittedAt = submittedAt ?? DateTimeOffset.UtcNow,
            Organization = new Organization("Nairobi County Energy Office", platform, "KE", null),
            Contact = new Contact("Amina Otieno", "amina@example.org", "en"),
            Title = title,
            Description = "Pilot mini-grids in two settlements.",
            ThematicAreas = ["renewable-energy"],
            SupportTypes = ["technical-assistance"],
            Status = RequestStatus.Received,
            UpdatedAt = submittedAt ?? DateTimeOffset.UtcNow,
        };

    public static AdminIndexItem Item(SupportRequest r, RequestStatus status, DateTimeOffset updatedAt) =>
        new(r.RequestId, r.Title, r.Organization.Name, r.Organization.Platform, r.Organization.Country, status, r.SubmittedAt, updatedAt);

    /// <summary>A GET or POST as a host would hand it to a handler, with the given headers.</summary>
    public static HttpContext Http(IServiceProvider services, string method = "GET", string? body = null, string? query = null,
        params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = method;
        if (query is not null) context.Request.QueryString = new QueryString(query);
        foreach (var (name, value) in headers) context.Request.Headers[name] = value;
        if (body is not null)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(body);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
            context.Request.ContentType = "application/json";
        }
        context.Response.Body = new MemoryStream();
        return context;
    }

    public static HttpContext WithKey(IServiceProvider services, string? query = null) =>
        Http(services, query: query, headers: ("X-Wgeo-Admin-Key", AdminKey));

    /// <summary>Runs the handler's answer as a host would, and reads the status and the JSON body.</summary>
    public static async Task<(int Status, JsonElement Body)> AnswerAsync(IResult result, HttpContext context)
    {
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return (context.Response.StatusCode, string.IsNullOrEmpty(text) ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static IServiceCollection AddTestLogging(this IServiceCollection services) => services.AddLogging();
}

/// <summary>Counts the requests a table client sends to storage (every request, including continuation reads), and among
/// them those that can change something (any verb but GET and HEAD).</summary>
public sealed class StorageRequestCounter : HttpPipelineSynchronousPolicy
{
    private int _count;
    private int _changes;

    public int Count => Volatile.Read(ref _count);

    public int Changes => Volatile.Read(ref _changes);

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        Interlocked.Exchange(ref _changes, 0);
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        Interlocked.Increment(ref _count);
        if (message.Request.Method != RequestMethod.Get && message.Request.Method != RequestMethod.Head) Interlocked.Increment(ref _changes);
    }
}
