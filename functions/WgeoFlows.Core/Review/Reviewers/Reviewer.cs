using System.Text.Json.Serialization;
using WgeoFlows.Matching;

namespace WgeoFlows.Review.Reviewers;

[JsonConverter(typeof(LowerCaseEnumConverter<ReviewerRole>))]
public enum ReviewerRole
{
    /// <summary>Receives the review email.</summary>
    Primary,
    /// <summary>Receives escalations when the primary does not decide in time.</summary>
    Backup,
}

/// <summary>Who reviews the requests of a platform at a review stage (stage 1 is the secretariat's review).</summary>
public sealed record Reviewer(string Platform, int Stage, string Email, string Name, ReviewerRole Role);
