using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Com1ControlPanel.Data.Migrations
{
    /// <summary>
    /// "Get help": the customers' help requests and their steps, permanent like the support records, and the help request a
    /// support session was started for (a plain column: a foreign key would make SQLite rebuild SupportSessions and drop its
    /// triggers).
    /// </summary>
    public partial class HelpRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "HelpRequestId",
                table: "SupportSessions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "HelpRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<string>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AccessMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LastActivityAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HelpRequests_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HelpRequestSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HelpRequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SupportSessionId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpRequestSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HelpRequestSteps_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HelpRequestSteps_HelpRequests_HelpRequestId",
                        column: x => x.HelpRequestId,
                        principalTable: "HelpRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupportSessions_HelpRequestId",
                table: "SupportSessions",
                column: "HelpRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequests_CustomerId_CreatedAt",
                table: "HelpRequests",
                columns: new[] { "CustomerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequests_Status_CreatedAt",
                table: "HelpRequests",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequestSteps_CustomerId",
                table: "HelpRequestSteps",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequestSteps_HelpRequestId_At",
                table: "HelpRequestSteps",
                columns: new[] { "HelpRequestId", "At" });

            if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                foreach (var sql in HelpRequestRules.Create)
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
                foreach (var trigger in HelpRequestRules.Names)
                {
                    migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
                }
            }

            migrationBuilder.DropTable(
                name: "HelpRequestSteps");

            migrationBuilder.DropTable(
                name: "HelpRequests");

            migrationBuilder.DropIndex(
                name: "IX_SupportSessions_HelpRequestId",
                table: "SupportSessions");

            migrationBuilder.DropColumn(
                name: "HelpRequestId",
                table: "SupportSessions");
        }
    }
}
