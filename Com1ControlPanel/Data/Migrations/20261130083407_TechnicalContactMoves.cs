using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Com1ControlPanel.Data.Migrations
{
    /// <summary>
    /// Technical Contact moves: the customer's request (one open per domain, kept by a partial unique index) and its steps,
    /// permanent like the support records (the triggers are listed in <see cref="TechnicalContactMoveRules"/>).
    /// </summary>
    public partial class TechnicalContactMoves : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TechnicalContactMoves",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DomainId = table.Column<int>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<string>(type: "TEXT", nullable: false),
                    Company = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContactPerson = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TakenByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    TakenByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    TakenAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TechnicalContactMoves", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TechnicalContactMoves_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TechnicalContactMoves_Domains_DomainId",
                        column: x => x.DomainId,
                        principalTable: "Domains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TechnicalContactMoveSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MoveId = table.Column<int>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SupportSessionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TechnicalContactMoveSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TechnicalContactMoveSteps_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TechnicalContactMoveSteps_TechnicalContactMoves_MoveId",
                        column: x => x.MoveId,
                        principalTable: "TechnicalContactMoves",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TechnicalContactMoves_CustomerId_DomainId_SubmittedAt",
                table: "TechnicalContactMoves",
                columns: new[] { "CustomerId", "DomainId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TechnicalContactMoves_OneOpenPerDomain",
                table: "TechnicalContactMoves",
                column: "DomainId",
                unique: true,
                filter: "\"Status\" IN ('Open', 'Taken')");

            migrationBuilder.CreateIndex(
                name: "IX_TechnicalContactMoves_Status_SubmittedAt",
                table: "TechnicalContactMoves",
                columns: new[] { "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TechnicalContactMoveSteps_CustomerId",
                table: "TechnicalContactMoveSteps",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_TechnicalContactMoveSteps_MoveId_At",
                table: "TechnicalContactMoveSteps",
                columns: new[] { "MoveId", "At" });

            if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                foreach (var sql in TechnicalContactMoveRules.Create)
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
                foreach (var trigger in TechnicalContactMoveRules.Names)
                {
                    migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
                }
            }

            migrationBuilder.DropTable(
                name: "TechnicalContactMoveSteps");

            migrationBuilder.DropTable(
                name: "TechnicalContactMoves");
        }
    }
}
