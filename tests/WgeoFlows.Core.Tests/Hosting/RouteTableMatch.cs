using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using WgeoFlows.Hosting;
using WgeoFlows.Web.Routing;

namespace WgeoFlows.Tests.Hosting;

/// <summary>The table entry a request would reach, matched as ASP.NET Core routing does (literal segments before parameters).</summary>
internal static class RouteTableMatch
{
    public static ApiRoute? Of(string method, string path)
    {
        if (!path.StartsWith("/api/", StringComparison.Ordinal)) return null;
        var rest = path["/api".Length..];
        var candidates = ApiRoutes.All
            .Where(r => r.Verbs.Contains(method, StringComparer.OrdinalIgnoreCase))
            .Where(r => new TemplateMatcher(TemplateParser.Parse(r.Template), new RouteValueDictionary()).TryMatch(rest, new RouteValueDictionary()))
            .ToList();
        // A literal segment wins over a parameter in the same place, as in endpoint routing.
        return candidates.OrderBy(r => r.Parameters.Count).FirstOrDefault();
    }
}
