using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using WgeoFlows.Hosting;
using WgeoFlows.Intake.Status;

namespace WgeoFlows.Intake;

public static class IntakeEndpoints
{
    public static RouteGroupBuilder MapIntakeEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost(Routes.Requests, (HttpRequest http, IntakeHandler h, DurableTaskClient d, CancellationToken ct) => h.SubmitAsync(http, d, ct));
        api.MapMethods(Routes.Status, ["GET", "HEAD"], (string id, string? sig, string? lang, StatusPageHandler h, CancellationToken ct) =>
            h.ShowAsync(id, sig, lang, ct));
        return api;
    }
}
