using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rekindle.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TimeTogetherIdeaRatings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CustomIdeas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoupleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AddedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Cost = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomIdeas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomIdeas_AspNetUsers_AddedBy",
                        column: x => x.AddedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CustomIdeas_Couples_CoupleId",
                        column: x => x.CoupleId,
                        principalTable: "Couples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdeaRatings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoupleId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Visibility = table.Column<int>(type: "INTEGER", nullable: false),
                    PromptKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Rating = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdeaRatings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IdeaRatings_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IdeaRatings_Couples_CoupleId",
                        column: x => x.CoupleId,
                        principalTable: "Couples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomIdeas_AddedBy",
                table: "CustomIdeas",
                column: "AddedBy");

            migrationBuilder.CreateIndex(
                name: "IX_CustomIdeas_CoupleId",
                table: "CustomIdeas",
                column: "CoupleId");

            migrationBuilder.CreateIndex(
                name: "IX_IdeaRatings_CoupleId",
                table: "IdeaRatings",
                column: "CoupleId");

            migrationBuilder.CreateIndex(
                name: "IX_IdeaRatings_OwnerId_CoupleId_PromptKey",
                table: "IdeaRatings",
                columns: new[] { "OwnerId", "CoupleId", "PromptKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomIdeas");

            migrationBuilder.DropTable(
                name: "IdeaRatings");
        }
    }
}
