using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NpoMunicipalNetwork.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ContentId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchChanges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchChanges_ChangedUtc",
                table: "SearchChanges",
                column: "ChangedUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SearchChanges");
        }
    }
}
