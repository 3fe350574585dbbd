using WgeoFlows.Reference;

namespace WgeoFlows.Intake;

/// <summary>Whether a request can go to review. <see cref="Reasons"/> lists every rule the request fails, in
/// words fit for the email that tells the requester why; it is empty when the request is eligible.</summary>
public sealed record ScreeningResult(bool Eligible, IReadOnlyList<string> Reasons);

/// <summary>The eligibility rules of the screening stage. Intake already refuses malformed submissions; these
/// rules hold again for stored requests (a taxonomy may have changed since, or a request may have been stored by
/// another path), and add the ones that need judgement rather than syntax: a description long enough to
/// review and a date that has not passed. Pure and deterministic: "today" is the request's submit date.</summary>
public static class ScreeningRules
{
    public const int MinimumDescriptionLength = 30;

    public static ScreeningResult Screen(SupportRequest request) => Screen(request, CountryCatalog.Default);

    public static ScreeningResult Screen(SupportRequest request, CountryCatalog countries)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reasons = new List<string>();

        RequireText(reasons, request.Organization?.Name, "The organisation's name is missing.");
        RequireText(reasons, request.Contact?.Name, "The contact person's name is missing.");
        RequireText(reasons, request.Contact?.Email, "The contact email address is missing.");
        RequireText(reasons, request.Title, "The request has no title.");

        if (!Taxonomy.IsPlatform(request.Organization?.Platform))
            reasons.Add($"'{request.Organization?.Platform}' is not one of the partnership's platforms.");
        if (countries.Find(request.Organization?.Country) is null)
            reasons.Add($"'{request.Organization?.Country}' is not a known country code.");
        if (request.Contact is { } contact && !Taxonomy.IsLanguage(contact.Language))
            reasons.Add($"'{contact.Language}' is not one of the languages the partnership corresponds in.");

        var description = request.Description?.Trim() ?? "";
        if (description.Length < MinimumDescriptionLength)
            reasons.Add($"The description is too short to review: describe the need in at least {MinimumDescriptionLength} characters.");

        CheckTerms(reasons, request.ThematicAreas, Taxonomy.ThematicAreas, "thematic area", Taxonomy.IsThematicArea);
        CheckTerms(reasons, request.SupportTypes, Taxonomy.SupportTypes, "type of support", Taxonomy.IsSupportType);
        foreach (var region in request.PreferredRegions ?? [])
            if (!Taxonomy.IsRegion(region))
                reasons.Add($"'{region}' is not one of the partnership's regions.");

        var submittedOn = DateOnly.FromDateTime(request.SubmittedAt.UtcDateTime);
        if (request.NeededBy is { } neededBy && neededBy < submittedOn)
            reasons.Add($"The date support is needed by ({neededBy:yyyy-MM-dd}) was already past when the request was submitted ({submittedOn:yyyy-MM-dd}).");

        return new ScreeningResult(reasons.Count == 0, reasons);
    }

    private static void RequireText(List<string> reasons, string? value, string reason)
    {
        if (string.IsNullOrWhiteSpace(value)) reasons.Add(reason);
    }

    private static void CheckTerms(List<string> reasons, IReadOnlyList<string>? ids, IReadOnlyList<TaxonomyTerm> terms, string what, Func<string?, bool> isKnown)
    {
        if (ids is null || ids.Count == 0)
        {
            reasons.Add($"The request names no {what}: choose at least one of: {string.Join(", ", terms.Select(t => t.Label()))}.");
            return;
        }
        foreach (var id in ids)
            if (!isKnown(id))
                reasons.Add($"'{id}' is not a {what} the partnership supports.");
    }
}
