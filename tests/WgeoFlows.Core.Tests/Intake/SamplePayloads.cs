using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WgeoFlows.Tests.Intake;

/// <summary>Intake webhook bodies for tests: <see cref="Valid"/> is the contract's example, valid as it stands;
/// change a field on the returned node to make the case a test needs. Only System.Text.Json is used, so other test
/// projects can link this file (<c>&lt;Compile Include="…/Intake/SamplePayloads.cs" /&gt;</c>).</summary>
public static class SamplePayloads
{
    public const string Description =
        "Informal settlements in Nairobi lack reliable electricity. We need technical assistance to design "
        + "solar mini-grids and financing to build the first three of them.";

    /// <summary>A small but real PDF file (the header is what the policy checks).</summary>
    public static byte[] PdfBytes => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>The 8-byte PNG signature followed by the start of an IHDR chunk.</summary>
    public static byte[] PngBytes => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

    public static JsonObject Valid(string submissionId = "form-7f3a91") => new()
    {
        ["submissionId"] = submissionId,
        ["organization"] = new JsonObject
        {
            ["name"] = "Nairobi County Energy Office",
            ["platform"] = "cities",
            ["country"] = "KE",
            ["website"] = "https://example.org",
        },
        ["contact"] = new JsonObject
        {
            ["name"] = "Amina Otieno",
            ["email"] = "amina@example.org",
            ["language"] = "en",
        },
        ["request"] = new JsonObject
        {
            ["title"] = "Solar mini-grids for informal settlements",
            ["description"] = Description,
            ["thematicAreas"] = new JsonArray("renewable-energy", "sustainable-cities"),
            ["supportTypes"] = new JsonArray("technical-assistance", "financing"),
            ["preferredRegions"] = new JsonArray("africa", "asia"),
            ["budgetUsd"] = 250000,
            ["neededBy"] = "2027-06-30",
        },
        ["attachments"] = new JsonArray(Attachment("concept-note.pdf", "application/pdf", PdfBytes)),
    };

    /// <summary>The valid payload with only the fields the contract requires.</summary>
    public static JsonObject Minimal(string submissionId = "form-minimal") => new()
    {
        ["submissionId"] = submissionId,
        ["organization"] = new JsonObject { ["name"] = "Lima Youth Climate Network", ["platform"] = "academia-youth", ["country"] = "PE" },
        ["contact"] = new JsonObject { ["name"] = "Rosa Quispe", ["email"] = "rosa@example.org", ["language"] = "es" },
        ["request"] = new JsonObject
        {
            ["title"] = "Training in energy audits",
            ["description"] = Description,
            ["thematicAreas"] = new JsonArray("energy-efficiency"),
            ["supportTypes"] = new JsonArray("capacity-building"),
        },
    };

    public static JsonObject Attachment(string fileName, string contentType, byte[] content) => new()
    {
        ["fileName"] = fileName,
        ["contentType"] = contentType,
        ["contentBase64"] = Convert.ToBase64String(content),
    };

    /// <summary>The payload as the <see cref="JsonElement"/> the validator reads (a copy: later changes to the node do not show).</summary>
    public static JsonElement ToElement(this JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();

    /// <summary>The payload as the raw UTF-8 body a form service would send.</summary>
    public static byte[] ToBody(this JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());
}
