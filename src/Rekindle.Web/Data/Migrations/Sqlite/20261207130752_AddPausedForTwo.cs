using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rekindle.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddPausedForTwo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "PausedForTwo",
                table: "MemberPreferences",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PausedForTwo",
                table: "MemberPreferences");
        }
    }
}
