using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rekindle.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CoupleIdOnEveryCoupleRow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CoupleId",
                table: "EveningSkip",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "CoupleId",
                table: "DateOption",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Rows made before this migration take their couple from their parent.
            migrationBuilder.Sql("UPDATE \"EveningSkip\" SET \"CoupleId\" = (SELECT e.\"CoupleId\" FROM \"OurEvenings\" e WHERE e.\"Id\" = \"EveningSkip\".\"EveningId\")");
            migrationBuilder.Sql("UPDATE \"DateOption\" SET \"CoupleId\" = (SELECT p.\"CoupleId\" FROM \"DatePlans\" p WHERE p.\"Id\" = \"DateOption\".\"PlanId\")");

            migrationBuilder.CreateIndex(
                name: "IX_EveningSkip_CoupleId",
                table: "EveningSkip",
                column: "CoupleId");

            migrationBuilder.CreateIndex(
                name: "IX_DateOption_CoupleId",
                table: "DateOption",
                column: "CoupleId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EveningSkip_CoupleId",
                table: "EveningSkip");

            migrationBuilder.DropIndex(
                name: "IX_DateOption_CoupleId",
                table: "DateOption");

            migrationBuilder.DropColumn(
                name: "CoupleId",
                table: "EveningSkip");

            migrationBuilder.DropColumn(
                name: "CoupleId",
                table: "DateOption");
        }
    }
}
