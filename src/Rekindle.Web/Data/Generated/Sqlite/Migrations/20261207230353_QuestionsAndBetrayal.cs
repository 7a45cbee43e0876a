using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rekindle.Web.Data.Generated.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class QuestionsAndBetrayal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Betrayals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoupleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpenedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HurtId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    JoinedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    QuestionsPausedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Betrayals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Betrayals_AspNetUsers_OpenedBy",
                        column: x => x.OpenedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Betrayals_AspNetUsers_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Betrayals_Couples_CoupleId",
                        column: x => x.CoupleId,
                        principalTable: "Couples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CoupleQuestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoupleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1300, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoupleQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoupleQuestions_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CoupleQuestions_Couples_CoupleId",
                        column: x => x.CoupleId,
                        principalTable: "Couples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuestionMutes",
                columns: table => new
                {
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MutedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionMutes", x => new { x.MemberId, x.Kind });
                    table.ForeignKey(
                        name: "FK_QuestionMutes_AspNetUsers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BetrayalEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BetrayalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoupleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Part = table.Column<int>(type: "INTEGER", nullable: false),
                    About = table.Column<Guid>(type: "TEXT", nullable: true),
                    Entry = table.Column<string>(type: "TEXT", nullable: false),
                    WrittenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AgreedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BetrayalEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BetrayalEntries_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BetrayalEntries_Betrayals_BetrayalId",
                        column: x => x.BetrayalId,
                        principalTable: "Betrayals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BetrayalEntries_Couples_CoupleId",
                        column: x => x.CoupleId,
                        principalTable: "Couples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BetrayalEntries_BetrayalId_Part",
                table: "BetrayalEntries",
                columns: new[] { "BetrayalId", "Part" });

            migrationBuilder.CreateIndex(
                name: "IX_BetrayalEntries_CoupleId",
                table: "BetrayalEntries",
                column: "CoupleId");

            migrationBuilder.CreateIndex(
                name: "IX_BetrayalEntries_OwnerId",
                table: "BetrayalEntries",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Betrayals_CoupleId_OpenedAt",
                table: "Betrayals",
                columns: new[] { "CoupleId", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Betrayals_OpenedBy",
                table: "Betrayals",
                column: "OpenedBy");

            migrationBuilder.CreateIndex(
                name: "IX_Betrayals_PartnerId",
                table: "Betrayals",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_CoupleQuestions_AuthorId",
                table: "CoupleQuestions",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_CoupleQuestions_CoupleId_RetiredAt",
                table: "CoupleQuestions",
                columns: new[] { "CoupleId", "RetiredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BetrayalEntries");

            migrationBuilder.DropTable(
                name: "CoupleQuestions");

            migrationBuilder.DropTable(
                name: "QuestionMutes");

            migrationBuilder.DropTable(
                name: "Betrayals");
        }
    }
}
