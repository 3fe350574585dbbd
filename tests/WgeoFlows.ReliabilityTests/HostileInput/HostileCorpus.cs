using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Typeform;
using WgeoFlows.Links;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.HostileInput;

/// <summary>What the corpus builds on: a real request waiting for review (its review token and status link), so
/// tampering starts from genuine tokens.</summary>
public sealed record CorpusSeed(string RequestId, string ReviewToken, string StatusPath);

/// <summary>
/// Generates hostile calls to every public route, deterministically from a seed: the same count gives the same corpus.
/// Submissions that might be valid use a few fixed submission ids, so at most that many requests can ever be accepted
/// and every other stored row betrays a refused input that left a trace.
/// </summary>
public static class HostileCorpus
{
    public const int SampleSize = 600;
    public const int FullSize = 5_000;

    /// <summary>The submission ids the corpus uses; anything it stores must belong to one of them.</summary>
    public static readonly string[] SubmissionIds = Enumerable.Range(0, 8).Select(i => $"hostile-corpus-{i}")
        .Concat(LongTextIds).ToArray();

    /// <summary>One submission id per kind of long text, so that the first delivery of each is accepted and stored (the
    /// corpus then measures the stored rows), and later ones are duplicates or conflicts.</summary>
    public static string[] LongTextIds => Enumerable.Range(0, HostileStrings.LongTextUnits.Length).Select(i => $"hostile-corpus-long-{i}").ToArray();

    public static int Size => Environment.GetEnvironmentVariable("WGEO_FULL_CORPUS") == "1" ? FullSize : SampleSize;

    private static readonly string[] AdminRoutes =
    [
        "/api/admin/requests", "/api/admin/requests/{id}", "/api/admin/summary", "/api/admin/reviewers", "/api/admin/partners",
        "/api/admin/partners/p-1", "/api/admin/partners/import", "/api/admin/requests/{id}/cancel", "/api/admin/requests/{id}/match",
        "/api/admin/requests/{id}/attachments/concept-note.pdf", "/api/admin/held", "/api/admin/held/h-1",
        "/api/admin/held/h-1/release", "/api/admin/held/h-1/discard",
    ];

    private static readonly string[] LinkKinds = ["review", "update", "offer", "followup", "confirm"];

    private delegate HostileCase Family(Random random, CorpusSeed seed, int index);

    private static readonly Family[] Families =
    [
        MalformedJson, WrongTypes, HostileStringsInFields, BadAttachments, WrongContentTypes, BadSignatures,
        TypeformDeliveries, TamperedTokens, MintedTokens, AttachmentDownloads, StatusLinks, AdminWithoutKey, FormPosts,
        SendGridEvents, PagesWithHostileQueries, LongTextsInEveryField,
    ];

    public static IEnumerable<HostileCase> Generate(int count, CorpusSeed seed)
    {
        var random = new Random(8_2026);
        for (var i = 0; i < count; i++) yield return Families[i % Families.Length](random, seed, i);
    }

    private static string SubmissionId(Random random) => SubmissionIds[random.Next(SubmissionIds.Length)];

