namespace WgeoFlows.Domain;

/// <summary>Which parts of a request record are personal data: everything that names a person or was written by one. What
/// stays — id, submission id, platform, country, taxonomies, budget, dates, language, status — is what the admin counts and
/// the impact figures are made of.</summary>
public static class PersonalData
{
    /// <summary>The record without anything that names or was written by a person: title, description, the organisation's
    /// name and website, the contact's name and address, the attachments' names, the questions and answers, the consent to
    /// be named on the impact page.</summary>
    public static SupportRequest Stripped(this SupportRequest r) => r with
    {
        Title = "",
        Description = "",
        Organization = r.Organization with { Name = "", Website = null },
        Contact = new Contact("", "", r.Contact.Language),
        Attachments = [],
        AddedInformation = [],
        ConsentToPublish = false,
    };
}
