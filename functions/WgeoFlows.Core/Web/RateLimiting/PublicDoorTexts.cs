using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace WgeoFlows.Web.RateLimiting;

/// <summary>What a person is told when a public door refuses them for going too fast (per client address) or when their
/// address has had its confirmation mails for the day, in the contract's seven languages.</summary>
public static class PublicDoorTexts
{
    public sealed record Words(string Heading, string TooMany, string MailQuota);

    public static readonly IReadOnlyDictionary<string, Words> All = new Dictionary<string, Words>(StringComparer.Ordinal)
    {
        ["en"] = new("Please wait a moment",
            "Too many requests came from your connection in a short time. Please wait a few minutes and try again.",
            "This email address has already received as many confirmation emails today as we send. Please confirm with one of them, or try again tomorrow."),
        ["fr"] = new("Merci de patienter un instant",
            "Trop de requêtes sont venues de votre connexion en peu de temps. Veuillez patienter quelques minutes et réessayer.",
            "Cette adresse a déjà reçu aujourd'hui autant de courriels de confirmation que nous en envoyons. Confirmez avec l'un d'eux, ou réessayez demain."),
        ["es"] = new("Espere un momento, por favor",
            "Llegaron demasiadas solicitudes desde su conexión en poco tiempo. Espere unos minutos y vuelva a intentarlo.",
            "Esta dirección ya recibió hoy todos los correos de confirmación que enviamos. Confirme con uno de ellos o vuelva a intentarlo mañana."),
        ["ar"] = new("يُرجى الانتظار قليلاً",
            "وصل عدد كبير جدًا من الطلبات من اتصالك في وقت قصير. يُرجى الانتظار بضع دقائق ثم المحاولة مرة أخرى.",
            "تلقّى عنوان البريد الإلكتروني هذا اليوم الحدّ الأقصى من رسائل التأكيد. يُرجى التأكيد عبر إحداها أو المحاولة غدًا."),
        ["zh"] = new("请稍候",
            "您的网络连接在短时间内发出的请求过多。请等待几分钟后再试。",
            "该电子邮件地址今天收到的确认邮件已达上限。请使用其中一封进行确认，或明天再试。"),
        ["ru"] = new("Пожалуйста, подождите",
            "С вашего подключения за короткое время пришло слишком много запросов. Подождите несколько минут и повторите попытку.",
            "Этот адрес уже получил сегодня максимальное число писем с подтверждением. Подтвердите заявку по одному из них или попробуйте завтра."),
        ["pt"] = new("Aguarde um momento, por favor",
            "Chegaram pedidos demais da sua conexão em pouco tempo. Aguarde alguns minutos e tente novamente.",
            "Este endereço já recebeu hoje todos os e-mails de confirmação que enviamos. Confirme com um deles ou tente novamente amanhã."),
    };

    /// <summary>The visitor's language: <c>?lang=</c>, then the first of Accept-Language we speak, then English.</summary>
    public static string LanguageOf(HttpRequest http)
    {
        var asked = http.Query["lang"].ToString();
        if (All.ContainsKey(asked)) return asked;
        if (StringWithQualityHeaderValue.TryParseList(http.Headers.AcceptLanguage.Select(v => v ?? "").ToList(), out var accepted))
        {
            foreach (var language in accepted.OrderByDescending(a => a.Quality ?? 1))
            {
                var code = language.Value.Value?.Split('-')[0].ToLowerInvariant();
                if (code is not null && All.ContainsKey(code)) return code;
            }
        }
        return "en";
    }

    public static Words For(string language) => All.TryGetValue(language, out var words) ? words : All["en"];
}
