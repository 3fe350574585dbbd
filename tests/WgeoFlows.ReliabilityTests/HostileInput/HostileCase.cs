namespace WgeoFlows.Tests.HostileInput;

/// <summary>One hostile HTTP call. <see cref="MustBeRefused"/>: the call lacks what the route requires (signature, key,
/// valid token), so any 2xx is a hole; other cases (odd but maybe valid values) may be accepted, never answered with 5xx.</summary>
public sealed record HostileCase(
    string Family,
    HttpMethod Method,
    string Path,
    byte[]? Body,
    string? ContentType,
    IReadOnlyList<(string Name, string Value)> Headers,
    bool MustBeRefused)
{
    public HttpRequestMessage ToRequest()
    {
        var message = new HttpRequestMessage(Method, Path);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null && System.Net.Http.Headers.MediaTypeHeaderValue.TryParse(ContentType, out var type))
                message.Content.Headers.ContentType = type;
            else if (ContentType is not null)
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }
        foreach (var (name, value) in Headers) message.Headers.TryAddWithoutValidation(name, value);
        return message;
    }

    public override string ToString() =>
        $"[{Family}] {Method} {(Path.Length > 120 ? Path[..120] + "…" : Path)} ({Body?.Length ?? 0} bytes, {ContentType ?? "no type"}" +
            $"; headers {string.Join(", ", Headers.Select(h => h.Name))})";
}
