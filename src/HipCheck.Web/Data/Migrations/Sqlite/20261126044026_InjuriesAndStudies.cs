using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HipCheck.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InjuriesAndStudies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Injuries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AthleteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Diagnosis = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    DiagnosisText = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OnsetDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Mechanism = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NeededTreatment = table.Column<bool>(type: "INTEGER", nullable: false),
                    DaysLost = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Injuries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Injuries_Athletes_AthleteId",
                        column: x => x.AthleteId,
                        principalTable: "Athletes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Studies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Design = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    EventCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    BaselineStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BaselineEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FollowUpDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ExposureThresholdPercent = table.Column<double>(type: "REAL", nullable: false),
                    BaselineLockedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FollowUpStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DataLockedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Studies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Enrolments",
                columns: table => new
                {
                    StudyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AthleteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ConsentDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ConsentRecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    EnrolledUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WithdrawnUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Enrolments", x => new { x.StudyId, x.AthleteId });
                    table.ForeignKey(
                        name: "FK_Enrolments_Athletes_AthleteId",
                        column: x => x.AthleteId,
                        principalTable: "Athletes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Enrolments_Studies_StudyId",
                        column: x => x.StudyId,
                        principalTable: "Studies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StudyAudit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StudyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyAudit", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StudyAudit_Studies_StudyId",
                        column: x => x.StudyId,
                        principalTable: "Studies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_AthleteId",
                table: "Enrolments",
                column: "AthleteId");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_StudyId_Code",
                table: "Enrolments",
                columns: new[] { "StudyId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Injuries_AthleteId_OnsetDate",
                table: "Injuries",
                columns: new[] { "AthleteId", "OnsetDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Studies_OwnerUserId",
                table: "Studies",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_StudyAudit_StudyId_Utc",
                table: "StudyAudit",
                columns: new[] { "StudyId", "Utc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Enrolments");

            migrationBuilder.DropTable(
                name: "Injuries");

            migrationBuilder.DropTable(
                name: "StudyAudit");

            migrationBuilder.DropTable(
                name: "Studies");
        }
    }
}
