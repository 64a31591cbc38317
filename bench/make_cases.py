#!/usr/bin/env python3
"""Bulk-inserts generated, published policy cases into an initialised SQLite database.

Usage: make_cases.py <network.db> <count> [seed]

The database must already hold the schema, the vocabulary and member sites (run the app once and
apply the bench tenants recipe). Cases go to random active member sites; each gets 1–3 policy
fields, 0–2 methods, a relationship type, fiscal years between 1990 and 2025 (a third ongoing),
1–2 partner organisations, about a quarter an attachment, and Japanese text assembled from
phrases, so the search terms of the benchmark (協働, 福祉, 子育て, まちづくり, NPO法人) each
occur in a part of the cases. Writes straight to the tables (one transaction), not through the
app, so 100,000 cases take seconds; the search index is built afterwards with `search rebuild`.
"""
import random
import sqlite3
import sys
from datetime import datetime, timedelta

SUBJECTS = ["子育て支援", "高齢者福祉", "障害者福祉", "環境保全", "まちづくり", "観光振興", "地域防災", "多文化共生",
            "青少年の居場所", "生涯学習", "商店街の活性化", "里山の保全", "空き家の活用", "移動支援", "食品ロス削減",
            "フードバンク", "ボランティア育成", "市民活動センター", "コミュニティカフェ", "中間支援"]
FORMS = ["協働事業", "補助事業", "委託事業", "モデル事業", "推進事業", "提案制度", "ネットワーク", "講座"]
PARTNERS = ["NPO法人{}ネット", "特定非営利活動法人{}の会", "{}市民会議", "一般社団法人{}協会", "{}ボランティア連絡会"]
STEMS = ["さくら", "みどり", "ひまわり", "あおぞら", "ふるさと", "こども", "つばさ", "わかば", "いずみ", "ささえあい"]
SENTENCES = [
    "地域の NPO と行政が協働して{s}に取り組む。",
    "ＮＰＯ法人が企画し、市が広報と会場を支援した。",
    "{s}の担い手を育てるため、講座と相談窓口を設けた。",
    "利用者アンケートでは満足度が高く、翌年度から対象地域を広げた。",
    "行政だけでは届かない層に、NPO の専門性で支援を届けた。",
    "役割分担を協定書にまとめ、年に二回ふりかえりを行った。",
    "補助金の申請手続を簡素化し、小規模な団体も参加しやすくした。",
    "福祉・教育・環境の各部局が横断的に関わった。",
    "子育て家庭の孤立を防ぐため、ひろば事業を協働で運営した。",
    "まちづくり協議会と連携し、住民主体の計画づくりを進めた。",
]


def main() -> None:
    db_path, count = sys.argv[1], int(sys.argv[2])
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 5)
    con = sqlite3.connect(db_path)
    cur = con.cursor()
    tenants = [r[0] for r in cur.execute("SELECT Id FROM Tenants WHERE IsHub = 0 AND Status = 0")]
    fields = [r[0] for r in cur.execute("SELECT Id FROM PolicyFields")]
    methods = [r[0] for r in cur.execute("SELECT Id FROM PolicyMethods")]
    if not tenants or not fields:
        sys.exit("no member sites or no vocabulary: initialise the database first")
    now = datetime(2025, 11, 1)
    cur.execute("INSERT INTO StoredFiles (FileName, ContentType, Kind, Length, Sha256, CreatedUtc) VALUES ('shiryo.pdf', 'application/pdf', 'Pdf', 5, 'x', ?)",
                (now.strftime("%Y-%m-%d %H:%M:%S"),))
    file_id = cur.lastrowid
    cur.execute("INSERT INTO StoredFileContent (StoredFileId, Data) VALUES (?, ?)", (file_id, b"%PDF-"))
    first = (cur.execute("SELECT COALESCE(MAX(Id), 0) FROM PolicyCases").fetchone()[0]) + 1

    cases, case_fields, case_methods, partners, attachments = [], [], [], [], []
    for i in range(count):
        cid = first + i
        subject = rnd.choice(SUBJECTS)
        title = f"{subject}の{rnd.choice(FORMS)}（{i + 1}）"
        text = lambda n: "".join(rnd.choice(SENTENCES).format(s=subject) for _ in range(n))
        start = rnd.randint(1990, 2025)
        end = None if rnd.random() < 0.33 else min(2025, start + rnd.randint(0, 6))
        published = (now - timedelta(minutes=i)).strftime("%Y-%m-%d %H:%M:%S")
        cases.append((cid, rnd.choice(tenants), title, text(2)[:300], text(3), text(4), text(2), text(2), text(2),
                      start, end, rnd.randint(1, 3), published, published, published))
        for f in rnd.sample(fields, rnd.randint(1, 3)):
            case_fields.append((cid, f))
        for m in rnd.sample(methods, rnd.randint(0, 2)):
            case_methods.append((cid, m))
        for order in range(rnd.randint(1, 2)):
            partners.append((cid, order, rnd.choice(PARTNERS).format(rnd.choice(STEMS))))
        if rnd.random() < 0.25:
            attachments.append((cid, 0, "事業報告書", file_id))

    cur.executemany("""INSERT INTO PolicyCases (Id, TenantId, Title, Summary, Background, Activities, PartnersAndRoles, Outcomes, Lessons,
        StartFiscalYear, EndFiscalYear, RelationshipType, IsSample, IsPublished, WorkflowState, Version, PublishedUtc, CreatedUtc, UpdatedUtc)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, 0, 1, ?, ?, ?)""", cases)
    cur.executemany("INSERT INTO PolicyCaseField (PolicyCaseId, PolicyFieldId) VALUES (?, ?)", case_fields)
    cur.executemany("INSERT INTO PolicyCaseMethod (PolicyCaseId, PolicyMethodId) VALUES (?, ?)", case_methods)
    cur.executemany('INSERT INTO PolicyCasePartner (PolicyCaseId, "Order", Name) VALUES (?, ?, ?)', partners)
    cur.executemany('INSERT INTO PolicyCaseAttachment (PolicyCaseId, "Order", Title, StoredFileId) VALUES (?, ?, ?, ?)', attachments)
    con.commit()
    print(f"{count} cases inserted into {len(tenants)} member sites ({len(case_fields)} field rows, {len(case_methods)} method rows, "
          f"{len(partners)} partners, {len(attachments)} attachments)")


if __name__ == "__main__":
    main()
