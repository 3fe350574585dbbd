// Generates functions/WgeoFlows.Core/SampleData/partners.csv: FICTIONAL partner organisations for local runs and tests.
// Deterministic (fixed seed): running it again gives the same file. Run from the repository root:
//   dotnet run tools/sample-data/GeneratePartners.cs
// Every name ends in "(fictional)" and every email uses example.org / example.net / example.com.

using System.Text;

const int Count = 320;
var random = new Random(20260701);

string[] platforms = ["public-sector", "private-sector", "financial-sector", "cities", "academia-youth", "civil-society", "international-organizations"];
string[] thematicAreas = ["renewable-energy", "energy-efficiency", "sustainable-agriculture", "water-management", "circular-economy", "green-finance",
    "sustainable-cities", "green-buildings", "sustainable-transport", "climate-adaptation", "biodiversity", "green-jobs-skills",
    "sustainable-tourism", "green-industry", "policy-governance"];
string[] technicalSupport = ["technical-assistance", "capacity-building", "knowledge-exchange", "policy-advisory", "technology-transfer"];
string[] domains = ["example.org", "example.net", "example.com"];

// Country, its working languages, whether it is in the Global South. Regions as in the contract.
var countriesByRegion = new (string Region, int Share, (string Code, string[] Languages, bool South)[] Countries)[]
{
    ("africa", 24, [("KE", ["en"], true), ("NG", ["en"], true), ("GH", ["en"], true), ("SN", ["fr"], true), ("CI", ["fr"], true),
        ("ET", ["en"], true), ("RW", ["en", "fr"], true), ("ZA", ["en"], true), ("MZ", ["pt"], true), ("AO", ["pt"], true)]),
    ("asia", 21, [("IN", ["en"], true), ("CN", ["zh"], true), ("ID", ["en"], true), ("VN", ["en"], true), ("BD", ["en"], true),
        ("PH", ["en"], true), ("KZ", ["ru"], true), ("UZ", ["ru"], true), ("TH", ["en"], true)]),
    ("latin-america-caribbean", 18, [("BR", ["pt"], true), ("MX", ["es"], true), ("CO", ["es"], true), ("CL", ["es"], true),
        ("PE", ["es"], true), ("AR", ["es"], true), ("JM", ["en"], true)]),
    ("arab-states", 13, [("EG", ["ar"], true), ("MA", ["ar", "fr"], true), ("TN", ["ar", "fr"], true), ("JO", ["ar"], true), ("AE", ["ar"], true)]),
    ("oceania", 6, [("FJ", ["en"], true), ("PG", ["en"], true), ("WS", ["en"], true), ("AU", ["en"], false), ("NZ", ["en"], false)]),
    ("europe", 11, [("DE", [], false), ("FR", ["fr"], false), ("NO", [], false), ("ES", ["es"], false), ("PT", ["pt"], false), ("GB", [], false)]),
    ("north-america", 7, [("US", ["es"], false), ("CA", ["fr"], false)]),
};

string[] placeWords = ["Sahel", "Andes", "Mekong", "Pacific", "Savanna", "Delta", "Highland", "Coastal", "Rift", "Atlas", "Amazonia",
    "Steppe", "Monsoon", "Lagoon", "Baobab", "Cedar", "Coral", "Horizon", "Meridian", "Tropic"];
string[] topicWords = ["Solar", "Green", "Blue Water", "Clean Air", "Circular", "Climate", "Harvest", "Urban", "Forest", "Wind", "Resilience", "Transit"];
var orgTypeByPlatform = new Dictionary<string, string[]>
{
    ["public-sector"] = ["Ministry Unit", "National Agency", "Energy Office"],
    ["private-sector"] = ["Enterprises", "Technologies", "Engineering"],
    ["financial-sector"] = ["Development Bank", "Impact Fund", "Green Finance Facility"],
    ["cities"] = ["City Council", "Municipal Utility", "Metropolitan Authority"],
    ["academia-youth"] = ["University Institute", "Youth Network", "Research Centre"],
    ["civil-society"] = ["Foundation", "Cooperative", "Alliance"],
    ["international-organizations"] = ["Regional Commission", "Cooperation Programme", "Partnership Secretariat"],
};

var csv = new StringBuilder("id,name,platform,country,role,thematicAreas,supportTypes,languages,capacity,email,active\n");
var totalShare = countriesByRegion.Sum(r => r.Share);
for (var i = 0; i < Count; i++)
{
    var platform = platforms[i % platforms.Length];
    var region = PickRegion(i);
    var country = region.Countries[random.Next(region.Countries.Length)];

    // Southern partners mostly provide; northern ones mostly fund (the "triangular" third party).
    var roll = random.NextDouble();
    var role = country.South
        ? roll < 0.72 ? "provider" : roll < 0.84 ? "funder" : "both"
        : roll < 0.45 ? "funder" : roll < 0.65 ? "provider" : "both";
    if (platform == "financial-sector" && role == "provider") role = "both";

    // The first item cycles through the taxonomy so that every term is covered.
    var themes = Distinct(thematicAreas[i % thematicAreas.Length], thematicAreas, random.Next(0, 4));
    var support = role == "funder"
        ? Distinct("financing", ["knowledge-exchange", "capacity-building"], random.Next(0, 2))
        : Distinct(technicalSupport[i % technicalSupport.Length], technicalSupport, random.Next(0, 3));
    if (role == "both") support = [.. support, "financing"];

    var languages = new List<string>(country.Languages);
    if (languages.Count == 0 || random.NextDouble() < 0.7) languages.Add("en");
    if (i % 11 == 0) languages.Add(new[] { "fr", "es", "ar", "zh", "ru", "pt" }[i / 11 % 6]);

    var place = placeWords[random.Next(placeWords.Length)];
    var topic = topicWords[random.Next(topicWords.Length)];
    var orgTypes = orgTypeByPlatform[platform];
    var name = $"{place} {topic} {orgTypes[random.Next(orgTypes.Length)]} (fictional)";
    var id = $"{country.Code.ToLowerInvariant()}-{Slug(place)}-{Slug(topic)}-{i + 1:000}";
    var capacity = random.Next(1, 9);
    var email = $"{id}@{domains[i % domains.Length]}";
    var active = i % 23 == 22 ? "false" : "true";

    csv.Append($"{id},{name},{platform},{country.Code},{role},{string.Join(';', themes)},{string.Join(';', support)},")
       .Append($"{string.Join(';', languages.Distinct())},{capacity},{email},{active}\n");
}

var output = Path.Combine("functions", "WgeoFlows.Core", "SampleData", "partners.csv");
File.WriteAllText(output, csv.ToString(), new UTF8Encoding(false));
Console.WriteLine($"Wrote {Count} fictional partners to {output}");

(string Region, int Share, (string Code, string[] Languages, bool South)[] Countries) PickRegion(int index)
{
    // Every region gets its share of the rows in turn, not by chance, so small regions are always present.
    var slot = index * 7919 % totalShare;
    foreach (var region in countriesByRegion)
    {
        if (slot < region.Share) return region;
        slot -= region.Share;
    }
    throw new InvalidOperationException("unreachable: the shares add up to the total");
}

List<string> Distinct(string first, string[] pool, int extra)
{
    var picked = new List<string> { first };
    while (picked.Count < 1 + extra && picked.Count < pool.Length)
    {
        var next = pool[random.Next(pool.Length)];
        if (!picked.Contains(next)) picked.Add(next);
    }
    return picked;
}

static string Slug(string words) => words.ToLowerInvariant().Replace(' ', '-');
