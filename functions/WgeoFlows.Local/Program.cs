using WgeoFlows.Hosting;
using WgeoFlows.Local.MailSink;
using WgeoFlows.Local.Runtime;
using WgeoFlows.Local.Scheduling;
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

var urls = LocalUrls.From(args, builder.Configuration);
if (urls.Overridden is { } overridden) Console.Error.WriteLine(overridden);
builder.WebHost.UseUrls([.. urls.Listen]);

var development = builder.Environment.IsDevelopment();
builder.Services.AddLocalHostFiltering(builder.Configuration, urls);

if (HostModes.FromConfiguration(builder.Configuration) == HostMode.MailSink)
{
    // Beside the Azure Functions host, which runs the product and mails through SendGrid:Host = this process.
    if (!development)
    {
        throw new InvalidOperationException(
            $"--mode mail-sink is a development tool (it shows every mail it receives at /dev/mail) and runs only in Development, not {builder.Environment.EnvironmentName}.");
    }
    builder.Services.AddWgeoMailSinkOnly(builder.Configuration, urls);
    var sink = builder.Build();
    sink.MapDevMailSink();
    sink.Run();
    return;
}

LocalConfiguration.AddComputedDefaults(builder.Configuration, urls, development);
// Outside Development nothing falls back on the development values of appsettings.json: the same check as the Functions app.
if (!development) RequiredSettings.EnsurePresent(builder.Configuration);

builder.Services.AddWgeoFlowsCore(builder.Configuration);
builder.Services.AddWgeoTelemetry(builder.Configuration);
builder.Services.AddWgeoLocalRuntime(builder.Configuration, urls);
builder.Services.AddWgeoScheduledJobs();
// /dev/mail, /dev/outbox and the SendGrid-compatible sink: Development only (they show every link token mailed).
if (development) builder.Services.AddDevMailSink(builder.Configuration);

var app = builder.Build();
app.MapWgeoFlowsApi();
if (development) app.MapDevMailSink();
app.Run();
