namespace WgeoFlows.Impact;

/// <summary>The impact page's words in English, French and Spanish.</summary>
public sealed record ImpactTexts(
    string Heading, string Intro, string Totals, string Received, string Approved, string Matched,
    string ByPlatform, string ByRegion, string ByTheme, string ByQuarter, string Category, string Quarter,
    string Cooperation, string SouthSouthShare, string TriangularShare, string MedianToMatch, string MedianToDecision,
    string AtMostDays, string Suppressed, string SuppressedNote, string Stories, string NoStories, string StoryWith,
    string OpenData, string ChartOf, string NoData)
{
    public static readonly IReadOnlyList<string> Languages = ["en", "fr", "es"];

    public static ImpactTexts For(string language) => language switch
    {
        "fr" => new(
            "Impact de la coopération Sud-Sud et triangulaire",
            "Ce que le partenariat WGEO et l'UNOSSC accomplissent : des chiffres agrégés, mis à jour à chaque étape des demandes.",
            "En bref", "Demandes reçues", "Demandes approuvées", "Demandes mises en relation",
            "Par plateforme", "Par région", "Par domaine thématique", "Par trimestre", "Catégorie", "Trimestre",
            "Coopération", "Part des mises en relation Sud-Sud", "Part des mises en relation triangulaires",
            "Délai médian de la soumission à la mise en relation", "Délai médian de la soumission à la première décision d'examen",
            "au plus {0} jours", "masqué", "Les valeurs inférieures à {0} sont masquées pour ne révéler aucune organisation.",
            "Partenariats réalisés", "Aucun partenariat publiable pour l'instant.", "avec",
            "Données ouvertes", "Graphique", "Pas encore de données."),
        "es" => new(
            "Impacto de la cooperación Sur-Sur y triangular",
            "Lo que logra la alianza WGEO y UNOSSC: cifras agregadas, actualizadas en cada paso de las solicitudes.",
            "En resumen", "Solicitudes recibidas", "Solicitudes aprobadas", "Solicitudes vinculadas",
            "Por plataforma", "Por región", "Por área temática", "Por trimestre", "Categoría", "Trimestre",
            "Cooperación", "Proporción de vinculaciones Sur-Sur", "Proporción de vinculaciones triangulares",
            "Tiempo mediano desde el envío hasta la vinculación", "Tiempo mediano desde el envío hasta la primera decisión de revisión",
            "como máximo {0} días", "oculto", "Los valores inferiores a {0} se ocultan para no revelar ninguna organización.",
            "Alianzas logradas", "Todavía no hay alianzas publicables.", "con",
            "Datos abiertos", "Gráfico", "Todavía no hay datos."),
        _ => new(
            "Impact of South-South and triangular cooperation",
            "What the WGEO and UNOSSC partnership achieves: aggregate figures, updated at every step of the requests.",
            "At a glance", "Requests received", "Requests approved", "Requests matched",
            "By platform", "By region", "By thematic area", "By quarter", "Category", "Quarter",
            "Cooperation", "Share of South-South matches", "Share of triangular matches",
            "Median time from submission to match", "Median time from submission to first review decision",
            "at most {0} days", "suppressed", "Figures below {0} are suppressed so that no single organisation can be identified.",
            "Partnerships made", "No publishable partnership yet.", "with",
            "Open data", "Chart", "No data yet."),
    };
}
