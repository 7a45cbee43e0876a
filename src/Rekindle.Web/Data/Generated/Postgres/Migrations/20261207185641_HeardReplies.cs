using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rekindle.Web.Data.Generated.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class HeardReplies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Missed",
                table: "IncidentEntries",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Reply",
                table: "IncidentEntries",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Missed",
                table: "IncidentEntries");

            migrationBuilder.DropColumn(
                name: "Reply",
                table: "IncidentEntries");
        }
    }
}
