#!/usr/bin/env python3
"""Bulk-inserts published news items (お知らせ) for every active member site of an initialised SQLite database.

Usage: make_news.py <network.db> <per-site> [seed]

The database must already hold the schema and the member sites (apply the bench tenants recipe
first). Each site gets <per-site> published items with Japanese titles and a short body, published
at spread-out times over the last year, so the hub home's "news from all members" reads the newest
of about 39,000 items. Writes straight to the table in one transaction, not through the app.
"""
import random
import sqlite3
import sys
from datetime import datetime, timedelta

TOPICS = ["市民活動フォーラムを開催します", "協働事業提案制度の募集を始めました", "NPO法人の設立相談会のお知らせ",
          "ボランティア講座の受講者を募集します", "市民活動センターの臨時休館について", "地域づくり補助金の交付団体を決定しました",
          "協働推進委員会の会議録を掲載しました", "NPOと行政の意見交換会を開きます", "寄附による市民活動支援制度の報告",
          "子育て支援団体の交流会のご案内"]


def main() -> None:
    db_path, per_site = sys.argv[1], int(sys.argv[2])
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    con = sqlite3.connect(db_path)
    cur = con.cursor()
    tenants = [r[0] for r in cur.execute("SELECT Id FROM Tenants WHERE IsHub = 0 AND Status = 0")]
    if not tenants:
        sys.exit("no member sites: apply the tenants recipe first")
    now = datetime(2026, 11, 1)
    rows = []
    for tenant in tenants:
        for i in range(per_site):
            title = f"{rnd.choice(TOPICS)}（第{i + 1}報）"
            body = f"{title}。詳しくは担当課までお問い合わせください。"
            at = (now - timedelta(minutes=rnd.randrange(0, 525600))).strftime("%Y-%m-%d %H:%M:%S")
            rows.append((tenant, title, body, f"<p>{body}</p>", at, at, at))
    cur.executemany("""INSERT INTO NewsItems (TenantId, Title, BodyMarkdown, BodyHtml, IsSample, IsPublished, WorkflowState, Version,
        PublishedUtc, CreatedUtc, UpdatedUtc) VALUES (?, ?, ?, ?, 0, 1, 0, 1, ?, ?, ?)""", rows)
    con.commit()
    print(f"{len(rows)} news items inserted into {len(tenants)} member sites")


if __name__ == "__main__":
    main()
