using Rekindle.Web.Features.Talk;

namespace Rekindle.Tests.Talk;

/// <summary>The floor's rules, step by step.</summary>
public sealed class FloorRulesTests
{
    private static readonly Guid A = Guid.NewGuid();
    private static readonly Guid B = Guid.NewGuid();
    private static readonly DateTime T0 = new(2026, 11, 24, 20, 0, 0, DateTimeKind.Utc);

    private static Conversation Open(bool oneDevice = false) =>
        new()
        {
            OwnerId = A,
            PartnerId = B,
            SpeakerId = A,
            OneDevice = oneDevice,
            Phase = oneDevice ? FloorPhase.Speaking : FloorPhase.Invited,
            PhaseStartedAt = T0,
            Version = 1,
        };

    [Fact]
    public void A_full_round_passes_the_floor_and_both_can_finish_once_both_were_heard()
    {
        var c = Open();
        Assert.NotNull(FloorRules.Apply(c, FloorAction.Join, A, T0)); // only the invited partner joins
        Assert.Null(FloorRules.Apply(c, FloorAction.Join, B, T0));
        Assert.Equal(FloorPhase.Speaking, c.Phase);

        Assert.NotNull(FloorRules.Apply(c, FloorAction.DoneSpeaking, B, T0)); // not B's floor
        Assert.Null(FloorRules.Apply(c, FloorAction.DoneSpeaking, A, T0));
        Assert.NotNull(FloorRules.Apply(c, FloorAction.SaidItBack, A, T0)); // the listener says it back
        Assert.Null(FloorRules.Apply(c, FloorAction.SaidItBack, B, T0));
        Assert.Null(FloorRules.Apply(c, FloorAction.NotQuite, A, T0));
        Assert.Equal(FloorPhase.SayingBack, c.Phase);
        Assert.Null(FloorRules.Apply(c, FloorAction.SaidItBack, B, T0));
        Assert.NotNull(FloorRules.Apply(c, FloorAction.BothHeard, A, T0)); // only A has spoken so far
        Assert.Null(FloorRules.Apply(c, FloorAction.ThatsIt, A, T0));
        Assert.Equal(B, c.SpeakerId);
        Assert.True(c.StarterHeard);

        Assert.Null(FloorRules.Apply(c, FloorAction.DoneSpeaking, B, T0));
        Assert.Null(FloorRules.Apply(c, FloorAction.SaidItBack, A, T0));
        Assert.Null(FloorRules.Apply(c, FloorAction.ThatsIt, B, T0));
        Assert.True(c.BothHeard);
        Assert.Equal(2, c.Turns);
        Assert.Null(FloorRules.Apply(c, FloorAction.BothHeard, B, T0));
        Assert.Equal(FloorPhase.Ended, c.Phase);
        Assert.NotNull(FloorRules.Apply(c, FloorAction.DoneSpeaking, A, T0));
    }

    [Fact]
    public void On_one_device_the_signed_in_partner_presses_for_both()
    {
        var c = Open(oneDevice: true);
        Assert.Null(FloorRules.Apply(c, FloorAction.DoneSpeaking, A, T0));
        Assert.Null(FloorRules.Apply(c, FloorAction.SaidItBack, A, T0));
        Assert.Null(FloorRules.Apply(c, FloorAction.ThatsIt, A, T0));
        Assert.Equal(B, c.SpeakerId);
    }

    [Fact]
    public void Pausing_stops_the_steps_and_the_clock()
    {
        var c = Open(oneDevice: true);
        Assert.Null(FloorRules.Apply(c, FloorAction.Pause, A, T0.AddSeconds(30)));
        Assert.NotNull(FloorRules.Apply(c, FloorAction.DoneSpeaking, A, T0.AddSeconds(40)));
        Assert.Null(FloorRules.Apply(c, FloorAction.Resume, A, T0.AddSeconds(90)));
        Assert.Equal(T0.AddSeconds(60), c.PhaseStartedAt); // the minute paused does not count
        Assert.False(c.Paused);
    }

    [Fact]
    public void Either_can_decline_or_end_and_strangers_can_do_nothing()
    {
        var declined = Open();
        Assert.Null(FloorRules.Apply(declined, FloorAction.Decline, B, T0));
        Assert.Equal(FloorPhase.Ended, declined.Phase);

        var ended = Open(oneDevice: true);
        Assert.NotNull(FloorRules.Apply(ended, FloorAction.End, Guid.NewGuid(), T0));
        Assert.Null(FloorRules.Apply(ended, FloorAction.End, B, T0));
        Assert.NotNull(ended.EndedAt);
        Assert.True(ended.Version > 1);
    }
}
