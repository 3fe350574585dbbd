using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Form;
using WgeoFlows.Intake.Typeform;

namespace WgeoFlows.Functions.Http;

// The other two doors into intake. Anonymous: Typeform deliveries are authenticated by their HMAC signature, and the form
// page by its cookie-bound signed token and same-origin checks, all in the handlers.
public sealed class IntakeDoorFunctions(TypeformHandler typeform, FormPageHandler form)
{
    [Function("IntakeTypeform")]
    public async Task Typeform([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoute.Prefix + IntakeRoutes.Typeform)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        await (await typeform.SubmitAsync(req, durable, ct)).ExecuteAsync(req.HttpContext);

    [Function("IntakeForm")]
    public async Task Form([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = ApiRoute.Prefix + IntakeRoutes.Form)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct)
    {
        var result = HttpMethods.IsPost(req.Method)
            ? await form.SubmitAsync(req, durable, ct)
            : await form.ShowAsync(req, req.Query["lang"]);
        await result.ExecuteAsync(req.HttpContext);
    }
}
