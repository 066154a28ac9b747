#!/usr/bin/python3
"""Proves that a workbook's figures are true: LibreOffice opens each workbook with
recalculation forced on load, and every formula's recalculated value must match the value
cached in the file (Equivalue's own figure) within a tolerance of 0.005.

    recalc_check.py [--tolerance 0.005] [--expect-mismatch] [--expect-text TEXT ...] BOOK.xlsx ...

LibreOffice runs headless with a private profile whose OOXMLRecalcMode is 0 ("always
recalculate"), converts each workbook to a fresh .xlsx in a temporary folder, and the values
are read back with openpyxl. Exit status: 0 all match; 1 a mismatch (or, with
--expect-mismatch, none found); 2 the check itself could not run.

--expect-cell 'Sheet!B6=68496.75': after LibreOffice's recalculation that cell (of the first
workbook holding such a sheet) must hold the value, within the tolerance: a hand-worked
figure checked against the spreadsheet's own arithmetic.

--expect-text TEXT: TEXT must appear in some workbook as a plain text cell, and no formula
may contain it (user text must never become a formula).
"""
import argparse
import math
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl

PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def recalculate(books, workdir):
    profile = os.path.join(workdir, "profile")
    os.makedirs(os.path.join(profile, "user"))
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
        f.write(PROFILE)
    outdir = os.path.join(workdir, "out")
    os.makedirs(outdir)
    # Copies with unique names, so that two books called the same convert side by side.
    inputs = []
    for i, book in enumerate(books):
        copy = os.path.join(workdir, "book%03d.xlsx" % i)
        shutil.copyfile(book, copy)
        inputs.append(copy)
    soffice = shutil.which("soffice") or "/usr/bin/soffice"
    cmd = [soffice, "-env:UserInstallation=file://" + profile, "--headless", "--norestore", "--nologo",
           "--convert-to", "xlsx", "--outdir", outdir] + inputs
    env = dict(os.environ, HOME=workdir)
    run = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, timeout=900)
    results = []
    for copy in inputs:
        out = os.path.join(outdir, os.path.basename(copy))
        if not os.path.exists(out):
            sys.stderr.write(run.stdout.decode(errors="replace"))
            raise RuntimeError("LibreOffice did not convert " + copy)
        results.append(out)
    return results


def same(cached, fresh, tolerance):
    if cached is None:
        cached = ""
    if fresh is None:
        fresh = ""
    if isinstance(cached, bool) or isinstance(fresh, bool):
        return cached == fresh
    if isinstance(cached, (int, float)) and isinstance(fresh, (int, float)):
        return math.isfinite(fresh) and abs(cached - fresh) <= tolerance
    return str(cached) == str(fresh)


def check(book, recalculated, tolerance, texts):
    formulas = openpyxl.load_workbook(book, data_only=False)
    cached = openpyxl.load_workbook(book, data_only=True)
    fresh = openpyxl.load_workbook(recalculated, data_only=True)
    checked, mismatches = 0, []
    for ws in formulas.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, str) and value in texts and cell.data_type == "s":
                    texts[value] = True
                if cell.data_type != "f":
                    continue
                for t in texts:
                    if t in str(value):
                        mismatches.append("%s!%s: formula contains user text %r" % (ws.title, cell.coordinate, t))
                checked += 1
                want = cached[ws.title][cell.coordinate].value
                got = fresh[ws.title][cell.coordinate].value
                if not same(want, got, tolerance):
                    mismatches.append("%s!%s: cached %r, LibreOffice %r   %s" % (ws.title, cell.coordinate, want, got, value))
    return checked, mismatches


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("books", nargs="+")
    parser.add_argument("--tolerance", type=float, default=0.005)
    parser.add_argument("--expect-mismatch", action="store_true",
                        help="succeed only when some formula does NOT recompute to its cached value")
    parser.add_argument("--expect-text", action="append", default=[])
    parser.add_argument("--expect-cell", action="append", default=[])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="eqv-recalc-") as workdir:
        try:
            recalculated = recalculate(args.books, workdir)
        except Exception as e:  # the check could not run: never a pass
            print("recalc_check: %s" % e, file=sys.stderr)
            return 2
        texts = {t: False for t in args.expect_text}
        total_checked, total_mismatches = 0, 0
        for book, fresh in zip(args.books, recalculated):
            checked, mismatches = check(book, fresh, args.tolerance, texts)
            total_checked += checked
            total_mismatches += len(mismatches)
            print("%s: %d formulas recalculated, %d mismatches" % (book, checked, len(mismatches)))
            for m in mismatches[:25]:
                print("  " + m)
            if checked == 0:
                print("recalc_check: %s has no formulas to check" % book, file=sys.stderr)
                return 2
        missing = [t for t, seen in texts.items() if not seen]
        wrong_cells = []
        for spec in args.expect_cell:
            where, want = spec.rsplit("=", 1)
            sheet, coordinate = where.rsplit("!", 1)
            got = None
            for fresh in recalculated:
                wb = openpyxl.load_workbook(fresh, data_only=True)
                if sheet in wb.sheetnames:
                    got = wb[sheet][coordinate].value
                    break
            try:
                ok = abs(float(got) - float(want)) <= args.tolerance
            except (TypeError, ValueError):
                ok = str(got) == want
            print("  %s: expected %s, LibreOffice %r%s" % (where, want, got, "" if ok else "   MISMATCH"))
            if not ok:
                wrong_cells.append(spec)
        for t in missing:
            print("  expected text cell not found: %r" % t)
    if args.expect_mismatch:
        ok = total_mismatches > 0
        print("expected a mismatch: %s" % ("found, the check bites" if ok else "NONE FOUND"))
        return 0 if ok else 1
    return 0 if total_mismatches == 0 and not missing and not wrong_cells else 1


if __name__ == "__main__":
    sys.exit(main())
