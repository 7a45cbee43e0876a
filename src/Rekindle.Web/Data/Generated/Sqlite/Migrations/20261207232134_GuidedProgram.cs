using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rekindle.Web.Data.Generated.Sqlite.Migrations
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
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    On = table.Column<bool>(type: "INTEGER", nullable: false),
                    AfterDays = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoupleId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EveryDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    OrderedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Week = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LessonDoneAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TogetherDoneAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reflection = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    EndCheck = table.Column<string>(type: "TEXT", maxLength: 600, nullable: true),
                    EndCheckAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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
