using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NpoMunicipalNetwork.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Reports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Authors = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    TableOfContents = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    OwnerDepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    WorkflowState = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkingRevisionId = table.Column<int>(type: "INTEGER", nullable: true),
                    LiveRevisionId = table.Column<int>(type: "INTEGER", nullable: true),
                    PublishAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CloseAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AuthorUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reports_Departments_OwnerDepartmentId",
                        column: x => x.OwnerDepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Reports_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportCase",
                columns: table => new
                {
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    PolicyCaseId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportCase", x => new { x.ReportId, x.PolicyCaseId });
                    table.ForeignKey(
                        name: "FK_ReportCase_PolicyCases_PolicyCaseId",
                        column: x => x.PolicyCaseId,
                        principalTable: "PolicyCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReportCase_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportFile",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StoredFileId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportFile", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportFile_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReportFile_StoredFiles_StoredFileId",
                        column: x => x.StoredFileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReportTopic",
                columns: table => new
                {
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    PolicyFieldId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportTopic", x => new { x.ReportId, x.PolicyFieldId });
                    table.ForeignKey(
                        name: "FK_ReportTopic_PolicyFields_PolicyFieldId",
                        column: x => x.PolicyFieldId,
                        principalTable: "PolicyFields",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReportTopic_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportCase_PolicyCaseId",
                table: "ReportCase",
                column: "PolicyCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportFile_ReportId",
                table: "ReportFile",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportFile_StoredFileId",
                table: "ReportFile",
                column: "StoredFileId");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_IsPublished_CloseAtUtc",
                table: "Reports",
                columns: new[] { "IsPublished", "CloseAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_IsPublished_FiscalYear",
                table: "Reports",
                columns: new[] { "IsPublished", "FiscalYear" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OwnerDepartmentId",
                table: "Reports",
                column: "OwnerDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_TenantId",
                table: "Reports",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_WorkflowState_PublishAtUtc",
                table: "Reports",
                columns: new[] { "WorkflowState", "PublishAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportTopic_PolicyFieldId",
                table: "ReportTopic",
                column: "PolicyFieldId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportCase");

            migrationBuilder.DropTable(
                name: "ReportFile");

            migrationBuilder.DropTable(
                name: "ReportTopic");

            migrationBuilder.DropTable(
                name: "Reports");
        }
    }
}
