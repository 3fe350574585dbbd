using Microsoft.Extensions.DependencyInjection;

namespace WgeoFlows.Privacy.People;

public static class PeopleServices
{
    /// <summary>Finding and exporting a person's data (the admin's people routes).</summary>
    public static IServiceCollection AddWgeoFlowsPeople(this IServiceCollection services)
    {
        services.AddSingleton<RequestsTableSearch>();
        services.AddSingleton<PersonFinder>();
        services.AddSingleton<PersonExporter>();
        services.AddSingleton<PeopleHandler>();
        return services;
    }
}