    private static HostileCase SignedWebhook(string family, byte[] body, string contentType = "application/json", bool mustBeRefused = false)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new(family, HttpMethod.Post, "/api/requests", body, contentType,
            [(WebhookSignature.TimestampHeader, timestamp), (WebhookSignature.SignatureHeader, WebhookSignature.Compute(HostileStack.WebhookSecret, timestamp, body))],
            mustBeRefused);
    }

    private static HostileCase MalformedJson(Random random, CorpusSeed seed, int index)
    {
        var valid = Encoding.UTF8.GetBytes(SamplePayloads.Valid(SubmissionId(random)).ToJsonString());
        byte[] body = random.Next(8) switch
        {
            0 => valid[..random.Next(1, valid.Length - 1)], // truncated
            1 => RandomBytes(random, random.Next(1, 2_000)),
            2 => Encoding.UTF8.GetBytes(new string('[', random.Next(50, 5_000))), // deep nesting
            3 => Encoding.UTF8.GetBytes(random.Next(4) switch { 0 => "null", 1 => "42", 2 => "\"text\"", _ => "[]" }),
            4 => [],
            5 => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(valid).Replace("\"", "'", StringComparison.Ordinal)),
            6 => [0xEF, 0xBB, 0xBF, .. valid, (byte)','],
            _ => Encoding.UTF8.GetBytes("{\"submissionId\":\"x\",\"submissionId\":\"y\"," + new string(' ', random.Next(10)) + "}"),
        };
        return SignedWebhook("malformed JSON", body);
    }

    private static readonly string[] FieldPaths =
    [
        "submissionId", "organization", "organization.name", "organization.platform", "organization.country", "organization.website",
        "contact", "contact.name", "contact.email", "contact.language", "request", "request.title", "request.description",
        "request.thematicAreas", "request.supportTypes", "request.preferredRegions", "request.budgetUsd", "request.neededBy", "attachments",
    ];

    private static JsonNode? WrongValue(Random random) => random.Next(9) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(3) == 0 ? double.MaxValue : -random.Next()),
        2 => JsonValue.Create(random.Next(2) == 0),
        3 => new JsonArray(JsonValue.Create(1), JsonValue.Create("x")),
        4 => new JsonObject { ["$type"] = "System.IO.FileInfo", ["__proto__"] = new JsonObject { ["admin"] = true } },
        5 => JsonValue.Create(""),
        6 => JsonValue.Create(HostileStrings.Huge(random)),
        7 => JsonValue.Create(1e308),
        _ => JsonValue.Create(HostileStrings.Any(random)),
    };

    private static HostileCase WrongTypes(Random random, CorpusSeed seed, int index)
    {
        var payload = SamplePayloads.Valid(SubmissionId(random));
        // submissionId stays a corpus id so an accepted variant is one of the known few.
        Set(payload, FieldPaths[1 + random.Next(FieldPaths.Length - 1)], WrongValue(random));
        return SignedWebhook("wrong types", Encoding.UTF8.GetBytes(payload.ToJsonString()));
    }

    private static HostileCase HostileStringsInFields(Random random, CorpusSeed seed, int index)
    {
        var payload = SamplePayloads.Valid(SubmissionId(random));
        for (var n = random.Next(1, 4); n > 0; n--)
            Set(payload, FieldPaths[1 + random.Next(FieldPaths.Length - 1)], JsonValue.Create(HostileStrings.Any(random)));
        return SignedWebhook("hostile strings", Encoding.UTF8.GetBytes(payload.ToJsonString()));
    }

    /// <summary>Every free-text field at (or just over) its limit, in a script or with characters that grow when stored:
    /// accepted and stored whole, or refused with a 400 naming the field, never a 5xx.</summary>
    private static HostileCase LongTextsInEveryField(Random random, CorpusSeed seed, int index)
    {
        var unit = random.Next(HostileStrings.LongTextUnits.Length);
        var over = random.Next(6) == 0 ? 1 : 0;
        var payload = SamplePayloads.Valid($"hostile-corpus-long-{unit}");
        string Line(int length) => HostileStrings.Long(unit, length).Replace('\n', ' ').Replace('\t', ' ');
        payload["organization"]!["name"] = Line(SubmissionValidator.MaxOrganizationNameLength + over);
        payload["contact"]!["name"] = Line(SubmissionValidator.MaxContactNameLength);
        payload["request"]!["title"] = Line(SubmissionValidator.MaxTitleLength);
        payload["request"]!["description"] = HostileStrings.Long(unit, SubmissionValidator.MaxDescriptionLength + over);
        payload["attachments"]![0]!["fileName"] = Line(200) + ".pdf";
        return SignedWebhook("long texts in every field", Encoding.UTF8.GetBytes(payload.ToJsonString()));
    }

    private static HostileCase BadAttachments(Random random, CorpusSeed seed, int index)
    {
        var payload = SamplePayloads.Valid(SubmissionId(random));
        var attachment = payload["attachments"]![0]!.AsObject();
        switch (random.Next(5))
        {
            case 0: attachment["fileName"] = HostileStrings.Traversal[random.Next(HostileStrings.Traversal.Length)]; break;
            case 1: attachment["contentBase64"] = random.Next(3) switch { 0 => "!!!not base64!!!", 1 => "QUJD=" + "=", _ => "A" }; break;
            case 2: attachment["contentBase64"] = Convert.ToBase64String(RandomBytes(random, 200)); break; // not a PDF
            case 3: attachment["contentType"] = random.Next(2) == 0 ? "text/html" : "application/x-msdownload"; break;
            default:
                attachment["fileName"] = HostileStrings.Markup[random.Next(HostileStrings.Markup.Length)] + ".pdf";
                break;
        }
        return SignedWebhook("bad attachments", Encoding.UTF8.GetBytes(payload.ToJsonString()));
    }

    private static HostileCase WrongContentTypes(Random random, CorpusSeed seed, int index)
    {
        var body = Encoding.UTF8.GetBytes(SamplePayloads.Valid(SubmissionId(random)).ToJsonString());
        string[] types = ["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
            "application/json; charset=utf-16", "application/json; charset=nonsense", "*/*", "application/json\r\nX-Evil: 1"];
        return SignedWebhook("wrong content types", body, types[random.Next(types.Length)]);
    }

    private static HostileCase BadSignatures(Random random, CorpusSeed seed, int index)
    {
        var body = Encoding.UTF8.GetBytes(SamplePayloads.Valid(SubmissionId(random)).ToJsonString());
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        string Stamp(long at) => at.ToString(CultureInfo.InvariantCulture);
        (string? Timestamp, string? Signature) headers = random.Next(8) switch
        {
            0 => (null, null),
            1 => (Stamp(now), null),
            2 => (null, WebhookSignature.Compute(HostileStack.WebhookSecret, Stamp(now), body)),
            3 => (Stamp(now), WebhookSignature.Compute("a-foreign-secret", Stamp(now), body)),
            4 => (Stamp(now - 3_600), WebhookSignature.Compute(HostileStack.WebhookSecret, Stamp(now - 3_600), body)), // old
            5 => (Stamp(now + 3_600), WebhookSignature.Compute(HostileStack.WebhookSecret, Stamp(now + 3_600), body)), // future
            6 => (Stamp(now), WebhookSignature.Compute(HostileStack.WebhookSecret, Stamp(now), [.. body, (byte)' '])), // other body
            _ => (random.Next(2) == 0 ? "not-a-number" : "99999999999999999999", "sha256=" + Escape(HostileStrings.Any(random))),
        };
        var headerList = new List<(string, string)>();
        if (headers.Timestamp is not null) headerList.Add((WebhookSignature.TimestampHeader, headers.Timestamp));
        if (headers.Signature is not null) headerList.Add((WebhookSignature.SignatureHeader, headers.Signature));
        return new("bad signatures", HttpMethod.Post, "/api/requests", body, "application/json", headerList, MustBeRefused: true);
    }

    private static HostileCase TypeformDeliveries(Random random, CorpusSeed seed, int index)
    {
        var kind = random.Next(3);
        var body = kind switch
        {
            0 => RandomBytes(random, random.Next(0, 500)),
            1 => Encoding.UTF8.GetBytes($"{{\"event_id\":\"{index}\",\"form_response\":{{\"answers\":[{{\"text\":"
                + $"{System.Text.Json.JsonSerializer.Serialize(HostileStrings.Any(random))}}}]}}}}"),
            _ => Encoding.UTF8.GetBytes("{\"form_response\":" + new string('{', random.Next(10, 3_000))),
        };
        var signed = random.Next(2) == 0;
        var signature = signed ? TypeformSignature.Compute(HostileStack.TypeformSecret, body) : random.Next(2) == 0 ? "sha256=AAAA" : TypeformSignature.Compute("foreign", body);
        // Signed garbage is refused for its content; unsigned or mis-signed is refused for its signature. A signed form
        // response is Typeform's own: answers that cannot be mapped are held for an admin (200, nothing accepted), not refused.
        return new("typeform", HttpMethod.Post, "/api/requests/typeform", body, "application/json",
            [(TypeformSignature.Header, signature)], MustBeRefused: !(signed && kind == 1));
    }

    private static string Tamper(Random random, string token)
    {
        var chars = token.ToCharArray();
        switch (random.Next(7))
        {
            case 0:
                var at = random.Next(chars.Length);
                chars[at] = chars[at] == 'A' ? 'B' : 'A';
                return new string(chars);
            case 1: return token[..random.Next(1, token.Length)];
            case 2: return token + "." + token;
            case 3: return token.Replace('.', '_');
            case 4: return NonEmpty(Escape(HostileStrings.Any(random)));
            case 5: return new string('A', random.Next(2_000, 9_000)) + "." + new string('B', 43);
            default:
                var dot = token.IndexOf('.', StringComparison.Ordinal);
                return (dot > 0 ? token[..dot] : token) + "." + Convert.ToBase64String(RandomBytes(random, 32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }
    }

    private static HostileCase LinkCall(string family, Random random, string kind, string token)
    {
        var path = $"/api/{kind}/{token}";
        return random.Next(4) switch
        {
            0 => new(family, HttpMethod.Get, path, null, null, [], MustBeRefused: true),
            2 => new(family, HttpMethod.Post, path, RandomBytes(random, 300), "multipart/form-data; boundary=----x", [], MustBeRefused: true),
            1 => new(family, HttpMethod.Head, path, null, null, [], MustBeRefused: true),
            _ => new(family, HttpMethod.Post, path, FormBody(random, ("decision", "approve"), ("response", "accept"), ("comment", HostileStrings.Any(random))),
                "application/x-www-form-urlencoded", [], MustBeRefused: true),
        };
    }

    private static HostileCase TamperedTokens(Random random, CorpusSeed seed, int index) =>
        LinkCall("tampered tokens", random, LinkKinds[random.Next(LinkKinds.Length)], Tamper(random, seed.ReviewToken));

    private static HostileCase MintedTokens(Random random, CorpusSeed seed, int index)
    {
        var kind = LinkKinds[random.Next(LinkKinds.Length)];
        var expires = DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds();
        var (family, claims, key) = random.Next(4) switch
        {
            0 => ("expired tokens", new LinkClaims(kind, seed.RequestId, "cities.lead@example.org", "review|1",
                DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeSeconds()), HostileStack.LinkSigningKey),
            1 => ("foreign tokens", new LinkClaims(kind, seed.RequestId, "cities.lead@example.org", "review|1", expires), "a-foreign-signing-key"),
            2 => ("tokens of another kind", new LinkClaims(kind == "review" ? "offer" : "review", seed.RequestId, "x@example.org",
                "review|1", expires), HostileStack.LinkSigningKey),
            // Only the app can sign, so the claims are of the shapes it writes, pointing at no stage or no request.
            _ => ("tokens for no stage", new LinkClaims(kind, random.Next(2) == 0 ? seed.RequestId : "WG-00000-00000", "someone@example.org",
                $"{kind}-{random.Next(2, 99)}-r0", expires), HostileStack.LinkSigningKey),
        };
        return LinkCall(family, random, kind, LinkToken.Sign(claims, key));
    }

    private static HostileCase AttachmentDownloads(Random random, CorpusSeed seed, int index)
    {
        var name = NonEmpty(Escape(HostileStrings.Traversal[random.Next(HostileStrings.Traversal.Length)]));
        var kind = random.Next(2) == 0 ? "review" : "update";
        // A genuine review token asks for a file that is not the request's; a tampered one for the real file.
        var path = random.Next(2) == 0
            ? $"/api/{kind}/{seed.ReviewToken}/attachments/{name}"
            : $"/api/{kind}/{Tamper(random, seed.ReviewToken)}/attachments/concept-note.pdf";
        return new("attachment downloads", HttpMethod.Get, path, null, null, [], MustBeRefused: true);
    }

    private static HostileCase StatusLinks(Random random, CorpusSeed seed, int index)
    {
        var query = seed.StatusPath[(seed.StatusPath.IndexOf('?', StringComparison.Ordinal) + 1)..];
        var path = random.Next(5) switch
        {
            0 => $"/api/status/{seed.RequestId}",
            1 => $"/api/status/{seed.RequestId}?sig={Escape(Tamper(random, query))}",
            2 => $"/api/status/WG-00000-00000?{query}",
            3 => $"/api/status/{NonEmpty(Escape(HostileStrings.Any(random)))}?{query}",
            _ => $"/api/status/{seed.RequestId}?sig=&lang={Escape(HostileStrings.Any(random))}",
        };
        return new("status links", random.Next(2) == 0 ? HttpMethod.Get : HttpMethod.Head, path, null, null, [], MustBeRefused: true);
    }

    private static HostileCase AdminWithoutKey(Random random, CorpusSeed seed, int index)
    {
        var route = AdminRoutes[random.Next(AdminRoutes.Length)].Replace("{id}", seed.RequestId, StringComparison.Ordinal);
        HttpMethod[] methods = [HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete];
        var principal = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            "{\"auth_typ\":\"aad\",\"claims\":[{\"typ\":\"roles\",\"val\":\"Wgeo.Admin\"}],\"name_typ\":\"name\",\"role_typ\":\"roles\"}"));
        List<(string, string)> headers = random.Next(7) switch
        {
            0 => [],
            1 => [("X-Wgeo-Admin-Key", "")],
            2 => [("X-Wgeo-Admin-Key", HostileStack.AdminKey.ToUpperInvariant())],
            3 => [("X-Wgeo-Admin-Key", HostileStack.AdminKey + "x")],
            4 => [("X-Wgeo-Admin-Key", HostileStack.AdminKey[..^1])],
            5 => [("X-MS-CLIENT-PRINCIPAL", principal)], // forged: this host does not trust App Service authentication
            _ => [("Authorization", "Bearer " + HostileStack.AdminKey)],
        };
        var body = Encoding.UTF8.GetBytes(random.Next(2) == 0 ? "{\"reason\":\"x\",\"partnerIds\":[\"p-1\"]}" : "id,name\n1,<script>x</script>");
        return new("admin without key", methods[random.Next(methods.Length)], route, body, "application/json", headers, MustBeRefused: true);
    }

    private static HostileCase FormPosts(Random random, CorpusSeed seed, int index)
    {
        string[] names = ["organizationName", "platform", "country", "contactName", "contactEmail", "language", "title", "description",
            "formToken", "lang", "thematicAreas", "supportTypes"];
        var fields = Enumerable.Range(0, random.Next(0, 8)).Select(_ => (names[random.Next(names.Length)], HostileStrings.Any(random))).ToArray();
        return random.Next(4) == 0
            ? new("form posts", HttpMethod.Post, "/api/form", RandomBytes(random, 300), "multipart/form-data; boundary=----x", [], MustBeRefused: true)
            // Without a genuine form token the form never accepts a submission.
            : new("form posts", HttpMethod.Post, "/api/form", FormBody(random, fields), "application/x-www-form-urlencoded", [], MustBeRefused: false);
    }

    private static HostileCase SendGridEvents(Random random, CorpusSeed seed, int index)
    {
        var body = Encoding.UTF8.GetBytes($"[{{\"event\":\"delivered\",\"email\":\"a@example.org\",\"requestId\":\"{seed.RequestId}\",\"messageKey\":"
            + $"{System.Text.Json.JsonSerializer.Serialize(HostileStrings.Any(random))}}}]");
        List<(string, string)> headers = random.Next(2) == 0 ? [] :
            [("X-Twilio-Email-Event-Webhook-Signature", Convert.ToBase64String(RandomBytes(random, 70))),
             ("X-Twilio-Email-Event-Webhook-Timestamp", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))];
        return new("sendgrid events", HttpMethod.Post, "/api/sendgrid/events", body, "application/json", headers, MustBeRefused: true);
    }

    private static HostileCase PagesWithHostileQueries(Random random, CorpusSeed seed, int index)
    {
        string[] pages = ["/api/form", "/api/admin", "/api/health", "/api/admin/dashboard.js", "/api/nowhere/../admin/requests", "/api/%2e%2e/%2e%2e/etc/passwd"];
        var path = pages[random.Next(pages.Length)] + "?lang=" + Escape(HostileStrings.Any(random));
        return new("pages with hostile queries", random.Next(2) == 0 ? HttpMethod.Get : HttpMethod.Head, path, null, null, [], MustBeRefused: false);
    }

    private static byte[] FormBody(Random random, params (string Name, string Value)[] fields)
    {
        using var content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, RemoveLoneSurrogates(f.Value))));
        return content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
    }

    // FormUrlEncodedContent refuses text that is not valid UTF-16; a browser would have replaced it the same way.
    private static string RemoveLoneSurrogates(string text) => text.Replace("\uD800", "\uFFFD", StringComparison.Ordinal);

    // An empty path segment would route elsewhere; "%2e%2e" still says "parent folder" to a naive server.
    // and "." or ".." alone would be folded away by the client, so they are sent as the start of a traversal instead.
    private static string NonEmpty(string segment) => segment.Trim('.').Length > 0 ? segment : "..%2Fconcept-note.pdf";

    private static string Escape(string text) => Uri.EscapeDataString(RemoveLoneSurrogates(text));

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var node = root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (node[parts[i]] is not JsonObject child) return;
            node = child;
        }
        node[parts[^1]] = value;
    }
}
