namespace NpoMunicipalNetwork.Api;

/// <summary>Example responses for the OpenAPI document and the reference page (shapes as the endpoints write them; the values are illustrative).</summary>
public static class ApiExamples
{
    private const string Site = """{ "name": "chiba", "displayName": "千葉県", "isHub": false, "url": "https://example.jp/chiba/" }""";
    private const string Hub = """{ "name": "hub", "displayName": "NPO活動推進自治体ネットワーク", "isHub": true, "url": "https://example.jp/" }""";

    // The fields a case's summary and its detail share, in the order both write them.
    private const string CaseFields = $$"""
        "id": 42, "title": "NPOとの協働による子育てひろば事業", "summary": "市民活動団体と協働で子育てひろばを運営しています。",
        "site": {{Site}},
        "member": { "code": "120006", "prefecture": { "code": "12", "name": "千葉県" }, "kind": { "code": "prefecture", "name": "都道府県" } },
        "startFiscalYear": 2005, "endFiscalYear": null,
        "relationshipType": { "code": "collaboration", "name": "協働" },
        "fields": [ { "code": "childcare", "name": "子育て支援" } ],
        "methods": [ { "code": "joint-committee", "name": "実行委員会・共催" } ]
        """;

    private const string CaseSummaryJson = $$"""
        {
          {{CaseFields}},
          "hasAttachments": true, "adoptionCount": 2, "isSample": false,
          "publishedAt": "2025-04-01T00:00:00+00:00", "updatedAt": "2025-04-02T03:00:00+00:00",
          "url": "https://example.jp/cases/42"
        }
        """;

    public const string CaseList = $$"""
        {
          "items": [ {{CaseSummaryJson}} ],
          "next": "WyJjYXNlczpuZXdlc3QiLDAsNjM4NzkxMjAwMDAwMDAwMDAwLDIwMDUsNDJd",
          "total": 57,
          "facets": {
            "field": [ { "code": "childcare", "name": "子育て支援", "count": 21 } ],
            "type": [ { "code": "collaboration", "name": "協働", "count": 57 }, { "code": "support", "name": "支援", "count": 12 } ],
            "method": [ { "code": "subsidy", "name": "補助金", "count": 9 } ],
            "pref": [ { "code": "12", "name": "千葉県", "count": 30 } ],
            "kind": [ { "code": "prefecture", "name": "都道府県", "count": 30 } ],
            "years": [ { "from": 2000, "to": 2009, "count": 40 } ],
            "withAttachments": 18
          }
        }
        """;

    public const string CaseDetail = $$"""
        {
          {{CaseFields}},
          "sections": [ { "key": "background", "label": "背景・課題", "markdown": "地域に親子の居場所が少ない。", "html": "<p>地域に親子の居場所が少ない。</p>" } ],
          "partners": [ { "name": "NPO法人子育てネット", "corporateNumber": null } ],
          "budgets": [ { "fiscalYear": 2005, "amountYen": 1200000 } ],
          "attachments": [ { "title": "事業報告", "fileName": "report.pdf", "contentType": "application/pdf", "size": 123456, "url": "https://example.jp/cases/42/files/7" } ],
          "links": [ { "title": "事業の紹介", "url": "https://www.pref.chiba.lg.jp/" } ],
          "adaptedFrom": [], "adaptedBy": [ 51 ], "adoptionCount": 1,
          "contact": { "name": "県民生活課", "phone": "043-000-0000", "fax": null, "email": null },
          "isSample": false,
          "publishedAt": "2025-04-01T00:00:00+00:00", "updatedAt": "2025-04-02T03:00:00+00:00",
          "url": "https://example.jp/cases/42"
        }
        """;

    private const string MemberSummaryJson = $$"""
        {
          "code": "120006", "name": "千葉県", "kana": "ちばけん",
          "kind": { "code": "prefecture", "name": "都道府県" }, "prefecture": { "code": "12", "name": "千葉県" },
          "isMember": true, "joinedOn": "2005-11-01", "leftOn": null, "websiteUrl": "https://www.pref.chiba.lg.jp/",
          "site": {{Site}}, "url": "https://example.jp/members/120006"
        }
        """;

    public const string MemberList = $$"""{ "items": [ {{MemberSummaryJson}} ], "next": "WyJtZW1iZXJzIiwiMTIwMDA2Il0" }""";

    public const string MemberDetail = $$"""
        {
          "code": "120006", "name": "千葉県", "kana": "ちばけん",
          "kind": { "code": "prefecture", "name": "都道府県" }, "prefecture": { "code": "12", "name": "千葉県" },
          "isMember": true, "joinedOn": "2005-11-01", "leftOn": null, "websiteUrl": "https://www.pref.chiba.lg.jp/",
          "site": {{Site}}, "url": "https://example.jp/members/120006",
          "parent": null, "departmentName": "環境生活部県民生活課", "contactPhone": "043-000-0000", "contactEmail": null, "contactAddress": null, "isSample": false
        }
        """;

