using WgeoFlows.Matching;
using WgeoFlows.Reference;

namespace WgeoFlows.Bench.Matching;

/// <summary>A deterministic registry of any size, drawn from the real taxonomies and countries.</summary>
public static class SyntheticRegistry
{
    public static List<Partner> Create(int count, int seed = 20261127)
    {
        var random = new Random(seed);
        var countries = CountryCatalog.Default.All.ToArray();
        var thematic = Taxonomy.ThematicAreas.Select(t => t.Id).ToArray();
        var support = Taxonomy.SupportTypes.Select(t => t.Id).ToArray();
        var languages = Taxonomy.Languages.Select(t => t.Id).ToArray();
        var platforms = Taxonomy.Platforms.Select(t => t.Id).ToArray();
        var partners = new List<Partner>(count);
        for (var i = 0; i < count; i++)
        {
            var country = countries[random.Next(countries.Length)];
            var capacity = random.Next(1, 8);
            partners.Add(new Partner
            {
                Id = $"p-{i:D6}",
                Name = $"Partner {i}",
                Platform = platforms[random.Next(platforms.Length)],
                Country = country.Code,
                Region = country.Region,
                GlobalSouth = country.GlobalSouth,
                Role = (PartnerRole)random.Next(3),
                ThematicAreas = Pick(random, thematic, random.Next(1, 5)),
                SupportTypes = Pick(random, support, random.Next(1, 4)),
                Languages = Pick(random, languages, random.Next(1, 3)),
                Capacity = capacity,
                OpenEngagements = random.Next(0, capacity + 1),
                Email = $"partner{i}@example.org",
                Active = random.NextDouble() > 0.05,
                LastOfferedAt = random.NextDouble() < 0.2 ? DateTimeOffset.UnixEpoch.AddDays(20_000 + random.Next(30)) : null,
                RecentOffers = random.Next(0, 4),
            });
        }
        return partners;
    }

    private static string[] Pick(Random random, string[] from, int count) =>
        from.OrderBy(_ => random.Next()).Take(count).ToArray();
}
