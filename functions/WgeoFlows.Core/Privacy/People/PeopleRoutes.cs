namespace WgeoFlows.Privacy.People;

/// <summary>The routes under /api of a person's data, shared by both hosts (constants: the Functions host's attributes take
/// constants only).</summary>
public static class PeopleRoutes
{
    public const string List = "admin/people";
    public const string Export = "admin/people/export";
}
