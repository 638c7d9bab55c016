using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Com1ControlPanel.Data.Migrations
{
    /// <summary>
    /// Domains grow from a name and a date into the registrar's record: status, expiry, auto-renew, name servers, the
    /// four contacts, the customer's publication choice and a version, with a permanent history. The rows of
    /// CustomerDomains move over with their ids: each keeps its customer as Registrant, Administrative and Billing
    /// Contact (a natural person, details withheld, until the customer says otherwise) and gets Com 1 as Technical
    /// Contact and Com 1's name servers, as every domain registered so far had.
    /// </summary>
    public partial class Domains : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Domains",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 253, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TransferLock = table.Column<bool>(type: "INTEGER", nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AutoRenew = table.Column<bool>(type: "INTEGER", nullable: false),
                    NameServers = table.Column<string>(type: "TEXT", nullable: false),
                    PublishContacts = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Domains", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Domains_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DomainChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DomainId = table.Column<int>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OldValue = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NewValue = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SupportSessionId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DomainChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DomainChanges_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DomainChanges_Domains_DomainId",
                        column: x => x.DomainId,
                        principalTable: "Domains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DomainContacts",
                columns: table => new
                {
                    DomainId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IsCom1 = table.Column<bool>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Street = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Region = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DomainContacts", x => new { x.DomainId, x.Role });
                    table.ForeignKey(
                        name: "FK_DomainContacts_Domains_DomainId",
                        column: x => x.DomainId,
                        principalTable: "Domains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DomainChanges_CustomerId_ChangedAt",
                table: "DomainChanges",
                columns: new[] { "CustomerId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DomainChanges_DomainId_ChangedAt",
                table: "DomainChanges",
                columns: new[] { "DomainId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Domains_CustomerId",
                table: "Domains",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_Domains_Name",
                table: "Domains",
                column: "Name",
                unique: true);

            // Only SQLite databases hold rows from before (the PostgreSQL target starts from this schema), and only SQLite
            // needs triggers to keep the history permanent.
            if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                migrationBuilder.Sql("""
                    INSERT INTO Domains (Id, CustomerId, Name, Status, TransferLock, RegisteredOn, ExpiresOn, AutoRenew, NameServers,
                                         PublishContacts, ChangedAt, Version)
                    SELECT Id, CustomerId, lower(Name), 'Active', 1, RegisteredOn,
                           -- registered a year at a time: the next anniversary of the registration from today
                           CASE WHEN date(RegisteredOn, '+' || (CAST(strftime('%Y', 'now') AS INTEGER) - CAST(strftime('%Y', RegisteredOn) AS INTEGER)) || ' years') > date('now')
                                THEN date(RegisteredOn, '+' || (CAST(strftime('%Y', 'now') AS INTEGER) - CAST(strftime('%Y', RegisteredOn) AS INTEGER)) || ' years')
                                ELSE date(RegisteredOn, '+' || (CAST(strftime('%Y', 'now') AS INTEGER) - CAST(strftime('%Y', RegisteredOn) AS INTEGER) + 1) || ' years')
                           END,
                           1, '["ns1.com1.example","ns2.com1.example"]', 0, NULL, 1
                    FROM CustomerDomains;
                    """);
                migrationBuilder.Sql("""
                    INSERT INTO DomainContacts (DomainId, Role, IsCom1, Kind, Name, Organisation, Email, Phone, Street, City, Region,
                                                PostalCode, CountryCode)
                    SELECT d.Id, r.Role, 0, 'Person', c.FullName, c.Company, u.Email, c.Phone, c.Street, c.City, c.Region, c.PostalCode,
                           c.CountryCode
                    FROM CustomerDomains d
                    JOIN Customers c ON c.Id = d.CustomerId
                    JOIN AspNetUsers u ON u.Id = c.Id
                    CROSS JOIN (SELECT 'Registrant' AS Role UNION ALL SELECT 'Administrative' UNION ALL SELECT 'Billing') r;
                    """);
                migrationBuilder.Sql("""
                    INSERT INTO DomainContacts (DomainId, Role, IsCom1, Kind)
                    SELECT Id, 'Technical', 1, 'Organisation' FROM CustomerDomains;
                    """);
                foreach (var sql in DomainRecordRules.Create)
                {
                    migrationBuilder.Sql(sql);
                }
            }

            migrationBuilder.DropTable(
                name: "CustomerDomains");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
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

            migrationBuilder.CreateIndex(
                name: "IX_CustomerDomains_CustomerId",
                table: "CustomerDomains",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerDomains_Name",
                table: "CustomerDomains",
                column: "Name",
                unique: true);

            migrationBuilder.Sql("INSERT INTO CustomerDomains (Id, CustomerId, Name, RegisteredOn) SELECT Id, CustomerId, Name, RegisteredOn FROM Domains;");

            if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                foreach (var trigger in DomainRecordRules.Names)
                {
                    migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
                }
            }

            migrationBuilder.DropTable(
                name: "DomainChanges");

            migrationBuilder.DropTable(
                name: "DomainContacts");

            migrationBuilder.DropTable(
                name: "Domains");
        }
    }
}
