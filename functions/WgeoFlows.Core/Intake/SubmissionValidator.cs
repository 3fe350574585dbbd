using System.Globalization;
using System.Net.Mail;
using System.Text.Json;
using WgeoFlows.Reference;

namespace WgeoFlows.Intake;

/// <summary>Validates and normalises an intake webhook body (docs/integrators.md, schema version 1). It reads the
/// <see cref="JsonElement"/> rather than deserialising to types so that a field of the wrong JSON type is
/// reported under its own path instead of failing the whole body. Unknown fields are ignored.</summary>
public static class SubmissionValidator
{
    public const int MaxSubmissionIdLength = 200;
    public const int MaxOrganizationNameLength = 300;
    public const int MaxContactNameLength = 200;
    public const int MaxEmailLength = 254;
    public const int MaxTitleLength = 300;
    public const int MaxDescriptionLength = 10_000;
    public const int MaxWebsiteLength = 2_000;
    public const int MaxThematicAreas = 5;
    public const int MaxSupportTypes = 6;
    /// <summary>Items a list field may hold as sent, duplicates included (checked before any item is read).</summary>
    public const int MaxListItems = 50;
    /// <summary>Errors listed in one answer; the rest are counted under "$".</summary>
    public const int MaxErrors = 100;
    public const decimal MaxBudgetUsd = 1_000_000_000_000m;
    /// <summary>The contract's example always sends a language, but a form without the question should still work.</summary>
    public const string DefaultLanguage = "en";

    public static SubmissionValidation Validate(JsonElement root, AttachmentLimits? limits = null, CountryCatalog? countries = null)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return SubmissionValidation.Invalid(new Dictionary<string, string[]> { ["$"] = ["The body must be a JSON object."] });

        var fields = new JsonFieldReader(new ValidationErrors());
        var submissionId = fields.RequiredText(root, "", "submissionId", MaxSubmissionIdLength);
        var organization = ReadOrganization(fields, root, countries ?? CountryCatalog.Default);
        var contact = ReadContact(fields, root);
        var details = ReadRequestDetails(fields, root);
        var attachments = AttachmentReader.Read(fields, root, limits ?? AttachmentLimits.Default);
        var consentToPublish = ReadConsentToPublish(fields, root);

        if (fields.Errors.Any || submissionId is null || organization is null || contact is null || details is null || attachments is null)
            return SubmissionValidation.Invalid(fields.Errors.ToDictionary());

