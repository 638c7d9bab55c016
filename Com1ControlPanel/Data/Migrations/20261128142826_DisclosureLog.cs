using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Com1ControlPanel.Data.Migrations
{
    /// <inheritdoc />
    public partial class DisclosureLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CustomerDomains",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 253, nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerDomains", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerDomains_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DisclosureChainHeads",
                columns: table => new
                {
                    CustomerId = table.Column<string>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisclosureChainHeads", x => x.CustomerId);
                    table.ForeignKey(
                        name: "FK_DisclosureChainHeads_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Disclosures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecipientCategory = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Ground = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Categories = table.Column<int>(type: "INTEGER", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NoticeRule = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NoticeDelayedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CorrectsId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AffectedCustomers = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Disclosures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Disclosures_Disclosures_CorrectsId",
                        column: x => x.CorrectsId,
                        principalTable: "Disclosures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DisclosureEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<string>(type: "TEXT", nullable: false),
                    DisclosureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisclosureEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisclosureEntries_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DisclosureEntries_Disclosures_DisclosureId",
                        column: x => x.DisclosureId,
                        principalTable: "Disclosures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PendingDisclosureEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<string>(type: "TEXT", nullable: false),
                    DisclosureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReleaseAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingDisclosureEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PendingDisclosureEntries_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PendingDisclosureEntries_Disclosures_DisclosureId",
                        column: x => x.DisclosureId,
                        principalTable: "Disclosures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DisclosureNotices",
                columns: table => new
                {
                    EntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    NotifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisclosureNotices", x => x.EntryId);
                    table.ForeignKey(
                        name: "FK_DisclosureNotices_DisclosureEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "DisclosureEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerDomains_CustomerId",
                table: "CustomerDomains",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerDomains_Name",
                table: "CustomerDomains",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DisclosureEntries_CustomerId_Sequence",
                table: "DisclosureEntries",
                columns: new[] { "CustomerId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DisclosureEntries_DisclosureId",
                table: "DisclosureEntries",
                column: "DisclosureId");

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_CorrectsId",
                table: "Disclosures",
                column: "CorrectsId");

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_RecordedAt",
                table: "Disclosures",
                column: "RecordedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_CreatedAt",
                table: "Notifications",
                columns: new[] { "UserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PendingDisclosureEntries_CustomerId",
                table: "PendingDisclosureEntries",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_PendingDisclosureEntries_DisclosureId",
                table: "PendingDisclosureEntries",
                column: "DisclosureId");

            migrationBuilder.CreateIndex(
                name: "IX_PendingDisclosureEntries_ReleaseAt",
                table: "PendingDisclosureEntries",
                column: "ReleaseAt");

            // The disclosure log is permanent: the database refuses to change or remove entries, notices, or the content
            // of a disclosure (only its progress columns, Status and AffectedCustomers, may change while it is written).
            if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                foreach (var table in new[] { "DisclosureEntries", "DisclosureNotices" })
                {
                    migrationBuilder.Sql($"CREATE TRIGGER {table}_NoUpdate BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, '{table} are permanent and cannot be changed'); END;");
                    migrationBuilder.Sql($"CREATE TRIGGER {table}_NoDelete BEFORE DELETE ON {table} BEGIN SELECT RAISE(ABORT, '{table} are permanent and cannot be deleted'); END;");
                }
                migrationBuilder.Sql("CREATE TRIGGER Disclosures_NoUpdate BEFORE UPDATE OF RecipientName, RecipientCategory, Ground, Categories, Description, Reference, OccurredAt, RecordedAt, RecordedByUserId, RecordedByName, NoticeRule, NoticeDelayedUntil, CorrectsId, Id ON Disclosures BEGIN SELECT RAISE(ABORT, 'Disclosures are permanent and cannot be changed'); END;");
                migrationBuilder.Sql("CREATE TRIGGER Disclosures_NoDelete BEFORE DELETE ON Disclosures BEGIN SELECT RAISE(ABORT, 'Disclosures are permanent and cannot be deleted'); END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                foreach (var table in new[] { "DisclosureEntries", "DisclosureNotices", "Disclosures" })
                {
                    migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_NoUpdate;");
                    migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_NoDelete;");
                }
            }

            migrationBuilder.DropTable(
                name: "CustomerDomains");

            migrationBuilder.DropTable(
                name: "DisclosureChainHeads");

            migrationBuilder.DropTable(
                name: "DisclosureNotices");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "PendingDisclosureEntries");

            migrationBuilder.DropTable(
                name: "DisclosureEntries");

            migrationBuilder.DropTable(
                name: "Disclosures");
        }
    }
}
