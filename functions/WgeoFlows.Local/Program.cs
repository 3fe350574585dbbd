using WgeoFlows.Admin;
using WgeoFlows.Hosting;
using WgeoFlows.Impact;
using WgeoFlows.Local.MailSink;
using WgeoFlows.Local.Runtime;
using WgeoFlows.Telemetry;

// The one-machine host: the product's routes and workflow on Azurite, with a local mail sink.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // appsettings.json holds the development defaults: read it from beside the binary, whatever the working folder.
    ContentRootPath = AppContext.BaseDirectory,
    EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
        ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
        ?? Environments.Development,
});

var urls = LocalUrls.FromConfiguration(builder.Configuration);
builder.WebHost.UseUrls(urls.BaseUrl);

if (HostModes.FromConfiguration(builder.Configuration) == HostMode.MailSink)
{
    // Beside the Azure Functions host, which runs the product and mails through SendGrid:Host = this process.
    builder.Services.AddWgeoMailSinkOnly(builder.Configuration, urls);
    var sink = builder.Build();
    sink.MapDevMailSink();
    sink.Run();
    return;
}

LocalConfiguration.AddComputedDefaults(builder.Configuration, urls);

builder.Services.AddWgeoFlowsCore(builder.Configuration);
builder.Services.AddWgeoTelemetry(builder.Configuration);
builder.Services.AddWgeoLocalRuntime(builder.Configuration, urls);
builder.Services.AddWgeoFlowsAdminTimers();
builder.Services.AddWgeoFlowsImpactTimers();
builder.Services.AddDevMailSink(builder.Configuration);

var app = builder.Build();
app.MapWgeoFlowsApi();
app.MapDevMailSink();
app.Run();
