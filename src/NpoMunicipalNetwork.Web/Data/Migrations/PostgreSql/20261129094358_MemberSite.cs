using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace NpoMunicipalNetwork.Data.Migrations.PostgreSql
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Tool = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RanUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessibilityRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HomeLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    Url = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PageResultId = table.Column<int>(type: "integer", nullable: false),
                    Criterion = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Problems = table.Column<int>(type: "integer", nullable: false),
                    Rules = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessibilityCriterionResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessibilityCriterionResults_AccessibilityPageResults_Page~",
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
