using WgeoFlows.Workflow;

namespace WgeoFlows.Notifications;

/// <summary>How a request's status reads in an email, per language (English where there is no translation).</summary>
public static class StatusTexts
{
    private static readonly Dictionary<string, Dictionary<RequestStatus, string>> Texts = new(StringComparer.Ordinal)
    {
        ["en"] = new()
        {
            [RequestStatus.Received] = "Received",
            [RequestStatus.Screening] = "Being checked",
            [RequestStatus.InReview] = "In review",
            [RequestStatus.AwaitingRequesterInfo] = "Waiting for more information from you",
            [RequestStatus.Matching] = "Looking for partners",
            [RequestStatus.AwaitingPartner] = "Waiting for a partner's answer",
            [RequestStatus.NeedsManualMatch] = "Looking for partners (handled by the secretariat)",
            [RequestStatus.Matched] = "Matched with a partner",
            [RequestStatus.FollowUp] = "Follow-up",
            [RequestStatus.Closed] = "Closed",
            [RequestStatus.Rejected] = "Not accepted",
            [RequestStatus.Expired] = "Expired",
            [RequestStatus.Failed] = "Interrupted by a technical problem",
            [RequestStatus.Cancelled] = "Cancelled",
        },
        ["fr"] = new()
        {
            [RequestStatus.Received] = "Reçue",
            [RequestStatus.Screening] = "En cours de vérification",
            [RequestStatus.InReview] = "En cours d'examen",
            [RequestStatus.AwaitingRequesterInfo] = "En attente d'informations de votre part",
            [RequestStatus.Matching] = "Recherche de partenaires",
            [RequestStatus.AwaitingPartner] = "En attente de la réponse d'un partenaire",
            [RequestStatus.NeedsManualMatch] = "Recherche de partenaires (par le secrétariat)",
            [RequestStatus.Matched] = "Mise en relation avec un partenaire",
            [RequestStatus.FollowUp] = "Suivi",
            [RequestStatus.Closed] = "Clôturée",
            [RequestStatus.Rejected] = "Non retenue",
            [RequestStatus.Expired] = "Expirée",
            [RequestStatus.Failed] = "Interrompue par un problème technique",
            [RequestStatus.Cancelled] = "Annulée",
        },
        ["es"] = new()
        {
            [RequestStatus.Received] = "Recibida",
            [RequestStatus.Screening] = "En verificación",
            [RequestStatus.InReview] = "En revisión",
            [RequestStatus.AwaitingRequesterInfo] = "A la espera de más información de su parte",
            [RequestStatus.Matching] = "Búsqueda de socios",
            [RequestStatus.AwaitingPartner] = "A la espera de la respuesta de un socio",
            [RequestStatus.NeedsManualMatch] = "Búsqueda de socios (a cargo de la secretaría)",
            [RequestStatus.Matched] = "Puesta en contacto con un socio",
            [RequestStatus.FollowUp] = "Seguimiento",
            [RequestStatus.Closed] = "Cerrada",
            [RequestStatus.Rejected] = "No aceptada",
            [RequestStatus.Expired] = "Vencida",
            [RequestStatus.Failed] = "Interrumpida por un problema técnico",
            [RequestStatus.Cancelled] = "Cancelada",
        },
    };

    public static string For(RequestStatus status, string language) =>
        (Texts.TryGetValue(language, out var texts) ? texts : Texts["en"]).GetValueOrDefault(status, status.ToString());
}
