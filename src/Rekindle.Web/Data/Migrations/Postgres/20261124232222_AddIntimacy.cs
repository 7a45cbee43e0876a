using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rekindle.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddIntimacy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CheckInFirsts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CoupleId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemKey = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    SetAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckInFirsts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckInFirsts_Couples_CoupleId",
                        column: x => x.CoupleId,
                        principalTable: "Couples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CustomDesires",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CoupleId = table.Column<Guid>(type: "uuid", nullable: false),
                    AddedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Text = table.Column<string>(type: "character varying(700)", maxLength: 700, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomDesires", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomDesires_Couples_CoupleId",
                        column: x => x.CoupleId,
                        principalTable: "Couples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DesireAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    CoupleId = table.Column<Guid>(type: "uuid", nullable: true),
                    Visibility = table.Column<int>(type: "integer", nullable: false),
                    PromptKey = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Answer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DesireAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DesireAnswers_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DesireAnswers_Couples_CoupleId",
                        column: x => x.CoupleId,
                        principalTable: "Couples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StageReadies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    CoupleId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    ReadyAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StageReadies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StageReadies_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StageReadies_Couples_CoupleId",
                        column: x => x.CoupleId,
                        principalTable: "Couples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TouchLogs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    CoupleId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Entry = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: false),
                    LoggedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TouchLogs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TouchLogs_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TouchLogs_Couples_CoupleId",
                        column: x => x.CoupleId,
                        principalTable: "Couples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CheckInFirsts_CoupleId_ItemKey",
                table: "CheckInFirsts",
                columns: new[] { "CoupleId", "ItemKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CustomDesires_CoupleId",
                table: "CustomDesires",
                column: "CoupleId");

            migrationBuilder.CreateIndex(
                name: "IX_DesireAnswers_CoupleId",
                table: "DesireAnswers",
                column: "CoupleId");

            migrationBuilder.CreateIndex(
                name: "IX_DesireAnswers_OwnerId_CoupleId_PromptKey",
                table: "DesireAnswers",
                columns: new[] { "OwnerId", "CoupleId", "PromptKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StageReadies_CoupleId_OwnerId_Stage",
                table: "StageReadies",
                columns: new[] { "CoupleId", "OwnerId", "Stage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StageReadies_OwnerId",
                table: "StageReadies",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_TouchLogs_CoupleId",
                table: "TouchLogs",
                column: "CoupleId");

            migrationBuilder.CreateIndex(
                name: "IX_TouchLogs_OwnerId_CoupleId_Day",
                table: "TouchLogs",
                columns: new[] { "OwnerId", "CoupleId", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CheckInFirsts");

            migrationBuilder.DropTable(
                name: "CustomDesires");

            migrationBuilder.DropTable(
                name: "DesireAnswers");

            migrationBuilder.DropTable(
                name: "StageReadies");

            migrationBuilder.DropTable(
                name: "TouchLogs");
        }
    }
}
