using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HipCheck.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Surveillance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Absences",
                table: "Injuries",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Activity",
                table: "Injuries",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Contact",
                table: "Injuries",
                type: "character varying(12)",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EventId",
                table: "Injuries",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Onset",
                table: "Injuries",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReturnDate",
                table: "Injuries",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Side",
                table: "Injuries",
                type: "character varying(15)",
                maxLength: 15,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Subsequent",
                table: "Injuries",
                type: "character varying(15)",
                maxLength: 15,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubsequentSuggested",
                table: "Injuries",
                type: "character varying(15)",
                maxLength: 15,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Tissue",
                table: "Injuries",
                type: "character varying(1)",
                maxLength: 1,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CheckinReminders",
                columns: table => new
                {
                    AthleteId = table.Column<Guid>(type: "uuid", nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "date", nullable: false),
                    SentUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckinReminders", x => new { x.AthleteId, x.WeekStart });
                    table.ForeignKey(
                        name: "FK_CheckinReminders_Athletes_AthleteId",
                        column: x => x.AthleteId,
                        principalTable: "Athletes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Checkins",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AthleteId = table.Column<Guid>(type: "uuid", nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Checkins", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Checkins_Athletes_AthleteId",
                        column: x => x.AthleteId,
                        principalTable: "Athletes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Exposure",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AthleteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Period = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Hours = table.Column<double>(type: "double precision", nullable: false),
                    Km = table.Column<double>(type: "double precision", nullable: true),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SourceId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ActivityType = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    RecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Exposure", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Exposure_Athletes_AthleteId",
                        column: x => x.AthleteId,
                        principalTable: "Athletes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CheckinAreas",
                columns: table => new
                {
                    CheckinId = table.Column<Guid>(type: "uuid", nullable: false),
                    Area = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Q1 = table.Column<int>(type: "integer", nullable: true),
                    Q2 = table.Column<int>(type: "integer", nullable: true),
                    Q3 = table.Column<int>(type: "integer", nullable: true),
                    Q4 = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckinAreas", x => new { x.CheckinId, x.Area });
                    table.ForeignKey(
                        name: "FK_CheckinAreas_Checkins_CheckinId",
                        column: x => x.CheckinId,
                        principalTable: "Checkins",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Checkins_AthleteId_WeekStart",
                table: "Checkins",
                columns: new[] { "AthleteId", "WeekStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Exposure_AthleteId_Date",
                table: "Exposure",
                columns: new[] { "AthleteId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Exposure_AthleteId_Source_SourceId",
                table: "Exposure",
                columns: new[] { "AthleteId", "Source", "SourceId" },
                unique: true);

            SurveillanceDataMigration.FillInjuryIocFields(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CheckinAreas");

            migrationBuilder.DropTable(
                name: "CheckinReminders");

            migrationBuilder.DropTable(
                name: "Exposure");

            migrationBuilder.DropTable(
                name: "Checkins");

            migrationBuilder.DropColumn(
                name: "Absences",
                table: "Injuries");

            migrationBuilder.DropColumn(
                name: "Activity",
                table: "Injuries");

            migrationBuilder.DropColumn(
                name: "Contact",
                table: "Injuries");

            migrationBuilder.DropColumn(
                name: "EventId",
                table: "Injuries");

            migrationBuilder.DropColumn(
                name: "Onset",
                table: "Injuries");

            migrationBuilder.DropColumn(
                name: "ReturnDate",
                table: "Injuries");

            migrationBuilder.DropColumn(
                name: "Side",
                table: "Injuries");

            migrationBuilder.DropColumn(
                name: "Subsequent",
                table: "Injuries");

            migrationBuilder.DropColumn(
                name: "SubsequentSuggested",
                table: "Injuries");

            migrationBuilder.DropColumn(
                name: "Tissue",
                table: "Injuries");
        }
    }
}