        return SubmissionValidation.Valid(new ValidSubmission(
            submissionId, organization, contact, details.Title, details.Description,
            details.ThematicAreas, details.SupportTypes, details.PreferredRegions,
            details.BudgetUsd, details.NeededBy, attachments, consentToPublish));
    }

    /// <summary>Optional top-level boolean (a contract extension): absent or null means no consent.</summary>
    private static bool ReadConsentToPublish(JsonFieldReader fields, JsonElement root)
    {
        if (!JsonFieldReader.TryGetGiven(root, "consentToPublish", out var value)) return false;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        fields.Errors.Add("consentToPublish", "consentToPublish must be true or false.");
        return false;
    }

    private static Organization? ReadOrganization(JsonFieldReader fields, JsonElement root, CountryCatalog countries)
    {
        if (fields.RequiredObject(root, "", "organization") is not { } organization) return null;
        const string at = "organization";

        var name = fields.RequiredText(organization, at, "name", MaxOrganizationNameLength);
        var platform = fields.RequiredId(organization, at, "platform", Taxonomy.Platforms, "platform");
        var country = ReadCountry(fields, organization, countries);
        var website = fields.OptionalText(organization, at, "website", MaxWebsiteLength);
        if (website is not null && !IsWebAddress(website))
        {
            fields.Errors.Add("organization.website", "organization.website must be an absolute http or https address, e.g. https://example.org.");
            return null;
        }
        return name is null || platform is null || country is null ? null : new Organization(name, platform, country, website);
    }

    private static string? ReadCountry(JsonFieldReader fields, JsonElement organization, CountryCatalog countries)
    {
        const string path = "organization.country";
        var text = fields.RequiredText(organization, "organization", "country", maxLength: 10);
        if (text is null) return null;
        if (countries.Find(text) is { } country) return country.Code;
        fields.Errors.Add(path, $"{path} must be a known ISO 3166-1 alpha-2 country code, e.g. KE.");
        return null;
    }

    private static Contact? ReadContact(JsonFieldReader fields, JsonElement root)
    {
        if (fields.RequiredObject(root, "", "contact") is not { } contact) return null;
        const string at = "contact";

        var name = fields.RequiredText(contact, at, "name", MaxContactNameLength);
        var email = fields.RequiredText(contact, at, "email", MaxEmailLength);
        if (email is not null && !IsEmailAddress(email))
        {
            fields.Errors.Add("contact.email", "contact.email must be a single email address, e.g. name@example.org.");
            email = null;
        }
        var languageText = fields.OptionalText(contact, at, "language", maxLength: 10);
        var language = languageText is null
            ? DefaultLanguage
            : fields.KnownId(languageText, "contact.language", Taxonomy.Languages, "language");

        return name is null || email is null || language is null ? null : new Contact(name, email, language);
    }

    private sealed record RequestDetails(
        string Title, string Description, IReadOnlyList<string> ThematicAreas, IReadOnlyList<string> SupportTypes,
        IReadOnlyList<string> PreferredRegions, decimal? BudgetUsd, DateOnly? NeededBy);

    private static RequestDetails? ReadRequestDetails(JsonFieldReader fields, JsonElement root)
    {
        if (fields.RequiredObject(root, "", "request") is not { } request) return null;
        const string at = "request";

        var title = fields.RequiredText(request, at, "title", MaxTitleLength);
        var description = fields.RequiredText(request, at, "description", MaxDescriptionLength, multiline: true);
        var thematicAreas = fields.IdList(request, at, "thematicAreas", Taxonomy.ThematicAreas, "thematic area", "thematic areas", 1, MaxThematicAreas);
        var supportTypes = fields.IdList(request, at, "supportTypes", Taxonomy.SupportTypes, "support type", "support types", 1, MaxSupportTypes);
        var regions = fields.IdList(request, at, "preferredRegions", Taxonomy.Regions, "region", "regions", 0, Taxonomy.Regions.Count);
        var budgetOk = TryReadBudget(fields, request, out var budget);
        var neededByOk = TryReadNeededBy(fields, request, out var neededBy);

        return title is null || description is null || thematicAreas is null || supportTypes is null || regions is null || !budgetOk || !neededByOk
            ? null
            : new RequestDetails(title, description, thematicAreas, supportTypes, regions, budget, neededBy);
    }

    private static bool TryReadBudget(JsonFieldReader fields, JsonElement request, out decimal? budget)
    {
        const string path = "request.budgetUsd";
        budget = null;
        if (!JsonFieldReader.TryGetGiven(request, "budgetUsd", out var value)) return true;
        if (value.ValueKind != JsonValueKind.Number)
        {
            fields.Errors.Add(path, $"{path} must be a number (US dollars), e.g. 250000.");
            return false;
        }
        if (!value.TryGetDecimal(out var amount) || amount > MaxBudgetUsd)
        {
            fields.Errors.Add(path, $"{path} must be at most {MaxBudgetUsd:N0}.");
            return false;
        }
        if (amount < 0)
        {
            fields.Errors.Add(path, $"{path} must not be negative.");
            return false;
        }
        budget = amount;
        return true;
    }

    private static bool TryReadNeededBy(JsonFieldReader fields, JsonElement request, out DateOnly? neededBy)
    {
        const string path = "request.neededBy";
        neededBy = null;
        if (!JsonFieldReader.TryGetGiven(request, "neededBy", out var value)) return true;
        var text = fields.Text(value, path, maxLength: 10, multiline: false);
        if (text is null) return false;
        if (text.Length == 0) return true;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            fields.Errors.Add(path, $"{path} must be a date written yyyy-MM-dd, e.g. 2027-06-30.");
            return false;
        }
        neededBy = date;
        return true;
    }

    private static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0
        && !text.Any(char.IsWhiteSpace);

    /// <summary>One plain address (no display name, no list), with a dotted domain; RFC 5321 caps the local part at 64.</summary>
    private static bool IsEmailAddress(string text)
    {
        if (text.Any(char.IsWhiteSpace) || !MailAddress.TryCreate(text, out var address) || address.Address != text)
            return false;
        var at = text.LastIndexOf('@');
        var domain = text[(at + 1)..];
        return at is > 0 and <= 64 && domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.');
    }
}
