using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rekindle.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddSpontaneity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AppreciationNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoupleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SeenAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                name: "GestureMarks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoupleId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Visibility = table.Column<int>(type: "INTEGER", nullable: false),
                    PromptKey = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Mark = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MarkedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                name: "IX_GestureMarks_CoupleId",
                table: "GestureMarks",
                column: "CoupleId");

            migrationBuilder.CreateIndex(
                name: "IX_GestureMarks_OwnerId_CoupleId_PromptKey",
                table: "GestureMarks",
                columns: new[] { "OwnerId", "CoupleId", "PromptKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppreciationNotes");

            migrationBuilder.DropTable(
                name: "GestureMarks");
        }
    }
}
