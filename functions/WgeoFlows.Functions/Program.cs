using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using WgeoFlows.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
if (!builder.Environment.IsDevelopment()) RequiredSettings.EnsurePresent(builder.Configuration);
builder.Services.AddWgeoFlowsCore(builder.Configuration);
builder.Build().Run();
