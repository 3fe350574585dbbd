using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WgeoFlows.Deployment.Tests.Support;

/// <summary>
/// One role assignment of the compiled template in main.bicep's terms: the module that declares it, the built-in role,
/// the module whose identity it is given to (its principalId is that module's <c>principalId</c> output), and its scope:
/// a resource type and the names main.bicep gives it (the module's parameters resolved, literals as they are).
/// </summary>
public sealed record RoleAssignment(string Module, string RoleId, string? PrincipalModule, string ScopeType, string ScopeNames, string PrincipalType)
{
    public override string ToString() => $"{Module}: {RoleId} for {PrincipalModule} on {ScopeType} {ScopeNames}";
}

public static partial class RoleAssignments
{
    public static IReadOnlyList<RoleAssignment> Of(JsonObject template)
    {
        var found = new List<RoleAssignment>();
        foreach (var (name, module) in TemplateModules.All(template))
        {
            foreach (var resource in TemplateModules.Resources(module)
                .Where(r => (string?)r["type"] == "Microsoft.Authorization/roleAssignments"))
            {
                var properties = resource["properties"]!;
                var role = RoleDefinition().Match(properties["roleDefinitionId"]!.ToString());
                var scope = ResourceIdScope().Match(resource["scope"]?.ToString() ?? "");
                if (!role.Success || !scope.Success)
                {
                    throw new InvalidOperationException(
                        $"A role assignment in module {name} names its role or scope in a form these tests do not read: {resource.ToJsonString()}");
                }
                var principal = TemplateModules.Resolve(module, properties["principalId"]!.ToString());
                var names = Arguments().Matches(scope.Groups["arguments"].Value)
                    .Select(a => a.Groups["parameter"].Success
                        ? TemplateModules.Parameter(module, a.Groups["parameter"].Value)
                        : a.Groups["literal"].Value);
                found.Add(new RoleAssignment(name, role.Groups["id"].Value, TemplateModules.ReadFrom(principal, "principalId"),
                    scope.Groups["type"].Value, string.Join(" / ", names), properties["principalType"]?.ToString() ?? ""));
            }
        }
        return found;
    }

    [GeneratedRegex(@"^\[subscriptionResourceId\('Microsoft\.Authorization/roleDefinitions', '(?<id>[0-9a-f-]{36})'\)\]$")]
    private static partial Regex RoleDefinition();

    [GeneratedRegex(@"^\[resourceId\('(?<type>[A-Za-z./]+)', (?<arguments>.+)\)\]$")]
    private static partial Regex ResourceIdScope();

    [GeneratedRegex(@"parameters\('(?<parameter>[A-Za-z0-9_]+)'\)|'(?<literal>[^']*)'")]
    private static partial Regex Arguments();
}
