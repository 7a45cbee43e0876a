using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rekindle.Web.Data.Generated.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class GuidedProgram : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProgramNudgeSettings",
                columns: table => new
                {
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    On = table.Column<bool>(type: "boolean", nullable: false),
                    AfterDays = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgramNudgeSettings", x => x.MemberId);
                    table.ForeignKey(
                        name: "FK_ProgramNudgeSettings_AspNetUsers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgramRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CoupleId = table.Column<Guid>(type: "uuid", nullable: true),
                    StartedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "date", nullable: false),
                    EveryDays = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    OrderedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgramRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgramRuns_AspNetUsers_StartedBy",
                        column: x => x.StartedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProgramRuns_Couples_CoupleId",
                        column: x => x.CoupleId,
                        principalTable: "Couples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgramWeeks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Week = table.Column<int>(type: "integer", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LessonDoneAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TogetherDoneAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Reflection = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    EndCheck = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true),
                    EndCheckAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgramWeeks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgramWeeks_AspNetUsers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProgramWeeks_ProgramRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "ProgramRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProgramRuns_OneActiveAlone",
                table: "ProgramRuns",
                column: "StartedBy",
                unique: true,
                filter: "\"EndedAt\" IS NULL AND \"CoupleId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ProgramRuns_OneActivePerCouple",
                table: "ProgramRuns",
                column: "CoupleId",
                unique: true,
                filter: "\"EndedAt\" IS NULL AND \"CoupleId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ProgramWeeks_MemberId",
                table: "ProgramWeeks",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgramWeeks_RunId_MemberId_Week",
                table: "ProgramWeeks",
                columns: new[] { "RunId", "MemberId", "Week" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProgramNudgeSettings");

            migrationBuilder.DropTable(
                name: "ProgramWeeks");

            migrationBuilder.DropTable(
                name: "ProgramRuns");
        }
    }
}
