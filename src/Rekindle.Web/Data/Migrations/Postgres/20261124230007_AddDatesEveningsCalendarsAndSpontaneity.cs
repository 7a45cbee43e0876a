using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rekindle.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddDatesEveningsCalendarsAndSpontaneity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "NoticeDateDayBefore",
                table: "MemberPreferences",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "NoticeDateNews",
                table: "MemberPreferences",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "NoticeDateTwoHours",
                table: "MemberPreferences",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "NudgeFromHour",
                table: "MemberPreferences",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "NudgeToHour",
                table: "MemberPreferences",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "NudgesPerWeek",
                table: "MemberPreferences",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "AppreciationNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CoupleId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SeenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppreciationNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppreciationNotes_AspNetUsers_FromId",
                        column: x => x.FromId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AppreciationNotes_AspNetUsers_ToId",
                        column: x => x.ToId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AppreciationNotes_Couples_CoupleId",
                        column: x => x.CoupleId,
                        principalTable: "Couples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CalendarFeeds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Token = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ShowNames = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarFeeds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalendarFeeds_AspNetUsers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DatePlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CoupleId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(700)", maxLength: 700, nullable: false),
                    IdeaKey = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AgreedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DatePlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DatePlans_Couples_CoupleId",
                        column: x => x.CoupleId,
                        principalTable: "Couples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DateReflections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    CoupleId = table.Column<Guid>(type: "uuid", nullable: true),
                    Visibility = table.Column<int>(type: "integer", nullable: false),
                    PromptKey = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Rating = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Highlight = table.Column<string>(type: "character varying(2800)", maxLength: 2800, nullable: true),
                    WrittenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DateReflections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DateReflections_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DateReflections_Couples_CoupleId",
                        column: x => x.CoupleId,
                        principalTable: "Couples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GestureMarks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    CoupleId = table.Column<Guid>(type: "uuid", nullable: true),
                    Visibility = table.Column<int>(type: "integer", nullable: false),
                    PromptKey = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Mark = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MarkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GestureMarks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GestureMarks_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GestureMarks_Couples_CoupleId",
                        column: x => x.CoupleId,
                        principalTable: "Couples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OurEvenings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CoupleId = table.Column<Guid>(type: "uuid", nullable: false),
                    SetBy = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    Time = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AgreedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OurEvenings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OurEvenings_Couples_CoupleId",
                        column: x => x.CoupleId,
                        principalTable: "Couples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DateOption",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Closed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DateOption", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DateOption_DatePlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "DatePlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EveningSkip",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EveningId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    SkippedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    SkippedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EveningSkip", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EveningSkip_OurEvenings_EveningId",
                        column: x => x.EveningId,
                        principalTable: "OurEvenings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AppreciationNotes_CoupleId_ToId_SentAt",
                table: "AppreciationNotes",
                columns: new[] { "CoupleId", "ToId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AppreciationNotes_FromId_SentAt",
                table: "AppreciationNotes",
                columns: new[] { "FromId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AppreciationNotes_ToId",
                table: "AppreciationNotes",
                column: "ToId");

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeeds_MemberId",
                table: "CalendarFeeds",
                column: "MemberId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeeds_TokenHash",
                table: "CalendarFeeds",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DateOption_PlanId",
                table: "DateOption",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_DatePlans_CoupleId_Status_StartsAt",
                table: "DatePlans",
                columns: new[] { "CoupleId", "Status", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DatePlans_Status_StartsAt",
                table: "DatePlans",
                columns: new[] { "Status", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DateReflections_CoupleId_PromptKey",
                table: "DateReflections",
                columns: new[] { "CoupleId", "PromptKey" });

            migrationBuilder.CreateIndex(
                name: "IX_DateReflections_OwnerId_CoupleId_PromptKey",
                table: "DateReflections",
                columns: new[] { "OwnerId", "CoupleId", "PromptKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EveningSkip_EveningId_Day",
                table: "EveningSkip",
                columns: new[] { "EveningId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GestureMarks_CoupleId",
                table: "GestureMarks",
                column: "CoupleId");

            migrationBuilder.CreateIndex(
                name: "IX_GestureMarks_OwnerId_CoupleId_PromptKey",
                table: "GestureMarks",
                columns: new[] { "OwnerId", "CoupleId", "PromptKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OurEvenings_CoupleId",
                table: "OurEvenings",
                column: "CoupleId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppreciationNotes");

            migrationBuilder.DropTable(
                name: "CalendarFeeds");

            migrationBuilder.DropTable(
                name: "DateOption");

            migrationBuilder.DropTable(
                name: "DateReflections");

            migrationBuilder.DropTable(
                name: "EveningSkip");

            migrationBuilder.DropTable(
                name: "GestureMarks");

            migrationBuilder.DropTable(
                name: "DatePlans");

            migrationBuilder.DropTable(
                name: "OurEvenings");

            migrationBuilder.DropColumn(
                name: "NoticeDateDayBefore",
                table: "MemberPreferences");

            migrationBuilder.DropColumn(
                name: "NoticeDateNews",
                table: "MemberPreferences");

            migrationBuilder.DropColumn(
                name: "NoticeDateTwoHours",
                table: "MemberPreferences");

            migrationBuilder.DropColumn(
                name: "NudgeFromHour",
                table: "MemberPreferences");

            migrationBuilder.DropColumn(
                name: "NudgeToHour",
                table: "MemberPreferences");

            migrationBuilder.DropColumn(
                name: "NudgesPerWeek",
                table: "MemberPreferences");
        }
    }
}
