using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Hosting;
using WgeoFlows.Hosting;
using WgeoFlows.Telemetry;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<WgeoFlows.Functions.Http.StorageFaultMiddleware>();
// After the ASP.NET Core integration's own middleware, which gives the invocation its HttpContext.
builder.UseMiddleware<WgeoFlows.Functions.Http.PublicDoorMiddleware>();
if (!builder.Environment.IsDevelopment()) RequiredSettings.EnsurePresent(builder.Configuration);
builder.Services.AddWgeoFlowsCore(builder.Configuration);
// host.json's telemetryMode OpenTelemetry makes the host export its own part; this is the worker's (the app's spans,
// metrics and logs), correlated with the host's invocation spans by the worker defaults.
builder.Services.AddWgeoTelemetry(builder.Configuration).UseFunctionsWorkerDefaults();
builder.Build().Run();
