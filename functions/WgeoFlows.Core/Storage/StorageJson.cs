using System.Text.Encodings.Web;
using System.Text.Json;

namespace WgeoFlows.Storage;

/// <summary>
/// The JSON the tables hold (the request record, the inbox row's pending record). It is <see cref="Shared.WgeoJson"/>'s shape
/// with one difference: only what JSON itself requires is escaped (<c>"</c>, <c>\</c> and control characters). The API's
/// encoder writes every non-ASCII character as <c>\uXXXX</c> — six characters for one, so 10,000 characters of Chinese
/// became 60,000 and no longer fitted a table property — while here a character stays one character (two for <c>"</c>,
/// <c>\</c>, a line break or a tab), so the stored size is at most twice the text the validators count. Never use these
/// options for HTML or for anything a browser reads: they do not escape markup.
/// </summary>
public static class StorageJson
{
    public static readonly JsonSerializerOptions Options = new(Shared.WgeoJson.Options) { Encoder = MinimalJsonEncoder.Instance };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Reads what either encoder wrote: rows written before this encoder existed still read.</summary>
    public static T? Deserialize<T>(string? json) => json is null ? default : JsonSerializer.Deserialize<T>(json, Options);
}

/// <summary>Escapes what RFC 8259 requires and nothing else.</summary>
internal sealed class MinimalJsonEncoder : JavaScriptEncoder
{
    public static readonly MinimalJsonEncoder Instance = new();

    public override int MaxOutputCharactersPerInputCharacter => 6; // \uXXXX

    public override bool WillEncode(int unicodeScalar) => unicodeScalar is < 0x20 or '"' or '\\';

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        for (var i = 0; i < textLength; i++)
        {
            var c = text[i];
            if (c < 0x20 || c == '"' || c == '\\') return i;
            // A lone surrogate is not a Unicode scalar: let the writer deal with it as it does by default.
            if (char.IsHighSurrogate(c) && i + 1 < textLength && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return i;
        }
        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var escape = unicodeScalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\b' => "\\b",
            '\f' => "\\f",
            < 0x20 => "\\u" + unicodeScalar.ToString("X4", System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        };
        if (escape is null)
        {
            // Not escaped: write the scalar itself (one or two UTF-16 units).
            var rune = new System.Text.Rune(unicodeScalar);
            if (bufferLength < rune.Utf16SequenceLength) { numberOfCharactersWritten = 0; return false; }
            numberOfCharactersWritten = rune.EncodeToUtf16(new Span<char>(buffer, bufferLength));
            return true;
        }
        if (bufferLength < escape.Length) { numberOfCharactersWritten = 0; return false; }
        escape.AsSpan().CopyTo(new Span<char>(buffer, bufferLength));
        numberOfCharactersWritten = escape.Length;
        return true;
    }
}
