using Rekindle.Web.Features.Repair;

namespace Rekindle.Tests.Repair;

/// <summary>The rules of a repair and of letting go, pure: every step, every reveal, pause and resume.</summary>
public sealed class RepairRulesTests
{
    private static readonly Guid A = Guid.NewGuid();
    private static readonly Guid B = Guid.NewGuid();
    private static readonly DateTime Now = new(2026, 11, 24, 20, 0, 0, DateTimeKind.Utc);

    private static Incident NewIncident(bool calm = true) =>
        new()
        {
            Id = Guid.NewGuid(),
            OpenedBy = A,
            PartnerId = B,
            OpenerCalm = calm,
            PartnerCalm = calm,
            OpenedAt = Now,
        };

    // Both feel heard in these states ("what you heard" has its own tests below), so each step is about writing and revealing.
    private static RepairState State(Incident incident, params (Guid, RepairStep)[] written) =>
        RepairState.Of(incident, written.Select(w => (w.Item1, w.Item2, (HeardReply?)HeardReply.Yes)));

    private static RepairState Heard(Incident incident, HeardReply? a, HeardReply? b) =>
        RepairState.Of(
            incident,
            RepairRules
                .Steps.Where(s => s <= RepairStep.Heard)
                .SelectMany(s => new[] { (A, s, s == RepairStep.Heard ? a : null), (B, s, s == RepairStep.Heard ? b : null) })
        );

    private static (Guid, RepairStep)[] BothUpTo(RepairStep last) =>
        RepairRules.Steps.Where(s => s <= last).SelectMany(s => new[] { (A, s), (B, s) }).ToArray();

    [Fact]
    public void Nothing_is_written_until_both_say_they_are_calm_enough()
    {
        var incident = NewIncident(calm: false);
        Assert.Equal(RepairStep.Calm, RepairRules.Current(State(incident)));
        Assert.NotNull(RepairRules.CanWrite(State(incident), A, RepairStep.Feelings));

        Assert.Null(RepairRules.Calm(incident, A));
        Assert.Equal(RepairStep.Calm, RepairRules.Current(State(incident)));
        Assert.Null(RepairRules.Calm(incident, B));
        Assert.Equal(RepairStep.Feelings, RepairRules.Current(State(incident)));
        Assert.Null(RepairRules.CanWrite(State(incident), A, RepairStep.Feelings));
    }

    [Theory]
    [InlineData(RepairStep.Feelings)]
    [InlineData(RepairStep.Account)]
    [InlineData(RepairStep.Heard)]
    [InlineData(RepairStep.Past)]
    [InlineData(RepairStep.Own)]
    [InlineData(RepairStep.Plan)]
    public void Each_step_is_revealed_only_when_both_have_written_it_and_then_it_is_kept(RepairStep step)
    {
        var incident = NewIncident();
        var before = RepairRules.Steps.Where(s => s < step).SelectMany(s => new[] { (A, s), (B, s) }).ToArray();
        var state = State(incident, before);
        Assert.Equal(step, RepairRules.Current(state));

        // Neither has written: nobody sees anything; both may write.
        Assert.False(RepairRules.Revealed(state, step));
        Assert.Null(RepairRules.CanWrite(state, A, step));
        Assert.Null(RepairRules.CanWrite(state, B, step));

        // One has written: still hidden from both, and the author may still change theirs.
        state = State(incident, [.. before, (A, step)]);
        Assert.False(RepairRules.Revealed(state, step));
        Assert.False(RepairRules.MaySeePartners(state, A, step));
        Assert.False(RepairRules.MaySeePartners(state, B, step));
        Assert.Null(RepairRules.CanWrite(state, A, step));
        Assert.Equal(step, RepairRules.Current(state));

        // Both: each sees the other's; neither can change theirs; the next step is current.
        state = State(incident, [.. before, (A, step), (B, step)]);
        Assert.True(RepairRules.Revealed(state, step));
        Assert.True(RepairRules.MaySeePartners(state, A, step));
        Assert.True(RepairRules.MaySeePartners(state, B, step));
        Assert.NotNull(RepairRules.CanWrite(state, A, step));
        Assert.NotNull(RepairRules.CanWrite(state, B, step));
        Assert.Equal(
            step == RepairStep.Plan ? RepairStep.Done : RepairRules.Steps[RepairRules.Steps.ToList().IndexOf(step) + 1],
            RepairRules.Current(state)
        );
    }

