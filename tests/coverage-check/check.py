#!/usr/bin/env python3
"""Check docs/sample-coverage.md against the samples.

Usage (from the repository root, or anywhere):  python3 tests/coverage-check/check.py [path/to/sample-coverage.md]

The conventions it relies on are stated at the top of docs/sample-coverage.md:

* Report column: "-" (no report shows the item), or citations separated by ";". Each citation starts with a
  sample short name and a report section number ("Clinic 4.1 Data protection: ..."). Every `backticked` span in a
  citation is a verbatim quote that must occur in that section of samples/<Sample>/DATA_LAYER.md (from its
  "### N.N" heading to the next heading of level 2 or 3). Backticks in the report are ignored and runs of
  whitespace count as one space when comparing. A quote may run across the cells of one report table row,
  written with "\\|" between them (an escaped pipe, so the doc's own table is not split there).
* Code column: a backticked `path:line` or `path:first-last` (path relative to the sample folder, optionally
  preceded by the sample short name inside the backticks, e.g. `Inv Program.cs:12`), or `:line` for another line
  of the previous file, is a code reference. The file and lines must exist. If the next backticked span follows
  it with only white space between, that span is a snippet of the code: each part of it between "…" must occur
  in those lines (white space ignored). The sample is the one named in the reference, else the previous
  reference's, else the row's only sample.

Prints each failure and exits 1 if there is any; prints a summary and exits 0 otherwise. No dependencies.
"""
import os
import re
import sys

SAMPLES = {
    "Shop": "ShopApi",
    "Inv": "InventoryWorker",
    "OE": "OrderEvents",
    "Clinic": "ClinicApi",
    "Price": "PricingService",
}
NAME = r"(?:Shop|Inv|OE|Clinic|Price)"
REF = re.compile(r"^(?:(" + NAME + r") )?([A-Za-z0-9_.\-/]+\.[A-Za-z]+):(\d+)(?:-(\d+))?$")
CONT = re.compile(r"^:(\d+)(?:-(\d+))?$")
CITATION = re.compile(r"^(" + NAME + r") (\d+\.\d+)\b")
ELLIPSIS = re.compile(r"…|\.\.\.")

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


def split_cells(line):
    """Split a markdown table row on pipes that are not escaped."""
    cells, cur, i = [], "", 0
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body) and body[i + 1] == "|":
            cur += "|"
            i += 2
            continue
        if c == "|":
            cells.append(cur.strip())
            cur = ""
        else:
            cur += c
        i += 1
    cells.append(cur.strip())
    return cells


def spans(text):
    """Backticked spans as (start, end, content)."""
    return [(m.start(), m.end(), m.group(1)) for m in re.finditer(r"`([^`]+)`", text)]


def split_outside_backticks(text, sep):
    parts, cur, inside = [], "", False
    for c in text:
        if c == "`":
            inside = not inside
        if c == sep and not inside:
            parts.append(cur)
            cur = ""
        else:
            cur += c
    parts.append(cur)
    return [p.strip() for p in parts if p.strip()]


def norm(text):
    return re.sub(r"\s+", " ", text.replace("`", "")).strip()


_reports, _sections, _files = {}, {}, {}


def report_sections(sample):
    if sample not in _sections:
        path = os.path.join(ROOT, "samples", SAMPLES[sample], "DATA_LAYER.md")
        sections, current = {}, None
        if not os.path.isfile(path):
            _sections[sample] = {}
            return _sections[sample]
        with open(path, encoding="utf-8") as f:
            for line in f:
                m = re.match(r"^(#{2,3}) (\d+(?:\.\d+)?)\.? ", line)
                if m and m.group(1) == "###":
                    current = m.group(2)
                    sections[current] = []
                elif m or line.startswith("## "):
                    current = None
                if current:
                    sections[current].append(line)
        _sections[sample] = {k: norm("".join(v)) for k, v in sections.items()}
    return _sections[sample]


def code_lines(sample, path):
    key = (sample, path)
    if key not in _files:
        full = os.path.join(ROOT, "samples", SAMPLES[sample], path)
        if os.path.isfile(full):
            with open(full, encoding="utf-8-sig") as f:
                _files[key] = f.read().split("\n")
        else:
            _files[key] = None
    return _files[key]


def nospace(text):
    return re.sub(r"\s+", "", text)


