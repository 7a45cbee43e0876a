using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Intimacy;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.SelfCare;
using Rekindle.Web.Features.Talk;
using Rekindle.Web.Features.TimeTogether;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Bench;

public sealed record SeedReport(int Couples, long Rows, TimeSpan Elapsed);

/// <summary>
/// Couples with a year of history, made with the app's own entity classes, every member-written
/// text sealed by the app's <see cref="Sealer"/> with the member's or couple's key from the key
/// store, and written by <see cref="BulkWriter"/>. Members are confirmed and share one password,
/// hashed once with the app's Argon2id hasher: hashing 20,000 times (about 20 ms each) would take minutes.
/// </summary>
public static class Seeder
{
    public const string Password = "bench calm river under pines";

    /// <summary>Couples are generated and sealed in chunks while the previous chunk is written.</summary>
    private const int ChunkCouples = 50;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly string[] Sentences =
    [
        "I loved how we laughed on the walk home.",
        "Honestly I was tired, but talking helped.",
        "The way you made tea without asking meant a lot.",
        "I want more slow mornings like last Sunday.",
        "Sometimes I worry we only talk about logistics.",
        "You listened without fixing, and that felt good.",
        "I'd like to plan something just for us this month.",
        "Work has been loud lately; I'm glad you noticed.",
        "The kids were a handful but we were a team.",
        "I miss dancing in the kitchen.",
        "It felt close when you held my hand in the car.",
        "I'm still thinking about what you said on Tuesday.",
    ];

    /// <summary>What seeded answers are made of, so a test can look for them on a page.</summary>
    public static IReadOnlyList<string> SampleSentences => Sentences;

    public static string Email(int couple, int slot) => $"bench{couple}{(slot == 1 ? 'a' : 'b')}@example.org";

