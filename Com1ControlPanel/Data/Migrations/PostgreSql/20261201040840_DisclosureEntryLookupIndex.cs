using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Com1ControlPanel.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DisclosureEntryLookupIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DisclosureEntries_DisclosureId",
                table: "DisclosureEntries");

            migrationBuilder.CreateIndex(
                name: "IX_DisclosureEntries_DisclosureId_CustomerId",
                table: "DisclosureEntries",
                columns: new[] { "DisclosureId", "CustomerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DisclosureEntries_DisclosureId_CustomerId",
                table: "DisclosureEntries");

            migrationBuilder.CreateIndex(
                name: "IX_DisclosureEntries_DisclosureId",
                table: "DisclosureEntries",
                column: "DisclosureId");
        }
    }
}
