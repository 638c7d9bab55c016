using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Com1ControlPanel.Data.Migrations
{
    /// <inheritdoc />
    public partial class AccountClosing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccountClosures",
                columns: table => new
                {
                    CustomerId = table.Column<string>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Retention = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AnonymisedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RecordsRemovedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountClosures", x => x.CustomerId);
                    table.ForeignKey(
                        name: "FK_AccountClosures_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RetentionRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RanAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AccountsAnonymised = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountsRecordsRemoved = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountsFailed = table.Column<int>(type: "INTEGER", nullable: false),
                    Rows = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionRuns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccountClosures_Retention_ClosedAt",
                table: "AccountClosures",
                columns: new[] { "Retention", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RetentionRuns_RanAt",
                table: "RetentionRuns",
                column: "RanAt");

            // The permanent records let the retention job of a closed account, and nothing else, anonymise and in time remove
            // that customer's rows (RetentionExceptionRules says exactly how).
            if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                foreach (var sql in RetentionExceptionRules.Up)
                {
                    migrationBuilder.Sql(sql);
                }
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                foreach (var sql in RetentionExceptionRules.Down)
                {
                    migrationBuilder.Sql(sql);
                }
            }

            migrationBuilder.DropTable(
                name: "AccountClosures");

            migrationBuilder.DropTable(
                name: "RetentionRuns");
        }
    }
}
