using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rekindle.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ConversationsByCouple : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Conversations_CoupleId_StartedAt",
                table: "Conversations",
                columns: new[] { "CoupleId", "StartedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Conversations_CoupleId_StartedAt",
                table: "Conversations");
        }
    }
}
