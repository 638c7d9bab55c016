using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Com1ControlPanel.Data.Migrations
{
    /// <inheritdoc />
    public partial class CustomerTimeZone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "Customers",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TimeZone",
                table: "Customers");
        }
    }
}
