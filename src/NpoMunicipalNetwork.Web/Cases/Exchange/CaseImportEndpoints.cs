using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;

namespace NpoMunicipalNetwork.Cases.Exchange;

public sealed record ImportFormModel(FormState Form, bool CanPublishDirectly, long MaxBytes, int MaxRows, string? FormError = null);

public sealed record ImportProblemRow(string Row, string Column, string Message);

public sealed record ImportStatusModel(string FileName, bool Finished, bool Succeeded, string PhaseText, int Total, int Done, int Percent,
    int? RefreshSeconds, IReadOnlyList<ImportProblemRow> Problems, int ProblemCount, int Created, int Updated, int Unchanged, int Published, string? Failure)
{
    public bool DraftsLeft => Published == 0 && Created + Updated > 0;
}

/// <summary>
/// <c>/admin/cases/import</c> on a member site: templates, upload, and a status page per upload that
/// reloads itself (meta refresh, no script) and shows a progress bar until the report is ready.
/// Editors (EditOwnContent) import into their own site only; the hub has no cases of its own.
/// </summary>
public static class CaseImportEndpoints
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>What a multipart body may add around the file (boundaries, token, the other fields).</summary>
    private const long FormOverhead = 64 * 1024;

    private const int ShownProblems = 500;

    private static readonly AdminSection Section = new("政策事例の一括登録", "/cases/import", Permissions.EditOwnContent);

    public static RouteGroupBuilder MapCaseImport(this RouteGroupBuilder admin)
    {
        var import = Section.MapGroup(admin)
            .AddEndpointFilter(async (context, next) =>
                context.HttpContext.RequestServices.GetRequiredService<TenantContext>().Tenant.IsHub ? ThemeResults.NotFound() : await next(context));
        import.MapGet("/", (HttpContext http, TenantContext tenant) => Form(http, tenant, new FormState()));
        import.MapGet("/template.xlsx", async (NetworkDbContext db, CancellationToken ct) =>
            Spreadsheet.Xlsx([EmptySheet(), CodebookEndpoints.VocabularySheet(await CodebookEndpoints.ModelAsync(db, ct))], "npo-cases-template.xlsx"));
        import.MapGet("/template.csv", () => Spreadsheet.Csv(EmptySheet(), "npo-cases-template.csv"));
        import.MapPost("/", Upload).DisableAntiforgery(); // validated by hand, after the size check, so an oversized body is never read
        import.MapGet("/{id:guid}", Status);
        return admin;
    }

    private static Sheet EmptySheet() => new("事例", CaseColumns.Labels, []);

    private static IResult Form(HttpContext http, TenantContext tenant, FormState form, string? error = null, int status = 200) =>
        ThemeResults.Admin("admin/cases/import", new ImportFormModel(form, !tenant.Tenant.RequiresApproval, MaxBytes, CaseImport.MaxRows, error),
            Section.ListMeta(), status);

    private static IResult TooLarge(HttpContext http, TenantContext tenant)
    {
        var form = new FormState();
        form.Error("file", $"ファイルが大きすぎます。{MaxBytes / 1024 / 1024} MB以下にしてください（行が多いときはファイルを分けてください）。何も登録していません。");
        return Form(http, tenant, form, status: StatusCodes.Status413PayloadTooLarge);
    }

    private static async Task<IResult> Upload(HttpContext http, TenantContext tenant, NetworkDbContext db, IAntiforgery antiforgery, CaseImportJobs jobs,
        TimeProvider clock, CancellationToken ct)
    {
        if (http.Request.ContentLength > MaxBytes + FormOverhead)
            return TooLarge(http, tenant);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBytes + FormOverhead; // a chunked body without a length stops here
        IFormCollection input;
        try
        {
            await antiforgery.ValidateRequestAsync(http);
            input = await http.Request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(http, tenant);
        }
        catch (AntiforgeryValidationException)
        {
            return ThemeResults.BadRequest(["フォームの有効期限が切れました。画面を読み込み直してから、もう一度アップロードしてください。"]);
        }
        catch (InvalidDataException)
        {
            return ThemeResults.BadRequest(["アップロードされたデータを読み取れませんでした。もう一度お試しください。"]);
        }

        var form = FormState.From(input);
        var file = input.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            form.Error("file", "取り込むファイル（.xlsx または .csv）を選んでください。");
            return Form(http, tenant, form, status: StatusCodes.Status400BadRequest);
        }
        if (file.Length > MaxBytes)
            return TooLarge(http, tenant);
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (extension is not (".xlsx" or ".csv" or ".txt" or ""))
        {
            form.Error("file", $"「{Files.FileStore.CleanName(file.FileName)}」は取り込めない種類です。Excel（.xlsx）かCSV（.csv）のファイルを選んでください。");
            return Form(http, tenant, form, status: StatusCodes.Status400BadRequest);
        }
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var scope = await EditorScope.ForAsync(http.User, db, ct);
        var publish = form.Text("publish") == "1" && !tenant.Tenant.RequiresApproval;
        var job = jobs.Enqueue(new CaseImportJob(tenant.Tenant, Publishing.WorkflowEndpoints.Actor(http), scope, Files.FileStore.CleanName(file.FileName),
            publish, buffer.ToArray(), clock.GetUtcNow().UtcDateTime));
        return Results.Redirect($"{http.Request.PathBase}/admin/cases/import/{job.Id}", permanent: false, preserveMethod: false);
    }

    private static IResult Status(Guid id, HttpContext http, TenantContext tenant, CaseImportJobs jobs)
    {
        var job = jobs.Find(id, tenant.TenantId, http.User.UserId() ?? -1);
        if (job is null)
            return ThemeResults.NotFound("この取り込みは見つかりません。取り込みの結果は、終了から2時間たつと表示できなくなります。");
        var outcome = job.Outcome;
        var finished = job.FinishedUtc is not null;
        var total = Math.Max(job.Total, 1);
        var percent = finished ? 100 : Math.Clamp(job.Done * 100 / total, 0, 100);
        var phase = finished
            ? outcome?.Succeeded == true ? "完了しました" : "取り込めませんでした"
            : job.Phase switch
            {
                ImportPhase.Queued => "順番を待っています",
                ImportPhase.Reading => "ファイルを読み込んでいます",
                ImportPhase.Validating => $"内容を確認しています（{job.Done:#,0} / {job.Total:#,0} 行）",
                ImportPhase.Saving => $"登録しています（{job.Done:#,0} / {job.Total:#,0} 件）",
                _ => "まもなく終わります",
            };
        var problems = outcome?.Problems ?? [];
        var model = new ImportStatusModel(job.FileName, finished, outcome?.Succeeded == true, phase, job.Total, job.Done, percent,
            finished ? null : 2,
            problems.Take(ShownProblems).Select(p => new ImportProblemRow(p.Row == 0 ? "ファイル全体" : $"{p.Row}行目", p.Column, p.Message)).ToList(),
            problems.Count, outcome?.Created ?? 0, outcome?.Updated ?? 0, outcome?.Unchanged ?? 0, outcome?.Published ?? 0, job.Failure);
        return ThemeResults.Admin("admin/cases/import-status", model,
            new PageMeta("一括登録の状況", Section.Trail(new Breadcrumb("状況"))));
    }
}
