using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HipCheck.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RateLimitWindows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RateLimitWindows",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WindowStart = table.Column<long>(type: "bigint", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RateLimitWindows", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RateLimitWindows_WindowStart",
                table: "RateLimitWindows",
                column: "WindowStart");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RateLimitWindows");
        }
    }
}
