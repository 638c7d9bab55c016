using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Com1ControlPanel.Data.Migrations
{
    /// <inheritdoc />
    public partial class OneSessionPerApproval : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_SupportSessions_AccessRequestId",
                table: "SupportSessions",
                column: "AccessRequestId",
                unique: true,
                filter: "\"AccessRequestId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupportSessions_AccessRequestId",
                table: "SupportSessions");
        }
    }
}
