#!/usr/bin/env python3
"""Writes a recipe that creates one tenant per government in the registry CSVs.

Usage: make_tenants_recipe.py <registry-folder> <recipe-out.json> <paths-out.txt>

Tenants are named t<6-digit code> (e.g. t011002), display name as in the registry
(a designated city's ward "札幌市 中央区" loses the space, as RegistryCsv does).
The second output lists each tenant's home path (/t011002/), one per line.
"""
import csv
import json
import sys
from pathlib import Path


def check_digit(five: str) -> int:
    return (11 - sum(int(c) * (6 - i) for i, c in enumerate(five)) % 11) % 10


def main() -> None:
    folder, recipe_out, paths_out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    governments = []
    # utf-8-sig strips the BOM that municipalities.csv carries (harmless for prefectures.csv).
    for file_name, name_column in (("prefectures.csv", "pref"), ("municipalities.csv", "city")):
        with open(folder / file_name, encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f):
                code = row["lgcode"].strip().zfill(6)  # prefectures lost the leading zero for 01–09
                if len(code) != 6 or not code.isdigit() or check_digit(code[:5]) != int(code[5]):
                    sys.exit(f"{file_name}: bad lgcode {row['lgcode']!r}")
                governments.append((code, row[name_column].strip().replace(" ", "")))

    codes = [c for c, _ in governments]
    if len(set(codes)) != len(codes):
        sys.exit("duplicate codes in the registry")

    recipe = {
        "name": "BenchTenants",
        "displayName": "ベンチマーク用テナント（全団体）",
        "description": "One tenant per government in the registry, for the memory benchmark.",
        "author": "bench/tenants-memory.sh",
        "version": "1.0.0",
        "issetuprecipe": False,
        "steps": [
            {
                "name": "Tenants",
                "tenants": [
                    {"name": f"t{code}", "displayName": name, "memberCode": code}
                    for code, name in governments
                ],
            }
        ],
    }
    recipe_out.write_text(json.dumps(recipe, ensure_ascii=False, indent=1), encoding="utf-8")
    paths_out.write_text("".join(f"/t{code}/\n" for code in codes), encoding="utf-8")
    print(len(governments))


if __name__ == "__main__":
    main()
