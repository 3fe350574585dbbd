using System.Security.Cryptography;
using System.Text.Json;

namespace WgeoFlows.Intake;

/// <summary>A hash of a submission body that ignores how the JSON is laid out: whitespace, the order of object
/// properties and string escapes make no difference; any change of a value does. Intake compares it to tell a
/// redelivery of an accepted submission (same fingerprint → 200 duplicate) from a different body sent under
/// the same submission id (→ 409).</summary>
public static class SubmissionFingerprint
{
    /// <summary>"sha256:" + lowercase hex of SHA-256 over the canonical form of <paramref name="root"/>: objects with
    /// their properties sorted by name (ordinal), strings re-encoded, numbers as written (1 and 1.0 differ).</summary>
    public static string Of(JsonElement root)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var writer = new Utf8JsonWriter(new HashingBuffer(hash)))
        {
            WriteCanonical(writer, root);
        }
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    WriteCanonical(writer, property.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray()) WriteCanonical(writer, item);
                writer.WriteEndArray();
                break;
            case JsonValueKind.String when JsonText.TryGetString(element, out var text):
                writer.WriteStringValue(text);
                break;
            default:
                // Numbers, true, false, null, and strings that are not valid UTF-16 (a lone escaped surrogate):
                // their raw text is canonical enough, and a fingerprint must never throw.
                writer.WriteRawValue(element.GetRawText(), skipInputValidation: true);
                break;
        }
    }

    /// <summary>Feeds what the writer produces straight into the hash, so a large body is never copied whole.</summary>
    private sealed class HashingBuffer(IncrementalHash hash) : System.Buffers.IBufferWriter<byte>
    {
        private byte[] _buffer = new byte[4096];

        public void Advance(int count) => hash.AppendData(_buffer, 0, count);

        public Memory<byte> GetMemory(int sizeHint = 0) => Ensure(sizeHint);

        public Span<byte> GetSpan(int sizeHint = 0) => Ensure(sizeHint).Span;

        private Memory<byte> Ensure(int sizeHint)
        {
            if (sizeHint > _buffer.Length) _buffer = new byte[Math.Max(sizeHint, _buffer.Length * 2)];
            return _buffer;
        }
    }
}
