using System.Text.Json;
using WgeoFlows.Shared;

namespace WgeoFlows.Intake;

/// <summary>Reads the optional <c>attachments</c> array: decodes each file, checks it against
/// <see cref="AttachmentPolicy"/> and the <see cref="AttachmentLimits"/>, and gives it a safe name.</summary>
internal static class AttachmentReader
{
    /// <summary>The decoded attachments (empty when none were sent), or null with errors recorded.</summary>
    public static IReadOnlyList<ValidAttachment>? Read(JsonFieldReader fields, JsonElement root, AttachmentLimits limits)
    {
        const string path = "attachments";
        if (!JsonFieldReader.TryGetGiven(root, path, out var value)) return [];
        if (value.ValueKind != JsonValueKind.Array)
        {
            fields.Errors.Add(path, $"{path} must be an array.");
            return null;
        }
        var count = value.GetArrayLength();
        if (count > limits.MaxFiles)
        {
            fields.Errors.Add(path, $"{path} may hold at most {limits.MaxFiles} files (it holds {count}).");
            return null;
        }

        var attachments = new List<ValidAttachment>(count);
        // Names are unique within a request (case-insensitively), so a download route can name a file by its name alone.
        var takenNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var allGood = true;
        long totalBytes = 0;
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var attachment = ReadOne(fields, item, $"{path}[{index++}]", limits, ref totalBytes);
            if (attachment is null) allGood = false;
            else attachments.Add(attachment with { FileName = AttachmentPolicy.UniqueFileName(attachment.FileName, takenNames, limits.MaxFileNameLength) });
        }
        if (totalBytes > limits.MaxTotalBytes)
        {
            fields.Errors.Add(path, $"The attachments add up to {Megabytes(totalBytes)}; at most {Megabytes(limits.MaxTotalBytes)} are accepted per request.");
            return null;
        }
        return allGood ? attachments : null;
    }

    private static ValidAttachment? ReadOne(JsonFieldReader fields, JsonElement item, string path, AttachmentLimits limits, ref long totalBytes)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            fields.Errors.Add(path, $"{path} must be an object with fileName, contentType and contentBase64.");
            return null;
        }

        // Any name is acceptable: SafeFileName makes it harmless, and a file is not refused for an odd name.
        var fileName = "";
        var fileNameOk = !JsonFieldReader.TryGetGiven(item, "fileName", out var fileNameValue)
            || JsonText.TryGetString(fileNameValue, out fileName);
        if (!fileNameOk) fields.Errors.Add($"{path}.fileName", $"{path}.fileName must be a string.");

        var contentTypePath = $"{path}.contentType";
        var contentTypeText = fields.RequiredText(item, path, "contentType", maxLength: 200);
        var type = AttachmentPolicy.FindAllowed(contentTypeText);
        if (type is { IsLegacyOffice: true } && !limits.AllowLegacyOffice)
        {
            fields.Errors.Add(contentTypePath, $"{contentTypePath} {Echo.Quoted(contentTypeText)} is a legacy Office format that can carry macros and is "
                + "not accepted; save the file as .docx, .xlsx, .pptx or PDF.");
            type = null;
        }
        else if (contentTypeText is not null && type is null)
            fields.Errors.Add(contentTypePath, $"{contentTypePath} {Echo.Quoted(contentTypeText)} is not accepted; send one of: "
                + string.Join(", ", AttachmentPolicy.Accepted(limits.AllowLegacyOffice).Select(t => t.ContentType)) + ".");

        var content = Decode(fields, item, $"{path}.contentBase64", limits);
        if (content is null) return null;
        totalBytes += content.LongLength;

        if (type is null || !fileNameOk) return null;
        if (!AttachmentPolicy.ContentMatches(type, content))
        {
            fields.Errors.Add($"{path}.contentBase64", $"{path}.contentBase64 is not a {type.Description} although it is declared as {type.ContentType}.");
            return null;
        }
        return new ValidAttachment(AttachmentPolicy.SafeFileName(fileName, type, limits.MaxFileNameLength), type.ContentType, content);
    }

    private static byte[]? Decode(JsonFieldReader fields, JsonElement item, string path, AttachmentLimits limits)
    {
        if (!JsonFieldReader.TryGetGiven(item, "contentBase64", out var value))
        {
            fields.Errors.Add(path, $"{path} is required.");
            return null;
        }
        if (value.ValueKind != JsonValueKind.String || !JsonText.TryGetString(value, out var base64))
        {
            fields.Errors.Add(path, $"{path} must be a string of base64.");
            return null;
        }
        if (string.IsNullOrWhiteSpace(base64))
        {
            fields.Errors.Add(path, $"{path} is empty: an attachment must have content.");
            return null;
        }

        var buffer = new byte[base64.Length / 4 * 3 + 3];
        if (!Convert.TryFromBase64String(base64, buffer, out var length))
        {
            fields.Errors.Add(path, $"{path} is not valid base64 (RFC 4648, with padding; no data: URL prefix).");
            return null;
        }
        if (length == 0)
        {
            fields.Errors.Add(path, $"{path} is empty: an attachment must have content.");
            return null;
        }
        if (length > limits.MaxFileBytes)
        {
            fields.Errors.Add(path, $"The file is {Megabytes(length)}; at most {Megabytes(limits.MaxFileBytes)} are accepted per file.");
            return null;
        }
        return buffer.AsSpan(0, length).ToArray();
    }

    private static string Megabytes(long bytes) => $"{bytes / (double)AttachmentLimits.MiB:0.##} MiB";
}
