#!/usr/bin/env python3
"""Derive the compact gazetteer tables in this folder from their sources.

usage: python3 data/derive_gazetteer.py SOURCE_DIR
SOURCE_DIR holds countries.mledoze.json, intl_orgs.supraverden.json and
intl_orgs_membership.dieghernan.csv (see data/LICENSES.md for where each
comes from). The output is deterministic: rerunning gives identical files.
"""
import csv
import json
import os
import re
import sys

# names written in Latin letters only (diacritics allowed), no commas
LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F .'\u2019()-]*$")
# two-letter codes are dropped ("IT", "IN" are words); these two are how news writes them
KEEP_SHORT = {"US", "UK"}


def names(values):
    out = []
    for v in values:
        v = (v or "").strip()
        if not v or v in out or "," in v or not LATIN.match(v):
            continue
        if len(v) <= 2 and v not in KEEP_SHORT:
            continue
        out.append(v)
    return out


def countries(src, dst):
    data = json.load(open(os.path.join(src, "countries.mledoze.json"), encoding="utf-8"))
    rows = []
    for c in data:
        n = c["name"]
        alts = names([n["official"]] + c.get("altSpellings", []))
        alts = [a for a in alts if a != n["common"]]
        dem = c.get("demonyms", {}).get("eng", {})
        rows.append([c["cca3"], n["common"], "|".join(alts), "|".join(names(c.get("capital", []))),
                     "|".join(names([dem.get("m"), dem.get("f")])), "" if c.get("unMember") else "-"])
    # UN members first: a name two entries share ("French") goes to the member state
    rows.sort(key=lambda r: (r[5], r[0]))
    rows = [r[:5] for r in rows]
    with open(os.path.join(dst, "countries.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# countries.tsv -- derived from mledoze/countries countries.json (ODbL 1.0); see LICENSES.md.\n")
        f.write("# Columns: cca3 <TAB> common name <TAB> other names (|) <TAB> capitals (|) <TAB> demonyms (|)\n")
        for r in rows:
            f.write("\t".join(r) + "\n")


def orgs(src, dst):
    data = json.load(open(os.path.join(src, "intl_orgs.supraverden.json"), encoding="utf-8"))["organisations"]
    rows = []
    for o in data:
        name = (o.get("Name_en") or "").strip()
        if not name:
            continue
        abbr = names([o.get("Abbreviation_en"), o.get("Abbreviation_other_en")])
        other = names([o.get("Name_other_en"), o.get("Name_other_en_2"), o.get("Name_other_en_3"),
                       o.get("Name_other_2_en"), o.get("Name_other_3_en")])
        rows.append([name, "|".join(abbr), "|".join(a for a in other if a != name)])
    rows.sort()
    with open(os.path.join(dst, "intl_orgs.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# intl_orgs.tsv -- derived from confirmordeny/supraverden general_list.yaml (CC BY-SA 4.0); see LICENSES.md.\n")
        f.write("# Columns: English name <TAB> abbreviations (|) <TAB> other English names (|)\n")
        for r in rows:
            f.write("\t".join(r) + "\n")


def org_codes(src, dst):
    seen = {}
    with open(os.path.join(src, "intl_orgs_membership.dieghernan.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            name, code = row["org_name"].strip(), row["org_id"].strip()
            if name and code and LATIN.match(name):
                seen.setdefault(code, name)
    with open(os.path.join(dst, "org_codes.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# org_codes.tsv -- derived from dieghernan/Country-Codes-and-International-Organizations CountrycodesOrgs.csv (MIT); see LICENSES.md.\n")
        f.write("# Columns: abbreviation <TAB> English name\n")
        for code in sorted(seen):
            f.write(f"{code}\t{seen[code]}\n")


if __name__ == "__main__":
    src = sys.argv[1] if len(sys.argv) > 1 else "."
    dst = os.path.dirname(os.path.abspath(__file__))
    countries(src, dst)
    orgs(src, dst)
    org_codes(src, dst)