def check_report(where, cell, failures, counts):
    if cell.strip() in ("-", "–", ""):
        return
    for citation in split_outside_backticks(cell, ";"):
        m = CITATION.match(citation)
        if not m:
            failures.append(f"{where}: report citation does not start with '<Sample> <N.N>': {citation!r}")
            continue
        sample, section = m.group(1), m.group(2)
        sections = report_sections(sample)
        if section not in sections:
            failures.append(f"{where}: {SAMPLES[sample]}/DATA_LAYER.md has no section {section}")
            continue
        quotes = [s[2] for s in spans(citation)]
        if not quotes:
            failures.append(f"{where}: citation without a quote: {citation!r}")
        for q in quotes:
            counts["quotes"] += 1
            if norm(q) not in sections[section]:
                where_else = [k for k, v in sections.items() if norm(q) in v]
                hint = f" (found in {', '.join(where_else)})" if where_else else ""
                failures.append(f"{where}: not in {sample} {section}: `{q}`{hint}")


def check_code(where, cell, row_samples, failures, counts):
    sp = spans(cell)
    sample = row_samples[0] if len(row_samples) == 1 else None
    path = None
    for i, (start, end, content) in enumerate(sp):
        m = REF.match(content)
        c = CONT.match(content)
        if m:
            if m.group(1):
                sample = m.group(1)
            path = m.group(2)
            first, last = int(m.group(3)), int(m.group(4) or m.group(3))
        elif c and path:
            first, last = int(c.group(1)), int(c.group(2) or c.group(1))
        else:
            continue
        counts["refs"] += 1
        if sample is None:
            failures.append(f"{where}: cannot tell which sample `{content}` is in (name it inside the backticks)")
            continue
        lines = code_lines(sample, path)
        if lines is None:
            failures.append(f"{where}: no file samples/{SAMPLES[sample]}/{path}")
            continue
        if first < 1 or last < first or last > len(lines):
            failures.append(f"{where}: samples/{SAMPLES[sample]}/{path} has no line(s) {first}-{last}")
            continue
        if i + 1 < len(sp) and cell[end:sp[i + 1][0]].strip() == "":
            snippet = sp[i + 1][2]
            if REF.match(snippet) or CONT.match(snippet):
                continue
            counts["snippets"] += 1
            target = nospace("".join(lines[first - 1:last]))
            parts = [p for p in (nospace(x) for x in ELLIPSIS.split(snippet)) if re.search(r"\w", p)]
            missing = [p for p in parts if p not in target]
            if missing:
                failures.append(
                    f"{where}: samples/{SAMPLES[sample]}/{path}:{first}{'-' + str(last) if last != first else ''}"
                    f" does not contain {missing[0]!r} (snippet `{snippet}`)")


def main():
    doc = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "docs", "sample-coverage.md")
    failures, counts = [], {"rows": 0, "quotes": 0, "refs": 0, "snippets": 0}
    with open(doc, encoding="utf-8") as f:
        text = f.read().split("\n")
    header = None
    for n, line in enumerate(text, 1):
        if not line.startswith("|"):
            header = None
            continue
        cells = split_cells(line)
        if header is None:
            header = [h.lower() for h in cells]
            continue
        if set(line.replace("|", "").strip()) <= set("-: "):
            continue
        if len(cells) != len(header):
            failures.append(f"line {n}: {len(cells)} cells, the header has {len(header)}")
            continue
        row = dict(zip(header, cells))
        report = next((v for k, v in row.items() if k.startswith("report")), None)
        code = next((v for k, v in row.items() if k.startswith("code")), None)
        sample_cell = row.get("sample", "")
        if report is None or code is None:
            failures.append(f"line {n}: table without 'Report' and 'Code' columns")
            continue
        counts["rows"] += 1
        where = f"line {n} ({re.sub(r'[*`]', '', row.get('item', ''))[:50]})"
        row_samples = list(dict.fromkeys(re.findall(r"\b" + NAME + r"\b", sample_cell)))
        check_report(where, report, failures, counts)
        check_code(where, code, row_samples, failures, counts)
    for failure in failures:
        print("FAIL " + failure)
    print(f"{counts['rows']} rows, {counts['quotes']} report quotes, {counts['refs']} code references"
          f" ({counts['snippets']} with a snippet): {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
