using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Infrastructure.Privacy;

/// <summary>
/// A row of the one-answer-a-row tables from before decisions/0026 (DesireAnswers, IdeaRatings,
/// GestureMarks). Nothing writes or reads them: every database starts from the one initial migration
/// (decisions/0033), so they are empty everywhere, and the start-up conversion that moved their rows
/// into answer sets is gone. They go with the next change to the schema.
/// </summary>
public interface ILegacyAnswer : ISealedRecord
{
    Guid OwnerId { get; }

    Guid? CoupleId { get; }

    string PromptKey { get; }

    SealedText Sealed { get; }

    string SealedProperty { get; }

    DateTime? AnsweredAt { get; }
}
