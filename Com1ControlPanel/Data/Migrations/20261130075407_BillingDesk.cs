using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Com1ControlPanel.Data.Migrations
{
    /// <summary>
    /// The billing desk: the reason and reference staff give with a change (kept in the customer's history), the account
    /// status's reason and message for the customer's banner, and billing's one-time card page links, permanent like the
    /// support records. Adding and dropping columns with SQLite's own ALTER TABLE keeps the triggers of ProfileChanges.
    /// </summary>
    public partial class BillingDesk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "ProfileChanges",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reference",
                table: "ProfileChanges",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "StatusChangedAt",
                table: "Customers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusMessage",
                table: "Customers",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusReason",
                table: "Customers",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CardPageLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<string>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SentByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CardPageLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CardPageLinks_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CardPageLinks_CustomerId_SentAt",
                table: "CardPageLinks",
                columns: new[] { "CustomerId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CardPageLinks_TokenHash",
                table: "CardPageLinks",
                column: "TokenHash",
                unique: true);

            if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                foreach (var sql in CardPageLinkRules.Create)
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
                foreach (var trigger in CardPageLinkRules.Names)
                {
                    migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
                }
            }

            migrationBuilder.DropTable(
                name: "CardPageLinks");

            // SQLite's own DROP COLUMN keeps the table and with it the triggers that keep the history permanent; EF's
            // way of dropping a column (rebuilding the table) would lose them.
            if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                migrationBuilder.Sql("ALTER TABLE ProfileChanges DROP COLUMN Reason;");
                migrationBuilder.Sql("ALTER TABLE ProfileChanges DROP COLUMN Reference;");
            }
            else
            {
                migrationBuilder.DropColumn(
                    name: "Reason",
                    table: "ProfileChanges");

                migrationBuilder.DropColumn(
                    name: "Reference",
                    table: "ProfileChanges");
            }

            migrationBuilder.DropColumn(
                name: "StatusChangedAt",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "StatusMessage",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "StatusReason",
                table: "Customers");
        }
    }
}
