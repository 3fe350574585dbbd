namespace WgeoFlows.Review;

/// <summary>
/// How much the "more information" loop may add to a request. Every question and answer is appended to the request's
/// record (<see cref="SupportRequest.AddedInformation"/>), one table row that Azure caps at 1 MiB: with these
/// limits the record stays under about 620 KB whatever the text (StorageJson stores at most two characters per character,
/// UTF-16 two bytes each; control characters other than line breaks and tabs are refused).
/// </summary>
public static class ReviewLimits
{
    /// <summary>Rounds of questions a request may go through; a reviewer then approves or rejects.</summary>
    public const int MaxInformationRounds = 10;
    /// <summary>A reviewer's comment, which is also the question the requester is asked.</summary>
    public const int MaxCommentLength = 4000;
    /// <summary>The requester's answer.</summary>
    public const int MaxAnswerLength = 10_000;
}