    public const string Tenant = """
        { "name": "chiba", "displayName": "千葉県", "memberCode": "120006", "tagline": "県と NPO の協働", "hosts": [], "isSample": false,
          "url": "https://example.jp/chiba/", "memberUrl": "https://example.jp/api/v1/members/120006" }
        """;

    public const string TenantList = $$"""{ "items": [ {{Tenant}} ], "next": null }""";

    private const string ForumSummaryJson = """
        {
          "edition": 6, "fiscalYear": 2009, "title": "第6回NPO活動推進自治体フォーラム山形大会",
          "status": { "code": "planned", "name": "開催予定" }, "startsOn": "2009-11-12", "endsOn": "2009-11-13",
          "hosts": [ { "code": "060003", "name": "山形県", "placeNote": null, "memberUrl": "https://example.jp/api/v1/members/060003" } ],
          "isSample": false, "url": "https://example.jp/forums/6"
        }
        """;

    public const string ForumList = $$"""{ "items": [ {{ForumSummaryJson}} ], "next": "WyJmb3J1bXMiLDZd" }""";

    public const string ForumDetail = """
        {
          "edition": 6, "fiscalYear": 2009, "title": "第6回NPO活動推進自治体フォーラム山形大会",
          "status": { "code": "planned", "name": "開催予定" }, "startsOn": "2009-11-12", "endsOn": "2009-11-13",
          "hosts": [ { "code": "060003", "name": "山形県", "placeNote": null, "memberUrl": "https://example.jp/api/v1/members/060003" } ],
          "isSample": false, "url": "https://example.jp/forums/6",
          "summary": "協働の次の10年を考えます。", "venue": { "name": "山形国際交流プラザ", "address": "山形県山形市", "access": null },
          "capacity": 500, "registrationClosesOn": "2009-10-31",
          "sessions": [ {
            "id": 11, "kind": { "code": "breakout", "name": "分科会" }, "title": "第1分科会 協働のルールづくり", "date": "2009-11-12",
            "startTime": "13:00", "endTime": "15:00", "room": "大会議室", "chair": null, "description": null, "capacity": 100,
            "speakers": [ { "name": "山田 花子", "affiliation": "○○大学", "role": "コーディネーター" } ],
            "materials": [ { "id": 3, "title": "分科会資料", "kind": "file", "url": "https://example.jp/forums/materials/3" } ],
            "cases": [ 42 ], "isSample": false
          } ],
          "materials": [ { "id": 1, "title": "開催要項", "kind": "file", "url": "https://example.jp/forums/materials/1" } ]
        }
        """;

    private const string ReportSummaryJson = $$"""
        {
          "id": 5, "title": "NPOと行政の協働に関する調査研究報告書", "fiscalYear": 2008, "summary": "会員自治体の協働事業を調べました。",
          "site": {{Hub}}, "topics": [ { "code": "collaboration-policy", "name": "協働の推進" } ],
          "authors": [ { "name": "ネットワーク事務局", "organisation": null } ],
          "publishedAt": "2009-03-31T00:00:00+00:00", "updatedAt": "2009-03-31T00:00:00+00:00", "url": "https://example.jp/reports/5"
        }
        """;

    public const string ReportList = $$"""{ "items": [ {{ReportSummaryJson}} ], "next": null }""";

    public const string ReportDetail = $$"""
        {
          "id": 5, "title": "NPOと行政の協働に関する調査研究報告書", "fiscalYear": 2008, "summary": "会員自治体の協働事業を調べました。",
          "site": {{Hub}}, "topics": [ { "code": "collaboration-policy", "name": "協働の推進" } ],
          "authors": [ { "name": "ネットワーク事務局", "organisation": null } ],
          "publishedAt": "2009-03-31T00:00:00+00:00", "updatedAt": "2009-03-31T00:00:00+00:00", "url": "https://example.jp/reports/5",
          "tableOfContents": [ { "level": 0, "text": "第1章 調査の概要" }, { "level": 1, "text": "1.1 目的" } ],
          "bodyHtml": null,
          "files": [ { "title": "本編", "fileName": "report.pdf", "contentType": "application/pdf", "size": 2345678, "url": "https://example.jp/reports/5/files/9" } ],
          "relatedCases": [ 42 ]
        }
        """;

    public const string NewsList = $$"""
        { "items": [ { "id": 8, "title": "第6回フォーラムの参加申込を受け付けています", "site": {{Hub}}, "isSample": false,
          "publishedAt": "2009-09-01T00:00:00+00:00", "updatedAt": "2009-09-01T00:00:00+00:00", "url": "https://example.jp/news/8" } ],
          "next": "WyJuZXdzIiw2MzM4NjkyODAwMDAwMDAwMDAsOF0" }
        """;

    public const string NewsDetail = $$"""
        { "id": 8, "title": "第6回フォーラムの参加申込を受け付けています", "site": {{Hub}}, "isSample": false,
          "publishedAt": "2009-09-01T00:00:00+00:00", "updatedAt": "2009-09-01T00:00:00+00:00", "url": "https://example.jp/news/8",
          "bodyHtml": "<p>申込は10月31日までです。</p>", "contact": null }
        """;
}
