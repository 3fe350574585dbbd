using Microsoft.Extensions.DependencyInjection;
using WgeoFlows.Privacy.ChangeLog;

namespace WgeoFlows.Privacy.People;

public static class PeopleServices
{
    /// <summary>Finding and exporting a person's data (the admin's people routes).</summary>
    public static IServiceCollection AddWgeoFlowsPeople(this IServiceCollection services)
    {
        services.AddSingleton<RequestsTableSearch>();
        // The admins' change log of partners and reviewers, read and rewritten by finding, exporting and erasing a person.
        services.AddSingleton<ChangeLogRows>();
        services.AddSingleton<PersonFinder>();
        services.AddSingleton<PersonExporter>();
        services.AddSingleton<PeopleHandler>();
        return services;
    }
}
