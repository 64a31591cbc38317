using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NpoMunicipalNetwork.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PolicyCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PayloadJson",
                table: "ContentRevisions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PolicyCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Background = table.Column<string>(type: "TEXT", nullable: false),
                    Activities = table.Column<string>(type: "TEXT", nullable: false),
                    PartnersAndRoles = table.Column<string>(type: "TEXT", nullable: false),
                    Outcomes = table.Column<string>(type: "TEXT", nullable: false),
                    Lessons = table.Column<string>(type: "TEXT", nullable: false),
                    StartFiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    EndFiscalYear = table.Column<int>(type: "INTEGER", nullable: true),
                    RelationshipType = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerDepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsSample = table.Column<bool>(type: "INTEGER", nullable: false),
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
                    table.PrimaryKey("PK_PolicyCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PolicyCases_Departments_OwnerDepartmentId",
                        column: x => x.OwnerDepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PolicyCases_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PolicyFields",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyFields", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PolicyMethods",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    RelationshipTypes = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyMethods", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PolicyCaseAdaptation",
                columns: table => new
                {
                    PolicyCaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceCaseId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyCaseAdaptation", x => new { x.PolicyCaseId, x.SourceCaseId });
                    table.ForeignKey(
                        name: "FK_PolicyCaseAdaptation_PolicyCases_PolicyCaseId",
                        column: x => x.PolicyCaseId,
                        principalTable: "PolicyCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PolicyCaseAdaptation_PolicyCases_SourceCaseId",
                        column: x => x.SourceCaseId,
                        principalTable: "PolicyCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PolicyCaseAttachment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PolicyCaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StoredFileId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyCaseAttachment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PolicyCaseAttachment_PolicyCases_PolicyCaseId",
                        column: x => x.PolicyCaseId,
                        principalTable: "PolicyCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PolicyCaseAttachment_StoredFiles_StoredFileId",
                        column: x => x.StoredFileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PolicyCaseBudget",
                columns: table => new
                {
                    PolicyCaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountYen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyCaseBudget", x => new { x.PolicyCaseId, x.FiscalYear });
                    table.ForeignKey(
                        name: "FK_PolicyCaseBudget_PolicyCases_PolicyCaseId",
                        column: x => x.PolicyCaseId,
                        principalTable: "PolicyCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PolicyCaseLink",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PolicyCaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyCaseLink", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PolicyCaseLink_PolicyCases_PolicyCaseId",
                        column: x => x.PolicyCaseId,
                        principalTable: "PolicyCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PolicyCasePartner",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PolicyCaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CorporateNumber = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyCasePartner", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PolicyCasePartner_PolicyCases_PolicyCaseId",
                        column: x => x.PolicyCaseId,
                        principalTable: "PolicyCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PolicyCaseField",
                columns: table => new
                {
                    PolicyCaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    PolicyFieldId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyCaseField", x => new { x.PolicyCaseId, x.PolicyFieldId });
                    table.ForeignKey(
                        name: "FK_PolicyCaseField_PolicyCases_PolicyCaseId",
                        column: x => x.PolicyCaseId,
                        principalTable: "PolicyCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PolicyCaseField_PolicyFields_PolicyFieldId",
                        column: x => x.PolicyFieldId,
                        principalTable: "PolicyFields",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PolicyCaseMethod",
                columns: table => new
                {
                    PolicyCaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    PolicyMethodId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyCaseMethod", x => new { x.PolicyCaseId, x.PolicyMethodId });
                    table.ForeignKey(
                        name: "FK_PolicyCaseMethod_PolicyCases_PolicyCaseId",
                        column: x => x.PolicyCaseId,
                        principalTable: "PolicyCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PolicyCaseMethod_PolicyMethods_PolicyMethodId",
                        column: x => x.PolicyMethodId,
                        principalTable: "PolicyMethods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PolicyCaseAdaptation_SourceCaseId",
                table: "PolicyCaseAdaptation",
                column: "SourceCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyCaseAttachment_PolicyCaseId",
                table: "PolicyCaseAttachment",
                column: "PolicyCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyCaseAttachment_StoredFileId",
                table: "PolicyCaseAttachment",
                column: "StoredFileId");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyCaseField_PolicyFieldId",
                table: "PolicyCaseField",
                column: "PolicyFieldId");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyCaseLink_PolicyCaseId",
                table: "PolicyCaseLink",
                column: "PolicyCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyCaseMethod_PolicyMethodId",
                table: "PolicyCaseMethod",
                column: "PolicyMethodId");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyCasePartner_CorporateNumber",
                table: "PolicyCasePartner",
                column: "CorporateNumber");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyCasePartner_PolicyCaseId",
                table: "PolicyCasePartner",
                column: "PolicyCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyCases_IsPublished_CloseAtUtc",
                table: "PolicyCases",
                columns: new[] { "IsPublished", "CloseAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PolicyCases_IsPublished_PublishedUtc",
                table: "PolicyCases",
                columns: new[] { "IsPublished", "PublishedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PolicyCases_OwnerDepartmentId",
                table: "PolicyCases",
                column: "OwnerDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyCases_TenantId",
                table: "PolicyCases",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyCases_WorkflowState_PublishAtUtc",
                table: "PolicyCases",
                columns: new[] { "WorkflowState", "PublishAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PolicyFields_Code",
                table: "PolicyFields",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PolicyMethods_Code",
                table: "PolicyMethods",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PolicyCaseAdaptation");

            migrationBuilder.DropTable(
                name: "PolicyCaseAttachment");

            migrationBuilder.DropTable(
                name: "PolicyCaseBudget");

            migrationBuilder.DropTable(
                name: "PolicyCaseField");

            migrationBuilder.DropTable(
                name: "PolicyCaseLink");

            migrationBuilder.DropTable(
                name: "PolicyCaseMethod");

            migrationBuilder.DropTable(
                name: "PolicyCasePartner");

            migrationBuilder.DropTable(
                name: "PolicyFields");

            migrationBuilder.DropTable(
                name: "PolicyMethods");

            migrationBuilder.DropTable(
                name: "PolicyCases");

            migrationBuilder.DropColumn(
                name: "PayloadJson",
                table: "ContentRevisions");
        }
    }
}
