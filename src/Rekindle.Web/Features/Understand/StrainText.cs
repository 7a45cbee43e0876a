using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Understand;

/// <summary>The words for a strain level and a plan reason, kept in one place so every page says it the same way.</summary>
public static class StrainText
{
    public static string Level(StrainLevel level) =>
        level switch
        {
            StrainLevel.Strained => Text.Of("Strained"),
            StrainLevel.SomeStrain => Text.Of("Some strain"),
            _ => Text.Of("Steady"),
        };

    public static string CssClass(StrainLevel level) =>
        level switch
        {
            StrainLevel.Strained => "strained",
            StrainLevel.SomeStrain => "some",
            _ => "steady",
        };

    public static string Reason(ReasonKind kind) =>
        kind switch
        {
            ReasonKind.BothStrained => Text.Of("Because you both marked {0} as strained."),
            ReasonKind.YouStrained => Text.Of("Because you marked {0} as strained."),
            ReasonKind.PartnerStrained => Text.Of("Because your partner marked {0} as strained."),
            ReasonKind.SomeStrain => Text.Of("Because {0} is under some strain."),
            ReasonKind.FeelingFarApart => Text.Of("Because things feel far apart right now, and that is worth help and small kindnesses."),
            ReasonKind.YourWellbeing => Text.Of("Because you've been having a hard time lately, and you deserve care too."),
            ReasonKind.SafetyFirst => Text.Of("Because feeling safe comes before everything else."),
            ReasonKind.LookBack => Text.Of("To see what has changed since you began."),
            _ => Text.Of("To keep what is working strong."),
        };
}