    public static async Task<SeedReport> SeedAsync(IServiceProvider services, int couples, string contentRoot, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        var content = SeedContent.Load(contentRoot);
        // The app's own hasher, so seeded members sign in at the real cost and are not upgraded at their first sign-in.
        var passwordHash = new MemberPasswordHasher().HashPassword(new Member(), Password);
        var stopwatch = Stopwatch.StartNew();
        var chunks = Channel.CreateBounded<Chunk>(2);
        var writing = TimeSpan.Zero;

        // Two producers (sealing is the costlier half), one writer: SQLite takes one writer anyway.
        var ids = new Ids(clock.GetUtcNow().AddDays(-400));
        var nextChunk = -1;
        async Task ProduceAsync()
        {
            using var scope = services.CreateScope();
            var sealer = scope.ServiceProvider.GetRequiredService<Sealer>();
            int n;
            while ((n = Interlocked.Increment(ref nextChunk)) * ChunkCouples < couples)
            {
                var chunk = new Chunk();
                for (var i = n * ChunkCouples; i < Math.Min(couples, (n + 1) * ChunkCouples); i++)
                {
                    await MakeCoupleAsync(chunk, i, ids, sealer, content, passwordHash, clock.GetUtcNow().UtcDateTime, cancellationToken);
                }

                await chunks.Writer.WriteAsync(chunk, cancellationToken);
            }
        }

        var producer = Task.WhenAll(Task.Run(ProduceAsync, cancellationToken), Task.Run(ProduceAsync, cancellationToken))
            .ContinueWith(t => chunks.Writer.Complete(t.Exception), TaskScheduler.Default);

        long rows;
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var writer = new BulkWriter(db);
            var indexes = await writer.DropSecondaryIndexesAsync(cancellationToken);
            var done = 0;
            await foreach (var chunk in chunks.Reader.ReadAllAsync(cancellationToken))
            {
                var written = Stopwatch.StartNew();
                await writer.BeginAsync(cancellationToken);
                await chunk.WriteAsync(writer, cancellationToken);
                await writer.CommitAsync(cancellationToken);
                writing += written.Elapsed;
                done += chunk.Couples.Count;
                if (done % 1000 == 0 || done == couples)
                {
                    log?.Invoke($"seeded {done} couples, {writer.Rows:N0} rows, {stopwatch.Elapsed.TotalSeconds:F0} s (writing {writing.TotalSeconds:F0} s of it)");
                }
            }

            await producer;
            rows = writer.Rows;
            await writer.RestoreIndexesAsync(indexes, cancellationToken);
            log?.Invoke($"indexes rebuilt, {stopwatch.Elapsed.TotalSeconds:F0} s");
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
            }
        }

        return new SeedReport(couples, rows, stopwatch.Elapsed);
    }

    private static async Task MakeCoupleAsync(Chunk chunk, int index, Ids ids, Sealer sealer, SeedContent content, string passwordHash, DateTime now, CancellationToken ct)
    {
        var random = new Random(index * 7919 + 17);
        var today = DateOnly.FromDateTime(now);
        var start = now.AddDays(-380);
        var couple = new Couple { Id = ids.Next(), CreatedAt = start };
        chunk.Couples.Add(couple);
        var members = new Member[2];
        for (var slot = 1; slot <= 2; slot++)
        {
            var email = Email(index, slot);
            var member = new Member
            {
                Id = ids.Next(),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                PasswordHash = passwordHash,
                SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
                CreatedAt = start,
            };
            member.FirstName = await sealer.SealAsync(slot == 1 ? "Alex" : "Sam", MemberNames.PlaceOf(member.Id), ct);
            members[slot - 1] = member;
            chunk.Members.Add(member);
            chunk.CoupleMembers.Add(new CoupleMember { CoupleId = couple.Id, Slot = slot, MemberId = member.Id, JoinedAt = start });
        }

        // A year of daily questions: opened on three days in five, answered by each partner on three in five of those.
        for (var d = 365; d >= 1; d--)
        {
            if (random.NextDouble() >= 0.6)
            {
                continue;
            }

            var day = today.AddDays(-d);
            var at = day.ToDateTime(new TimeOnly(19, 0), DateTimeKind.Utc);
            var question = new DailyQuestion { Id = ids.Next(), CoupleId = couple.Id, Day = day, QuestionId = content.Questions[(index + d) % content.Questions.Length], CreatedAt = at };
            chunk.Questions.Add(question);
            foreach (var member in members)
            {
                if (random.NextDouble() >= 0.6)
                {
                    continue;
                }

                var pass = random.NextDouble() < 0.05;
                var answer = new DailyAnswer
                {
                    Id = ids.Next(),
                    DailyQuestionId = question.Id,
                    OwnerId = member.Id,
                    CoupleId = couple.Id,
                    Skipped = pass,
                    PromptKey = (pass ? "pass:" : "daily:") + question.Id.ToString("N"),
                    AnsweredAt = at,
                    UpdatedAt = at,
                    Reaction = (Reaction)random.Next(0, 5),
                };
                answer.Text = pass ? null : await sealer.SealAsync(Text(random, 1, 3), answer.PlaceOf(nameof(DailyAnswer.Text)), ct);
                if (!pass && random.NextDouble() < 0.1)
                {
                    answer.Reply = await sealer.SealAsync(Text(random, 1, 1), answer.PlaceOf(nameof(DailyAnswer.Reply)), ct);
                }

                chunk.Answers.Add(answer);
            }
        }

        // Weekly pulses (check-ins).
        var thisWeek = WeeklyCheckIns.WeekOf(today);
        for (var w = 52; w >= 1; w--)
        {
            var week = thisWeek.AddDays(-7 * w);
            foreach (var member in members)
            {
                if (random.NextDouble() >= 0.6)
                {
                    continue;
                }

                var row = new CheckIn { Id = ids.Next(), OwnerId = member.Id, CoupleId = couple.Id, WeekStart = week, PromptKey = CheckIn.PromptFor(week), SubmittedAt = week.ToDateTime(new TimeOnly(20, 0), DateTimeKind.Utc) };
                var answers = new CheckInAnswers([Text(random, 1, 1), Text(random, 1, 1), Text(random, 1, 1)], Text(random, 1, 1), Text(random, 1, 1), Text(random, 1, 1), random.Next(3, 11));
                row.Answers = await sealer.SealAsync(JsonSerializer.Serialize(answers, Json), row.PlaceOf(nameof(CheckIn.Answers)), ct);
                chunk.CheckIns.Add(row);
            }
        }

        // Self-care logs: about one day a week each.
        foreach (var member in members)
        {
            for (var d = 365; d >= 1; d--)
            {
                if (random.NextDouble() >= 0.12)
                {
                    continue;
                }

                var day = today.AddDays(-d);
                var row = new SelfCareLog { Id = ids.Next(), OwnerId = member.Id, Day = day, SavedAt = day.ToDateTime(new TimeOnly(21, 0), DateTimeKind.Utc) };
                var entry = new DayEntry(6 + random.Next(0, 5) / 2m, random.Next(0, 90), random.Next(1, 6), random.Next(1, 6), random.Next(1, 6), random.NextDouble() < 0.2 ? Text(random, 1, 1) : null);
                row.Entry = await sealer.SealAsync(JsonSerializer.Serialize(entry, Json), row.PlaceOf(nameof(SelfCareLog.Entry)), ct);
                chunk.SelfCare.Add(row);
            }
        }

        // About fifty dates over the year, most agreed, some reflected on.
        for (var n = 0; n < 50; n++)
        {
            var created = now.AddDays(-365 + n * 7.2 + random.NextDouble() * 3);
            var proposer = members[random.Next(2)];
            var plan = new DatePlan
            {
                Id = ids.Next(),
                CoupleId = couple.Id,
                ProposedBy = proposer.Id,
                IdeaKey = random.NextDouble() < 0.7 ? content.Ideas[random.Next(content.Ideas.Length)] : null,
                Minutes = 120,
                TimeZone = "UTC",
                CreatedAt = created,
                Revision = 1,
            };
            plan.Title = await sealer.SealAsync(Text(random, 1, 1)[..20], plan.PlaceOf(nameof(DatePlan.Title)), ct);
            var options = random.Next(1, 3);
            var startsAt = created.Date.AddDays(random.Next(3, 10)).AddHours(19);
            var roll = random.NextDouble();
            plan.Status = n >= 48 ? DateStatus.Proposed : roll < 0.88 ? DateStatus.Agreed : DateStatus.Cancelled;
            plan.StartsAt = plan.Status == DateStatus.Agreed ? startsAt : null;
            plan.AgreedAt = plan.Status == DateStatus.Agreed ? created.AddHours(5) : null;
            plan.CancelledAt = plan.Status == DateStatus.Cancelled ? created.AddHours(5) : null;
            chunk.Dates.Add(plan);
            for (var o = 0; o < options; o++)
            {
                chunk.Options.Add(new DateOption { Id = ids.Next(), PlanId = plan.Id, ProposedBy = proposer.Id, StartsAt = startsAt.AddDays(o), CreatedAt = created, Closed = plan.Status != DateStatus.Proposed });
            }

            if (plan.Status == DateStatus.Agreed && startsAt < now)
            {
                foreach (var member in members)
                {
                    if (random.NextDouble() >= 0.3)
                    {
                        continue;
                    }

                    var reflection = new DateReflection { Id = ids.Next(), OwnerId = member.Id, CoupleId = couple.Id, PromptKey = DateReflection.KeyFor(plan.Id), WrittenAt = startsAt.AddDays(1) };
                    reflection.Rating = await sealer.SealAsync(DateReflection.Ratings[random.Next(DateReflection.Ratings.Length)], reflection.PlaceOf(nameof(DateReflection.Rating)), ct);
                    if (random.NextDouble() < 0.5)
                    {
                        reflection.Highlight = await sealer.SealAsync(Text(random, 1, 1), reflection.PlaceOf(nameof(DateReflection.Highlight)), ct);
                    }

                    chunk.Reflections.Add(reflection);
                }
            }
        }

        // Private lists: date idea ratings and desire answers, one sealed set per member and list as
        // the app keeps them (decisions/0026); gestures unmarked, but their set is there as after a join.
        foreach (var member in members)
        {
            var ratings = content.Ideas.OrderBy(_ => random.Next()).Take(12)
                .ToDictionary(idea => idea, _ => new AnswerEntry(random.Next(3) switch { 0 => "love", 1 => "like", _ => "no" }, start.AddDays(random.Next(1, 300))));
            var desires = content.Desires.OrderBy(_ => random.Next()).Take(12)
                .ToDictionary(item => item, _ => new AnswerEntry(DesireRules.Answers[random.Next(DesireRules.Answers.Length)], null));
            foreach (var (list, entries) in new[] { (AnswerList.Ideas, ratings), (AnswerList.Desires, desires), (AnswerList.Gestures, new Dictionary<string, AnswerEntry>()) })
            {
                var set = new AnswerSet { Id = ids.Next(), OwnerId = member.Id, CoupleId = couple.Id, List = list, Version = 1 };
                set.Answers = await sealer.SealAsync(AnswerSetText.Encode(entries), set.PlaceOf(nameof(AnswerSet.Answers)), ct);
                chunk.AnswerSets.Add(set);
            }
        }

        // Guided conversations, about one every two months, all ended (the partner-status JSON reads the latest).
        for (var m = 6; m >= 1; m--)
        {
            var started = now.AddDays(-60 * m);
            chunk.Conversations.Add(new Conversation
            {
                Id = ids.Next(),
                CoupleId = couple.Id,
                OwnerId = members[0].Id,
                PartnerId = members[1].Id,
                TopicKey = content.Topics[m % content.Topics.Length],
                Phase = FloorPhase.Speaking,
                SpeakerId = members[0].Id,
                StarterHeard = true,
                PartnerHeard = true,
                Turns = 4,
                PhaseStartedAt = started.AddMinutes(20),
                StartedAt = started,
                EndedAt = started.AddMinutes(25),
                Version = 9,
            });
        }
    }

    private static string Text(Random random, int min, int max)
    {
        var count = random.Next(min, max + 1);
        return string.Join(' ', Enumerable.Range(0, count).Select(_ => Sentences[random.Next(Sentences.Length)]));
    }

    /// <summary>Version 7 ids, one millisecond apart: inserted in (nearly) key order, so the indexes grow at their end.</summary>
    private sealed class Ids(DateTimeOffset start)
    {
        private long _next;

        public Guid Next() => Guid.CreateVersion7(start.AddMilliseconds(Interlocked.Increment(ref _next)));
    }

    private sealed class Chunk
    {
        public List<Couple> Couples { get; } = [];

        public List<Member> Members { get; } = [];

        public List<CoupleMember> CoupleMembers { get; } = [];

        public List<DailyQuestion> Questions { get; } = [];

        public List<DailyAnswer> Answers { get; } = [];

        public List<CheckIn> CheckIns { get; } = [];

        public List<SelfCareLog> SelfCare { get; } = [];

        public List<DatePlan> Dates { get; } = [];

        public List<DateOption> Options { get; } = [];

        public List<DateReflection> Reflections { get; } = [];

        public List<AnswerSet> AnswerSets { get; } = [];

        public List<Conversation> Conversations { get; } = [];

        public async Task WriteAsync(BulkWriter writer, CancellationToken ct)
        {
            // Parents before children: the foreign keys are checked.
            await writer.InsertAsync(Members, ct);
            await writer.InsertAsync(Couples, ct);
            await writer.InsertAsync(CoupleMembers, ct);
            await writer.InsertAsync(Questions, ct);
            await writer.InsertAsync(Answers, ct);
            await writer.InsertAsync(CheckIns, ct);
            await writer.InsertAsync(SelfCare, ct);
            await writer.InsertAsync(Dates, ct);
            await writer.InsertAsync(Options, ct);
            await writer.InsertAsync(Reflections, ct);
            await writer.InsertAsync(AnswerSets, ct);
            await writer.InsertAsync(Conversations, ct);
        }
    }
}

/// <summary>The ids the seed refers to, read from the app's own content files.</summary>
public sealed record SeedContent(string[] Questions, string[] Ideas, string[] Desires, string[] Topics)
{
    public static SeedContent Load(string contentRoot)
    {
        var folder = Path.Combine(contentRoot, "Content");
        string[] Ids(string file, string list, string key) =>
            [.. JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, file))).RootElement.GetProperty(list).EnumerateArray().Select(e => e.GetProperty(key).GetString()!)];
        return new(
            [.. Ids("talk/questions-a.en.json", "questions", "id"), .. Ids("talk/questions-b.en.json", "questions", "id")],
            Ids("time-together/date-ideas.en.json", "ideas", "id"),
            Ids("intimacy/items.en.json", "items", "id"),
            Ids("talk/conversations.en.json", "topics", "key"));
    }
}
