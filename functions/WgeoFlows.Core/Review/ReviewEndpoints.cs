using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WgeoFlows.Hosting;
using WgeoFlows.Review.Reviewers;

namespace WgeoFlows.Review;

public static class ReviewEndpoints
{
    public static RouteGroupBuilder MapReviewEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet(Routes.AdminReviewers, (HttpRequest http, ReviewersHandler h, CancellationToken ct) => h.ListAsync(http, ct));
        api.MapPut(Routes.AdminReviewers, (HttpRequest http, ReviewersHandler h, CancellationToken ct) => h.ReplaceAsync(http, ct));
        return api;
    }
}
