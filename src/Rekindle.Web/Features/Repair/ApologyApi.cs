using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Features.Talk;

namespace Rekindle.Web.Features.Repair;

/// <summary>An apology in three parts: what I did, its effect on you, what I'll do.</summary>
public sealed record SendApologyRequest(string? Did, string? Effect, string? Will);

/// <summary>How an apology reads, before it is sent: the whole, and each part with its own findings (decisions/0030).</summary>
public sealed record ApologyToneDto(SoftStartupDto Whole, SoftStartupDto Did, SoftStartupDto Effect, SoftStartupDto Will);

/// <summary>The apology builder: an apology is stored only when sent, shown to both, at most three a day (decisions/0016).</summary>
public static class ApologyApi
{
    public static void MapApologyApi(this RouteGroupBuilder repair)
    {
        // The same helper as the page's "check how it sounds": nothing is stored; it rests with the rest of repair.
        repair.MapPost("/apologies/check", async Task<Results<Ok<ApologyToneDto>, ValidationProblem>> (
                SendApologyRequest request, Apologies apologies, Resting safety, RepairContent content, SoftStartup soft, CancellationToken cancellationToken) =>
            {
                if (await safety.ConcernAsync(cancellationToken))
                {
                    return TalkApi.Invalid("apology", content.Resting);
                }

                var tone = apologies.Tone(request.Did, request.Effect, request.Will);
                SoftStartupDto Dto(ToneReading? part) => SoftStartupDto.From(part ?? soft.Nothing, soft);
                return TypedResults.Ok(new ApologyToneDto(Dto(tone.Whole), Dto(tone.Did), Dto(tone.Effect), Dto(tone.Will)));
            })
            .WithName("CheckApology").WithSummary("Check how an apology reads before sending it: the whole, and each part; nothing is stored");

        repair.MapPost("/apologies", async Task<Results<Ok<List<ApologyDto>>, ValidationProblem>> (
                SendApologyRequest request, Apologies apologies, Resting safety, CancellationToken cancellationToken) =>
            {
                var outcome = await apologies.SendAsync(request.Did, request.Effect, request.Will, cancellationToken);
                if (!outcome.Succeeded)
                {
                    // The parts are checked in order, as the handler does; anything else (no partner, resting, three a day) is about the apology.
                    var field = await safety.ConcernAsync(cancellationToken) || apologies.Check(request.Did, request.Effect, request.Will).Succeeded ? "apology"
                        : Bad(request.Did) ? "did" : Bad(request.Effect) ? "effect" : "will";
                    return TalkApi.Invalid(field, outcome.Error!);
                }

                return TypedResults.Ok(await ListAsync(apologies, cancellationToken));
            })
            .WithName("SendApology").WithSummary("Send your partner an apology; you both see it under Repair");
    }

    internal static async Task<List<ApologyDto>> ListAsync(Apologies apologies, CancellationToken cancellationToken) =>
        (await apologies.ListAsync(cancellationToken)).Select(a => new ApologyDto(a.Text.Did, a.Text.Effect, a.Text.Will, a.SentAt, a.FromMe)).ToList();

    private static bool Bad(string? part) => TalkText.Problem(part?.Trim() ?? "", Apology.PartMaxLength) is not null;
}
