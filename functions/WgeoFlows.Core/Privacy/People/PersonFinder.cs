using Azure.Data.Tables;
using WgeoFlows.Intake.Held;
using WgeoFlows.Matching;
using WgeoFlows.Privacy.ChangeLog;
using WgeoFlows.Storage;

namespace WgeoFlows.Privacy.People;

/// <summary>
/// Finds everything stored that holds one address: requests (their record's contact, link stages and mails: see
/// <see cref="RequestsTableSearch"/> and its cost), partner registry entries, reviewer entries, held deliveries and the
/// admins' change log of partners and reviewers (<see cref="ChangeLogRows"/>). Reads only; the five searches run side by
/// side. The registries are small tables read with projections: the partners' partition (id, name, address and two flags
/// of each partner), the reviewers with a server-side filter on their address (stored in lower case, so the service
/// returns the matches only), the held deliveries still waiting for an admin (the only ones that keep an address). What
/// the erasure blanked no longer matches: the finder reads the fields themselves.
/// </summary>
public sealed class PersonFinder(RequestsTableSearch requestsTable, StorageClients storage, HeldDeliveryStore held, ChangeLogRows changeLog)
{
    /// <param name="email">The address, normalised by <see cref="PersonEmail.TryNormalize"/>.</param>
    public async Task<PersonHoldings> FindAsync(string email, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var inRequests = requestsTable.FindAsync(email, cancellationToken);
        var partners = PartnersAsync(email, cancellationToken);
        var reviewers = ReviewersAsync(email, cancellationToken);
        var deliveries = HeldDeliveriesAsync(email, cancellationToken);
        var changes = changeLog.NamingAsync(email, cancellationToken);
        await Task.WhenAll(inRequests, partners, reviewers, deliveries, changes);
        return new PersonHoldings(email, inRequests.Result.Requests, partners.Result, reviewers.Result, inRequests.Result.Mails, deliveries.Result,
            [.. changes.Result.Select(c => new HeldChange(c.Subject, c.SubjectId, c.Action, c.At))]);
    }

    private async Task<IReadOnlyList<HeldPartner>> PartnersAsync(string email, CancellationToken cancellationToken)
    {
        // Partners' addresses are stored as the admin or the CSV gave them: compared here, in lower case.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartnerEntity.PartitionKey}");
        var found = new List<HeldPartner>();
        await foreach (var e in storage.Table(TableNames.Partners).QueryAsync<TableEntity>(filter, maxPerPage: 1000,
            select: ["RowKey", "Name", "Email", "Active", "Publishable"], cancellationToken: cancellationToken))
        {
            if (PersonEmail.Is(e.GetString("Email"), email))
            {
                found.Add(new HeldPartner(e.RowKey, e.GetString("Name") ?? "", e.GetBoolean("Active") ?? false, e.GetBoolean("Publishable") ?? false));
            }
        }
        return found;
    }

    private async Task<IReadOnlyList<HeldReviewer>> ReviewersAsync(string email, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"Email eq {email}");
        var found = new List<HeldReviewer>();
        await foreach (var e in storage.Table(TableNames.Reviewers).QueryAsync<TableEntity>(filter,
            select: ["PartitionKey", "Stage", "Email", "Name", "Role"], cancellationToken: cancellationToken))
        {
            found.Add(new HeldReviewer(e.PartitionKey, e.GetInt32("Stage") ?? 1, e.GetString("Email") ?? "", e.GetString("Name") ?? "",
                e.GetString("Role") ?? ""));
        }
        return [.. found.OrderBy(r => r.Platform, StringComparer.Ordinal).ThenBy(r => r.Stage)];
    }

    private async Task<IReadOnlyList<HeldDeliveryEntry>> HeldDeliveriesAsync(string email, CancellationToken cancellationToken) =>
        [.. (await held.ListOpenAsync(cancellationToken))
            .Where(d => PersonEmail.Is(d.ContactEmail, email))
            .Select(d => new HeldDeliveryEntry(d.Id, d.Source, d.ReceivedAt, d.State.ToString(), d.Organization, d.Title))];
}
