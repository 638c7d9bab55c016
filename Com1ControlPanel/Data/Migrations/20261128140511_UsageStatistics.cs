using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Com1ControlPanel.Data.Migrations
{
    /// <inheritdoc />
    public partial class UsageStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PageViewCounts",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Page = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Views = table.Column<int>(type: "INTEGER", nullable: false),
                    NewVisitors = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PageViewCounts", x => new { x.Day, x.Page });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PageViewCounts");
        }
    }
}
