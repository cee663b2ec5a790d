using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HipCheck.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BulkImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "Screenings",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "Entered"); // screenings stored before imports existed were entered by hand

            migrationBuilder.AddColumn<string>(
                name: "ExternalId",
                table: "Athletes",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Screenings_Imported_AthleteId_Date",
                table: "Screenings",
                columns: new[] { "AthleteId", "Date" },
                unique: true,
                filter: "\"Source\" = 'Imported'");

            migrationBuilder.CreateIndex(
                name: "IX_Athletes_TeamId_ExternalId",
                table: "Athletes",
                columns: new[] { "TeamId", "ExternalId" },
                unique: true,
                filter: "\"ExternalId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Screenings_Imported_AthleteId_Date",
                table: "Screenings");

            migrationBuilder.DropIndex(
                name: "IX_Athletes_TeamId_ExternalId",
                table: "Athletes");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "Screenings");

            migrationBuilder.DropColumn(
                name: "ExternalId",
                table: "Athletes");
        }
    }
}