    [Fact]
    public void A_later_step_cannot_be_written_early_and_a_stranger_sees_nothing()
    {
        var incident = NewIncident();
        var state = State(incident, BothUpTo(RepairStep.Feelings));
        Assert.NotNull(RepairRules.CanWrite(state, A, RepairStep.Past));
        var stranger = Guid.NewGuid();
        Assert.Equal("This repair isn't yours.", RepairRules.CanWrite(state, stranger, RepairStep.Account));
        Assert.False(RepairRules.MaySeePartners(state, stranger, RepairStep.Feelings));
        Assert.NotNull(RepairRules.Calm(incident, stranger));
        Assert.NotNull(RepairRules.Pause(incident, stranger, Now));
    }

    [Fact]
    public void Either_can_pause_and_both_say_they_are_calm_again_to_go_on_where_they_were()
    {
        var incident = NewIncident();
        var written = BothUpTo(RepairStep.Account);
        Assert.Null(RepairRules.Pause(incident, B, Now));
        Assert.True(incident.Paused);
        Assert.Equal(Now, incident.PausedAt);
        Assert.Equal(RepairStep.Calm, RepairRules.Current(State(incident, written)));
        Assert.Contains("break", RepairRules.CanWrite(State(incident, written), A, RepairStep.Heard), StringComparison.Ordinal);

        Assert.Null(RepairRules.Calm(incident, B));
        Assert.True(incident.Paused);
        Assert.Null(RepairRules.Calm(incident, A));
        Assert.False(incident.Paused);
        Assert.Null(incident.PausedAt);
        Assert.Equal(RepairStep.Heard, RepairRules.Current(State(incident, written)));
    }

    [Fact]
    public void A_finished_or_set_aside_repair_is_kept_as_it_is_but_the_follow_up_opens_after_completion()
    {
        var incident = NewIncident();
        var all = BothUpTo(RepairStep.Plan);
        Assert.Equal(RepairStep.Done, RepairRules.Current(State(incident, all)));
        Assert.NotNull(RepairRules.CanWrite(State(incident, all), A, RepairStep.FollowUp));
        incident.CompletedAt = Now;
        Assert.Null(RepairRules.CanWrite(State(incident, all), A, RepairStep.FollowUp));
        Assert.NotNull(RepairRules.CanWrite(State(incident, all), A, RepairStep.Plan));
        Assert.NotNull(RepairRules.Pause(incident, A, Now));

        var aside = NewIncident();
        Assert.Null(RepairRules.SetAside(aside, B, Now));
        Assert.NotNull(RepairRules.CanWrite(State(aside), A, RepairStep.Feelings));
        Assert.NotNull(RepairRules.Calm(aside, A));
    }

    [Fact]
    public void The_follow_up_is_due_a_week_after_completion()
    {
        var incident = NewIncident();
        Assert.False(RepairRules.FollowUpDue(incident, Now.AddDays(30)));
        incident.CompletedAt = Now;
        Assert.False(RepairRules.FollowUpDue(incident, Now.AddDays(7).AddMinutes(-1)));
        Assert.True(RepairRules.FollowUpDue(incident, Now.AddDays(7)));
    }

    [Fact]
    public void Unresolved_means_open_for_more_than_two_weeks_or_completed_and_it_still_hurts_for_the_member()
    {
        var open = NewIncident();
        Assert.False(RepairRules.Unresolved(open, Now.AddDays(14).AddMinutes(-1), null));
        Assert.True(RepairRules.Unresolved(open, Now.AddDays(14), null));

        var done = NewIncident();
        done.CompletedAt = Now.AddDays(1);
        Assert.False(RepairRules.Unresolved(done, Now.AddDays(30), null));
        Assert.False(RepairRules.Unresolved(done, Now.AddDays(30), "better"));
        Assert.True(RepairRules.Unresolved(done, Now.AddDays(30), RepairRules.StillHurts));

        open.SetAsideAt = Now.AddDays(2);
        Assert.False(RepairRules.Unresolved(open, Now.AddDays(30), null));
    }

    [Fact]
    public void Letting_go_moves_one_step_at_a_time_and_is_released_only_after_the_letter()
    {
        var grudge = new Grudge { Step = GrudgeStep.Decide };
        Assert.Null(LettingGoRules.CanSave(grudge, GrudgeStep.Name));
        Assert.Null(LettingGoRules.CanSave(grudge, GrudgeStep.Decide));
        Assert.NotNull(LettingGoRules.CanSave(grudge, GrudgeStep.Context));
        Assert.NotNull(LettingGoRules.CanSave(grudge, GrudgeStep.Release));
        Assert.Equal(GrudgeStep.Decide, LettingGoRules.After(GrudgeStep.Decide, GrudgeStep.Name));
        Assert.Equal(GrudgeStep.Context, LettingGoRules.After(GrudgeStep.Decide, GrudgeStep.Decide));
        Assert.NotNull(LettingGoRules.CanArchive(grudge));

        grudge.Step = LettingGoRules.After(GrudgeStep.Letter, GrudgeStep.Letter);
        Assert.Equal(GrudgeStep.Release, grudge.Step);
        Assert.Null(LettingGoRules.CanArchive(grudge));
        grudge.ArchivedAt = Now;
        Assert.NotNull(LettingGoRules.CanArchive(grudge));
        Assert.NotNull(LettingGoRules.CanSave(grudge, GrudgeStep.Name));
    }

