namespace Rekindle.Web.Features.Understand;

/// <summary>The words for a strain level and a plan reason, kept in one place so every page says it the same way.</summary>
public static class StrainText
{
    public static string Level(StrainLevel level) => level switch
    {
        StrainLevel.Strained => "Strained",
        StrainLevel.SomeStrain => "Some strain",
        _ => "Steady",
    };

    public static string CssClass(StrainLevel level) => level switch
    {
        StrainLevel.Strained => "strained",
        StrainLevel.SomeStrain => "some",
        _ => "steady",
    };

    public static string Reason(ReasonKind kind) => kind switch
    {
        ReasonKind.BothStrained => "Because you both marked {0} as strained.",
        ReasonKind.YouStrained => "Because you marked {0} as strained.",
        ReasonKind.PartnerStrained => "Because your partner marked {0} as strained.",
        ReasonKind.SomeStrain => "Because {0} is under some strain.",
        ReasonKind.FeelingFarApart => "Because things feel far apart right now, and that is worth help and small kindnesses.",
        ReasonKind.YourWellbeing => "Because you've been having a hard time lately, and you deserve care too.",
        ReasonKind.SafetyFirst => "Because feeling safe comes before everything else.",
        ReasonKind.LookBack => "To see what has changed since you began.",
        _ => "To keep what is working strong.",
    };
}
