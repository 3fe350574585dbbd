using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace WgeoFlows.Telemetry;

public static class TelemetryServices
{
    /// <summary>The category of ASP.NET Core's per-request log lines.</summary>
    public const string HostingDiagnosticsCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>
    /// OpenTelemetry for either host: the app's spans and metrics (<see cref="WgeoTelemetry.Name"/>) with ASP.NET Core
    /// and HttpClient (SendGrid, storage) instrumentation; exported to Application Insights when its connection string
    /// is configured (with the managed identity that <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> names, if any), to
    /// the console when <c>Telemetry:Console</c> is true, and otherwise nowhere. Returns the builder so that the Functions
    /// host can add its worker defaults.
    /// </summary>
    public static OpenTelemetryBuilder AddWgeoTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var connectionString = configuration[TelemetryOptions.ApplicationInsightsConnectionStringKey];
        var entraIngestion = ApplicationInsightsAuthentication.Parse(configuration[TelemetryOptions.ApplicationInsightsAuthenticationStringKey]);

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(WgeoTelemetry.Name))
            .WithTracing(tracing => tracing
                // First, so that no exporter (added after it) ever sees a link token or a status signature.
                .AddProcessor(new SecretRedactingProcessor())
                .AddSource(WgeoTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(WgeoTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        // Scopes carry RequestId (RequestOperation): exported, they become a custom dimension of every log line.
        services.Configure<OpenTelemetryLoggerOptions>(o => o.IncludeScopes = true);
        // ASP.NET Core's hosting diagnostics carry the raw path and query (link tokens, status signatures) to every logger:
        // its "Request starting/finished" lines, and its RequestPath scope, which every log line written during a request
        // inherits and which is exported with scopes on. Off (the scope is only opened while that category is enabled);
        // the redacted request spans say the same. Unhandled errors are still logged by the server (Kestrel).
        services.AddLogging(logging => logging.AddFilter(HostingDiagnosticsCategory, LogLevel.None));
        // Defence in depth for the app's own lines: a message or attribute holding a link URL is redacted before export.
        telemetry.WithLogging(logging => logging.AddProcessor(new SecretRedactingLogProcessor()));

        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            telemetry.UseAzureMonitorExporter(o =>
            {
                o.ConnectionString = connectionString;
                // In Azure the resource accepts only Entra ID tokens (local authentication off): the app's identity.
                if (entraIngestion is not null) o.Credential = entraIngestion.Credential();
            });
        }
        if (options.Console)
        {
            telemetry.WithTracing(tracing => tracing.AddConsoleExporter()).WithMetrics(metrics => metrics.AddConsoleExporter());
        }
        return telemetry;
    }
}
