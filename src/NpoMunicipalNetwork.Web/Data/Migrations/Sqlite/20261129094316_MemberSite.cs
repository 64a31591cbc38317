using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NpoMunicipalNetwork.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MemberSite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccessibilityRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Tool = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RanUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessibilityRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HomeLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HomeLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HomeLinks_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AccessibilityPageResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<int>(type: "INTEGER", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessibilityPageResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessibilityPageResults_AccessibilityRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "AccessibilityRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AccessibilityCriterionResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PageResultId = table.Column<int>(type: "INTEGER", nullable: false),
                    Criterion = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Problems = table.Column<int>(type: "INTEGER", nullable: false),
                    Rules = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessibilityCriterionResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessibilityCriterionResults_AccessibilityPageResults_PageResultId",
                        column: x => x.PageResultId,
                        principalTable: "AccessibilityPageResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessibilityCriterionResults_PageResultId",
                table: "AccessibilityCriterionResults",
                column: "PageResultId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessibilityPageResults_RunId",
                table: "AccessibilityPageResults",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessibilityRuns_Source_RanUtc",
                table: "AccessibilityRuns",
                columns: new[] { "Source", "RanUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_HomeLinks_TenantId",
                table: "HomeLinks",
                column: "TenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessibilityCriterionResults");

            migrationBuilder.DropTable(
                name: "HomeLinks");

            migrationBuilder.DropTable(
                name: "AccessibilityPageResults");

            migrationBuilder.DropTable(
                name: "AccessibilityRuns");
        }
    }
}
