using WgeoFlows.Localization;

namespace WgeoFlows.Notifications;

/// <summary>
/// Which language a mail is written in. A requester's mails follow their <c>contact.language</c>; a partner's, the first of
/// the partner's languages that is served; a reviewer's or an administrator's, the staff language
/// (<c>Notifications:StaffLanguage</c>, English unless set). The workflow names a staff mail's language <see cref="Staff"/>
/// and the SendEmail activity puts the setting in its place, so that the orchestrator never reads configuration and a
/// change of the setting applies to the next mail, not only to requests started after it.
/// </summary>
public static class MailLanguage
{
    /// <summary>What <see cref="EmailCommand.Language"/> holds for a mail to a reviewer or an administrator.</summary>
    public const string Staff = "staff";

    /// <summary>The templates that only ever go to staff: written in the staff language whatever their command says (an
    /// orchestration started before the setting existed still passes "en" for them).</summary>
    private static readonly HashSet<string> StaffTemplates = new(StringComparer.Ordinal)
    {
        EmailTemplates.ReviewRequest, EmailTemplates.ReviewReminder, EmailTemplates.ReviewEscalation, EmailTemplates.NeedsManualMatch,
        EmailTemplates.ReviewerMissing,
    };

    /// <summary>The language a partner is written to in: the first of <paramref name="languages"/> that is served, in the
    /// partner's own order of preference; English when none is.</summary>
    public static string ForPartner(IEnumerable<string?>? languages) =>
        languages?.FirstOrDefault(Languages.IsSupported) is { } code ? Languages.Resolve(code).Code : Languages.Default;

    /// <summary>The language <paramref name="command"/> is rendered in, given the staff language setting.</summary>
    public static string Of(EmailCommand command, string? staffLanguage) =>
        command.Language == Staff || StaffTemplates.Contains(command.Template) ? Languages.Resolve(staffLanguage).Code : command.Language;
}
