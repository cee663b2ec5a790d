using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HipCheck.Web.Data.Migrations.Sqlite
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
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WindowStart = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
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
