namespace WgeoFlows.Telemetry;

public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Configuration key of the Application Insights connection string, App Service's standard name. Set: traces,
    /// metrics and logs are exported there.</summary>
    public const string ApplicationInsightsConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>Configuration key of App Service's Entra ID ingestion setting (<see cref="ApplicationInsightsAuthentication"/>):
    /// the exporter then authenticates with that managed identity.</summary>
    public const string ApplicationInsightsAuthenticationStringKey = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary><c>Telemetry:Console</c>: also print traces and metrics on the console (a local opt-in).</summary>
    public bool Console { get; set; }
}
