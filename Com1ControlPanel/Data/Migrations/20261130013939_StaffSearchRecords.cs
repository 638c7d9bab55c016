using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Com1ControlPanel.Data.Migrations
{
    /// <inheritdoc />
    public partial class StaffSearchRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StaffSearchRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StaffUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SearchedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ResultCount = table.Column<int>(type: "INTEGER", nullable: false),
                    MoreMatched = table.Column<bool>(type: "INTEGER", nullable: false),
                    CustomerNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffSearchRecords", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StaffSearchRecords_SearchedAt",
                table: "StaffSearchRecords",
                column: "SearchedAt");

            migrationBuilder.CreateIndex(
                name: "IX_StaffSearchRecords_StaffUserId_SearchedAt",
                table: "StaffSearchRecords",
                columns: new[] { "StaffUserId", "SearchedAt" });

            // Staff searches are permanent: the database itself refuses to change or remove the record of one.
            if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                migrationBuilder.Sql("CREATE TRIGGER StaffSearchRecords_NoUpdate BEFORE UPDATE ON StaffSearchRecords BEGIN SELECT RAISE(ABORT, 'StaffSearchRecords are permanent and cannot be changed'); END;");
                migrationBuilder.Sql("CREATE TRIGGER StaffSearchRecords_NoDelete BEFORE DELETE ON StaffSearchRecords BEGIN SELECT RAISE(ABORT, 'StaffSearchRecords are permanent and cannot be deleted'); END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                migrationBuilder.Sql("DROP TRIGGER IF EXISTS StaffSearchRecords_NoUpdate;");
                migrationBuilder.Sql("DROP TRIGGER IF EXISTS StaffSearchRecords_NoDelete;");
            }

            migrationBuilder.DropTable(
                name: "StaffSearchRecords");
        }
    }
}
