using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rekindle.Web.Data.Generated.Sqlite.Migrations
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
                type: "INTEGER",
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
