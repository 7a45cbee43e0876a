using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rekindle.Web.Data.Generated.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MemberTimeZoneSource : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ZoneSource",
                table: "MemberPreferences",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ZoneSource",
                table: "MemberPreferences");
        }
    }
}
