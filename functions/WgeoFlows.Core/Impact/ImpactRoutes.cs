namespace WgeoFlows.Impact;

/// <summary>The impact routes under /api, shared by both hosts.</summary>
public static class ImpactRoutes
{
    public const string ApiPrefix = "/api/";
    public const string Page = "impact";
    public const string DataJson = "impact/data.json";
    public const string DataCsv = "impact/data.csv";
}
