namespace WgeoFlows.Shared;

/// <summary>
/// An input about one request, such as an activity's command: telemetry tags its span and log lines with
/// <see cref="RequestId"/> without looking for the property by name. A record with a positional <c>RequestId</c>
/// implements it by declaring it.
/// </summary>
public interface IHasRequestId
{
    string RequestId { get; }
}
