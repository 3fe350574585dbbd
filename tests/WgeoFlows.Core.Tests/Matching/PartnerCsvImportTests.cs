using WgeoFlows.Matching;
using WgeoFlows.Reference;

namespace WgeoFlows.Tests.Matching;

/// <summary>The import's reading, validation and planning, without storage (the stored round trip is an integration test).</summary>
public class PartnerCsvImportTests
{
    private const string Header = "id,name,platform,country,role,thematicAreas,supportTypes,languages,capacity,email";
    private const string GoodRow = "ke-solar-001,Sahel Solar Cooperative (fictional),cities,KE,provider," +
        "renewable-energy;water-management,technical-assistance,en;fr,3,solar@example.org";

    private static PartnerImportPlan Plan(string csv, params Partner[] existing) =>
        PartnerImportPlanner.Plan(PartnerCsvReader.Read(csv), existing.ToDictionary(p => p.Id), CountryCatalog.Default);

    [Fact]
    public void A_good_row_becomes_a_partner_with_region_and_Global_South_taken_from_its_country()
    {
        var plan = Plan($"{Header}\n{GoodRow}\n");

        plan.Report.FileError.ShouldBeNull();
        plan.Report.Rows.ShouldHaveSingleItem().ShouldBe(new PartnerImportRow(2, "ke-solar-001", PartnerImportOutcome.Created, []), new RowComparer());
        var partner = plan.ToWrite.ShouldHaveSingleItem();
        partner.Name.ShouldBe("Sahel Solar Cooperative (fictional)");
        partner.Region.ShouldBe("africa");
        partner.GlobalSouth.ShouldBeTrue();
        partner.Role.ShouldBe(PartnerRole.Provider);
        partner.ThematicAreas.ShouldBe(["renewable-energy", "water-management"]);
        partner.Languages.ShouldBe(["en", "fr"]);
        partner.Capacity.ShouldBe(3);
        partner.Active.ShouldBeTrue();
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_case_with_the_optional_active_column()
    {
        var plan = Plan("Email,ID,name,platform,country,role,thematicAreas,supportTypes,languages,capacity,Active\n"
            + "x@example.net,de-fund-001,Nordic Fund (fictional),financial-sector,de,funder,green-finance,financing,en,5,false\n");

        var partner = plan.ToWrite.ShouldHaveSingleItem();
        partner.Id.ShouldBe("de-fund-001");
        partner.Country.ShouldBe("DE");
        partner.GlobalSouth.ShouldBeFalse();
        partner.Region.ShouldBe("europe");
        partner.Active.ShouldBeFalse();
    }

    [Fact]
    public void Quoted_cells_with_commas_are_read_whole()
    {
        var plan = Plan($"{Header}\nke-a,\"Solar, Water and Wind (fictional)\",cities,KE,both,renewable-energy,financing,en,1,a@example.org\n");

        plan.ToWrite.ShouldHaveSingleItem().Name.ShouldBe("Solar, Water and Wind (fictional)");
    }

    [Theory]
    [InlineData("Bad_Id,n,cities,KE,provider,renewable-energy,financing,en,1,a@example.org", "id:")]
    [InlineData("export,n,cities,KE,provider,renewable-energy,financing,en,1,a@example.org", "id: 'export' is reserved")]
    [InlineData("ok-id,,cities,KE,provider,renewable-energy,financing,en,1,a@example.org", "name:")]
    [InlineData("ok-id,n,town-hall,KE,provider,renewable-energy,financing,en,1,a@example.org", "platform:")]
    [InlineData("ok-id,n,cities,XX,provider,renewable-energy,financing,en,1,a@example.org", "country:")]
    [InlineData("ok-id,n,cities,KE,donor,renewable-energy,financing,en,1,a@example.org", "role:")]
    [InlineData("ok-id,n,cities,KE,provider,,financing,en,1,a@example.org", "thematicAreas:")]
    [InlineData("ok-id,n,cities,KE,provider,renewable-energy;space-travel,financing,en,1,a@example.org", "thematicAreas:")]
    [InlineData("ok-id,n,cities,KE,provider,renewable-energy,grants,en,1,a@example.org", "supportTypes:")]
    [InlineData("ok-id,n,cities,KE,provider,renewable-energy,financing,de,1,a@example.org", "languages:")]
    [InlineData("ok-id,n,cities,KE,provider,renewable-energy,financing,en,-1,a@example.org", "capacity:")]
    [InlineData("ok-id,n,cities,KE,provider,renewable-energy,financing,en,lots,a@example.org", "capacity:")]
    [InlineData("ok-id,n,cities,KE,provider,renewable-energy,financing,en,1,not-an-email", "email:")]
    [InlineData("ok-id,n,cities,KE,provider,renewable-energy,financing,en,1,a@example.org,maybe", "active:")]
    public void A_bad_value_rejects_the_row_naming_the_field(string row, string reason)
    {
        var header = row.Count(c => c == ',') == 10 ? Header + ",active" : Header;

        var plan = Plan($"{header}\n{row}\n");

        var result = plan.Report.Rows.ShouldHaveSingleItem();
        result.Outcome.ShouldBe(PartnerImportOutcome.Rejected);
        result.Errors.ShouldHaveSingleItem().ShouldStartWith(reason);
        plan.ToWrite.ShouldBeEmpty();
    }

    [Fact]
    public void A_row_with_several_problems_is_rejected_with_all_of_them()
    {
        var plan = Plan($"{Header}\nBAD ID,,nowhere,ZZ,x,,,,,\n");

        var row = plan.Report.Rows.ShouldHaveSingleItem();
        row.Id.ShouldBe("BAD ID");
        row.Errors.Select(e => e[..e.IndexOf(':')]).ShouldBe(
            ["id", "name", "platform", "country", "role", "thematicAreas", "supportTypes", "languages", "capacity", "email"]);
    }

    [Fact]
    public void One_bad_row_does_not_block_the_good_ones()
    {
        var plan = Plan($"{Header}\n{GoodRow}\nbad,n,cities,KE,provider,renewable-energy,financing,en,1,nope\n"
            + "gh-two,Two (fictional),cities,GH,funder,green-finance,financing,en,1,two@example.com\n");

        plan.Report.Rows.Select(r => (r.Line, r.Outcome)).ShouldBe([
            (2, PartnerImportOutcome.Created), (3, PartnerImportOutcome.Rejected), (4, PartnerImportOutcome.Created)]);
        plan.ToWrite.Select(p => p.Id).ShouldBe(["ke-solar-001", "gh-two"]);
    }

    [Fact]
    public void A_repeated_id_in_the_file_rejects_the_later_row()
    {
        var plan = Plan($"{Header}\n{GoodRow}\n{GoodRow}\n");

        plan.Report.Rows[1].Outcome.ShouldBe(PartnerImportOutcome.Rejected);
        plan.Report.Rows[1].Errors.ShouldHaveSingleItem().ShouldContain("line 2");
        plan.ToWrite.Count.ShouldBe(1);
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_fields_is_rejected()
    {
        var plan = Plan($"{Header}\n{GoodRow},extra\n");

        plan.Report.Rows.ShouldHaveSingleItem().Errors[0].ShouldContain("11 fields where the header has 10");
    }

    [Fact]
    public void A_row_with_broken_quotes_is_rejected()
    {
        var plan = Plan($"{Header}\nke-q,Bad \"quote\" here,cities,KE,provider,renewable-energy,financing,en,1,q@example.org\n");

        plan.Report.Rows.ShouldHaveSingleItem().Errors[0].ShouldContain("not well-formed CSV");
    }

    [Fact]
    public void Line_numbers_are_the_lines_of_the_file_even_across_blank_lines()
    {
        var plan = Plan($"{Header}\n\n{GoodRow}\n\nbad\n");

        plan.Report.Rows.Select(r => r.Line).ShouldBe([3, 5]);
    }

    [Theory]
    [InlineData("id,name,platform,country,role,thematicAreas,supportTypes,languages,capacity", "missing columns: email")]
    [InlineData(Header + ",website", "unknown columns: 'website'")]
    [InlineData(Header + ",email", "repeated columns: email")]
    public void A_wrong_header_refuses_the_whole_file(string header, string message)
    {
        var plan = Plan($"{header}\n{GoodRow}\n");

        plan.Report.FileError.ShouldNotBeNull().ShouldContain(message);
        plan.Report.Rows.ShouldBeEmpty();
        plan.ToWrite.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    public void An_empty_file_is_refused(string csv)
    {
        Plan(csv).Report.FileError.ShouldNotBeNull().ShouldContain("empty");
    }

    [Fact]
    public void More_than_ten_thousand_rows_refuses_the_whole_file()
    {
        var rows = string.Concat(Enumerable.Range(0, PartnerCsvReader.MaxRows + 1).Select(i => $"p-{i},n,cities,KE,provider,biodiversity,financing,en,1,p{i}@example.org\n"));

        var plan = Plan($"{Header}\n{rows}");

        plan.Report.FileError.ShouldNotBeNull().ShouldContain("10,000");
        plan.ToWrite.ShouldBeEmpty();
    }

    [Fact]
    public void Exactly_ten_thousand_rows_are_accepted()
    {
        var rows = string.Concat(Enumerable.Range(0, PartnerCsvReader.MaxRows).Select(i => $"p-{i},n,cities,KE,provider,biodiversity,financing,en,1,p{i}@example.org\n"));

        Plan($"{Header}\n{rows}").ToWrite.Count.ShouldBe(PartnerCsvReader.MaxRows);
    }

    [Fact]
    public void Importing_the_same_rows_again_reports_them_unchanged_and_writes_nothing()
    {
        var first = Plan($"{Header}\n{GoodRow}\n");
        // What the store gives back has engagement state the import never sets; it must not count as a change.
        var stored = first.ToWrite.Single() with { OpenEngagements = 1, RecentOffers = 2, LastOfferedAt = DateTimeOffset.UnixEpoch };

        var second = Plan($"{Header}\n{GoodRow}\n", stored);

        second.Report.Rows.ShouldHaveSingleItem().Outcome.ShouldBe(PartnerImportOutcome.Unchanged);
        second.Report.Rows.Single().Accepted.ShouldBeTrue();
        second.ToWrite.ShouldBeEmpty();
    }

    [Fact]
    public void A_changed_row_is_reported_updated()
    {
        var stored = Plan($"{Header}\n{GoodRow}\n").ToWrite.Single();

        var plan = Plan($"{Header}\n{GoodRow.Replace(",3,", ",4,")}\n", stored);

        plan.Report.Rows.ShouldHaveSingleItem().Outcome.ShouldBe(PartnerImportOutcome.Updated);
        plan.ToWrite.ShouldHaveSingleItem().Capacity.ShouldBe(4);
    }

    private sealed class RowComparer : IEqualityComparer<PartnerImportRow>
    {
        public bool Equals(PartnerImportRow? x, PartnerImportRow? y) =>
            x is not null && y is not null && x.Line == y.Line && x.Id == y.Id && x.Outcome == y.Outcome && x.Errors.SequenceEqual(y.Errors);

        public int GetHashCode(PartnerImportRow obj) => obj.Line;
    }
}