    [Fact]
    public void The_content_file_has_every_step_and_never_suggests_forgiving_harm()
    {
        var content = RepairContent.Load(Path.Combine(AppContext.BaseDirectory, "Content", "repair", "repair.en.json"));
        Assert.Null(content.Problem());
        Assert.Contains("doesn't mean excusing", content.LettingGo.NotExcusing, StringComparison.Ordinal);
        Assert.Contains("forget", content.LettingGo.NotExcusing, StringComparison.Ordinal);
        Assert.Contains("abuse", content.LettingGo.Safety, StringComparison.Ordinal);
        Assert.Contains(content.BreakGuide, line => line.Contains("twenty minutes", StringComparison.Ordinal));
        Assert.Equal(["Blame", "Contempt", "Defensiveness", "Withdrawing"], content.Avoid.Select(a => a.Name));
        Assert.NotNull((content with { Steps = content.Steps.Skip(1).ToList() }).Problem());
    }

    [Fact]
    public void After_both_wrote_what_they_heard_the_couple_stays_on_it_until_each_says_they_were_heard()
    {
        var incident = NewIncident();
        var state = Heard(incident, null, null);
        Assert.Equal(RepairStep.Heard, RepairRules.Current(state));
        Assert.True(RepairRules.Answering(state));
        Assert.NotNull(RepairRules.CanWrite(state, A, RepairStep.Past)); // not yet
        Assert.NotNull(RepairRules.CanWrite(state, A, RepairStep.Heard)); // kept: nobody asked for a new try
        Assert.Null(RepairRules.CanReply(state, A));
        Assert.Null(RepairRules.CanReply(state, B));
        Assert.True(RepairRules.HeardWaitsOn(state, A));

        // A feels heard; B says some of B's account got missed by A: A (and only A) may try again, and it waits on A.
        state = Heard(incident, HeardReply.Yes, HeardReply.Missed);
        Assert.Equal(RepairStep.Heard, RepairRules.Current(state));
        Assert.True(RepairRules.MayTryAgain(state, A));
        Assert.Null(RepairRules.CanWrite(state, A, RepairStep.Heard));
        Assert.NotNull(RepairRules.CanWrite(state, B, RepairStep.Heard));
        Assert.True(RepairRules.HeardWaitsOn(state, A));
        Assert.False(RepairRules.HeardWaitsOn(state, B));

        // A's new try clears B's answer (the store does); B answers again, and waits on nobody else.
        state = Heard(incident, HeardReply.Yes, null);
        Assert.True(RepairRules.HeardWaitsOn(state, B));
        Assert.False(RepairRules.HeardWaitsOn(state, A));

        // Both say yes: on to the next step, and the answers are kept as they are.
        state = Heard(incident, HeardReply.Yes, HeardReply.Yes);
        Assert.Equal(RepairStep.Past, RepairRules.Current(state));
        Assert.False(RepairRules.Answering(state));
        Assert.NotNull(RepairRules.CanReply(state, A));
        Assert.Null(RepairRules.CanWrite(state, A, RepairStep.Past));
    }

    [Fact]
    public void Nobody_answers_before_both_wrote_it_or_during_a_break_and_a_repair_already_past_it_stays_there()
    {
        var incident = NewIncident();
        var one = RepairState.Of(
            incident,
            [.. BothUpTo(RepairStep.Account).Select(w => (w.Item1, w.Item2, (HeardReply?)null)), (A, RepairStep.Heard, null)]
        );
        Assert.NotNull(RepairRules.CanReply(one, A));
        Assert.False(RepairRules.Answering(one));
        Assert.Equal("This repair isn't yours.", RepairRules.CanReply(Heard(incident, null, null), Guid.NewGuid()));

        Assert.Null(RepairRules.Pause(incident, A, Now));
        Assert.Contains("break", RepairRules.CanReply(Heard(incident, null, null), B), StringComparison.Ordinal);

        // Written past "what you heard" before answers existed: settled, nobody is sent back.
        var old = RepairState.Of(NewIncident(), BothUpTo(RepairStep.Past).Select(w => (w.Item1, w.Item2, (HeardReply?)null)));
        Assert.Equal(RepairStep.Own, RepairRules.Current(old));
        Assert.False(RepairRules.Answering(old));
    }
}
