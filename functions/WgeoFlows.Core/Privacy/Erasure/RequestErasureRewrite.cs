using WgeoFlows.Shared;

namespace WgeoFlows.Privacy.Erasure;

/// <summary>
/// The erasure of one request's rows: every address becomes the role its holder had in the request (requester, reviewer,
/// partner, admin; "person" when the rows do not tell), the request's own texts (the contact's name, the title, the
/// organisation's name and website) become "(erased)" wherever a row repeats them, and free text goes.
/// </summary>
public sealed class RequestErasureRewrite : PersonalDataRewrite
{
    public const string ErasedText = "(erased)";

    /// <summary>Shorter texts are not hunted in other texts: a two-letter organisation name would blank every word it is in.</summary>
    private const int ShortestErasedText = 4;

    private readonly IReadOnlyDictionary<string, string> _roles;
    private readonly string _contactEmail;
    private readonly string[] _requestTexts;

    /// <param name="request">The record as it was before its erasure: its contact and texts are what to find elsewhere.</param>
    /// <param name="roles">Lower-case addresses and the role each had (<see cref="RequestRoles"/>).</param>
    public RequestErasureRewrite(SupportRequest request, IReadOnlyDictionary<string, string> roles)
    {
        _roles = roles;
        _contactEmail = EmailAddresses.Normalize(request.Contact.Email);
        _requestTexts = new[] { request.Contact.Name, request.Title, request.Organization.Name, request.Organization.Website }
            .OfType<string>().Select(t => t.Trim()).Where(t => t.Length >= ShortestErasedText)
            .OrderByDescending(t => t.Length).ToArray();
    }

    public override bool ErasesFreeText => true;

    protected override string? RoleFor(string address) =>
        address == _contactEmail ? PersonRoles.Requester : _roles.GetValueOrDefault(address) ?? PersonRoles.Person;

    public override string Text(string text)
    {
        if (_contactEmail.Length > 0) text = text.Replace(_contactEmail, PersonRoles.Requester, StringComparison.OrdinalIgnoreCase);
        foreach (var erased in _requestTexts) text = text.Replace(erased, ErasedText, StringComparison.OrdinalIgnoreCase);
        return base.Text(text);
    }

    /// <summary>Keys hold addresses, never the request's texts.</summary>
    public override string Key(string rowKey) =>
        base.Text(_contactEmail.Length > 0 ? rowKey.Replace(_contactEmail, PersonRoles.Requester, StringComparison.OrdinalIgnoreCase) : rowKey);

    /// <summary>An address becomes its role; an admin's action shows "admin" (admins act under their sign-in name, and the
    /// timeline keys of their actions start with "admin|"); roles and machines stay.</summary>
    public override string Actor(string actor, string timelineKey)
    {
        if (PersonRoles.IsRoleOrMachine(actor)) return actor;
        if (timelineKey.StartsWith("admin|", StringComparison.Ordinal)) return PersonRoles.Admin;
        return actor.Contains('@', StringComparison.Ordinal) ? RoleFor(EmailAddresses.Normalize(actor))! : PersonRoles.Admin;
    }
}
