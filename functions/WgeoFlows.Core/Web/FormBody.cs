using Microsoft.AspNetCore.Http;

namespace WgeoFlows.Web;

/// <summary>Reads a posted form. A body that says it is a form but is not one (a cut-off multipart, a broken boundary) is
/// the sender's fault: it comes back as null so the page answers 400, where ReadFormAsync would have thrown into a 500.</summary>
public static class FormBody
{
    public static async Task<IFormCollection?> TryReadAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        try
        {
            return await http.ReadFormAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or BadHttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
