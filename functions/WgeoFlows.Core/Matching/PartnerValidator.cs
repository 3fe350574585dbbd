using System.Globalization;
using System.Text.RegularExpressions;
using WgeoFlows.Reference;
using WgeoFlows.Shared;

namespace WgeoFlows.Matching;

public sealed record PartnerValidationResult(Partner? Partner, IReadOnlyList<string> Errors)
{
    public bool IsValid => Partner is not null;
}

/// <summary>Turns a <see cref="PartnerInput"/> into a <see cref="Partner"/>, or names everything wrong with it. Pure.</summary>
public static partial class PartnerValidator
{
    public const int MaxNameLength = 200;
    public const int MaxCapacity = 1000;

    [GeneratedRegex("^[a-z0-9-]{1,64}$")]
    private static partial Regex IdFormat();

    /// <summary>The one well-formed id no partner may have: the export's route takes its place.</summary>
    public const string ReservedId = "export";

    /// <summary>True when <paramref name="text"/> is a well-formed partner id.</summary>
    public static bool IsId(string text) => IdFormat().IsMatch(text);

    public static PartnerValidationResult Validate(PartnerInput input, CountryCatalog countries)
    {
        var errors = new List<string>();

        var id = input.Id?.Trim() ?? "";
        if (!IdFormat().IsMatch(id))
        {
            errors.Add("id: must be 1 to 64 characters of a-z, 0-9 and '-'.");
        }
        else if (id == ReservedId)
        {
            // GET /api/admin/partners/export is the registry's export: a partner with this id could never be read.
            errors.Add($"id: '{ReservedId}' is reserved for the registry's export; choose another id.");
        }

        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) errors.Add("name: is required.");
        else if (name.Length > MaxNameLength) errors.Add($"name: must be at most {MaxNameLength} characters.");

        var platform = input.Platform?.Trim().ToLowerInvariant() ?? "";
        if (!Taxonomy.IsPlatform(platform)) errors.Add($"platform: {Echo.Quoted(input.Platform)} is not a platform.");

        var country = countries.Find(input.Country?.Trim());
        if (country is null) errors.Add($"country: {Echo.Quoted(input.Country)} is not an ISO 3166-1 alpha-2 country code.");

        if (!PartnerRoles.TryParse(input.Role, out var role))
        {
            errors.Add($"role: {Echo.Quoted(input.Role)} is not provider, funder or both.");
        }

        var thematicAreas = ValidList("thematicAreas", input.ThematicAreas, Taxonomy.IsThematicArea, "thematic area", errors);
        var supportTypes = ValidList("supportTypes", input.SupportTypes, Taxonomy.IsSupportType, "support type", errors);
        var languages = ValidList("languages", input.Languages, Taxonomy.IsLanguage, "language", errors);

        if (!int.TryParse(input.Capacity?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var capacity) || capacity > MaxCapacity)
        {
            errors.Add($"capacity: {Echo.Quoted(input.Capacity)} is not a whole number from 0 to {MaxCapacity}.");
        }

        var email = input.Email?.Trim() ?? "";
        if (!EmailAddresses.IsValid(email)) errors.Add($"email: {Echo.Quoted(input.Email)} is not an email address.");

        var active = true;
        if (!string.IsNullOrWhiteSpace(input.Active) && !TryParseFlag(input.Active, out active))
        {
            errors.Add($"active: {Echo.Quoted(input.Active)} is not true or false.");
        }

        var publishable = false;
        if (!string.IsNullOrWhiteSpace(input.Publishable) && !TryParseFlag(input.Publishable, out publishable))
        {
            errors.Add($"publishable: {Echo.Quoted(input.Publishable)} is not true or false.");
        }

        if (errors.Count > 0)
        {
            return new PartnerValidationResult(null, errors);
        }

        return new PartnerValidationResult(new Partner
        {
            Id = id,
            Name = name,
            Platform = platform,
            Country = country!.Code.ToUpperInvariant(),
            Region = country.Region,
            GlobalSouth = country.GlobalSouth,
            Role = role,
            ThematicAreas = thematicAreas,
            SupportTypes = supportTypes,
            Languages = languages,
            Capacity = capacity,
            Email = EmailAddresses.Normalize(email),
            Active = active,
            Publishable = publishable,
        }, []);
    }

    // Lower-cased, duplicates dropped, order kept: the stored form, so that re-importing compares equal.
    private static IReadOnlyList<string> ValidList(string field, IReadOnlyList<string> items, Func<string?, bool> isKnown, string what, List<string> errors)
    {
        var normalized = items.Select(i => i.Trim().ToLowerInvariant()).Where(i => i.Length > 0).Distinct().ToList();
        if (normalized.Count == 0)
        {
            errors.Add($"{field}: at least one {what} is required.");
            return [];
        }
        var unknown = normalized.Where(i => !isKnown(i)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add($"{field}: unknown {what} {Echo.QuotedList(unknown)}.");
        }
        return normalized;
    }

    private static bool TryParseFlag(string value, out bool flag)
    {
        switch (value.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "1": flag = true; return true;
            case "false" or "no" or "0": flag = false; return true;
            default: flag = false; return false;
        }
    }
}
