#!/usr/bin/python3
"""Exports workbooks with equivalue-cli and runs the recalculation check on them.

    export_and_check.py --cli CLI [--examples DIR] [--expect-text T ...] PROJECT.json ...
        For each project (and each *.json in DIR): the project workbook and the workbook of
        every change, all checked by recalc_check.py in one LibreOffice run.
    export_and_check.py --wrong
        A workbook with one deliberately wrong cached value: the check must reject it.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CHECK = [sys.executable, os.path.join(HERE, "recalc_check.py")]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("projects", nargs="*")
    parser.add_argument("--cli")
    parser.add_argument("--examples")
    parser.add_argument("--wrong", action="store_true")
    parser.add_argument("--expect-text", action="append", default=[])
    parser.add_argument("--expect-cell", action="append", default=[])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="eqv-export-") as tmp:
        if args.wrong:
            book = os.path.join(tmp, "wrong.xlsx")
            subprocess.run([sys.executable, os.path.join(HERE, "make_wrong_workbook.py"), book], check=True)
            return subprocess.run(CHECK + ["--expect-mismatch", book]).returncode
        projects = list(args.projects)
        if args.examples:
            projects += sorted(glob.glob(os.path.join(args.examples, "*.json")))
        books = []
        for n, project in enumerate(projects):
            with open(project, encoding="utf-8", errors="replace") as f:
                ids = [c["id"] for c in json.load(f).get("changes", [])]
            out = os.path.join(tmp, "p%02d-project.xlsx" % n)
            subprocess.run([args.cli, "export", project, "-o", out, "--draws", "2000"], check=True)
            books.append(out)
            for k, change in enumerate(ids):
                out = os.path.join(tmp, "p%02d-c%03d.xlsx" % (n, k))
                subprocess.run([args.cli, "export", project, "-o", out, "--change", change, "--draws", "2000"],
                               check=True, stdout=subprocess.DEVNULL)
                books.append(out)
        if not books:
            print("no projects to export: skipped")
            return 77
        extra = []
        for t in args.expect_text:
            extra.append("--expect-text=" + t)
        for c in args.expect_cell:
            extra.append("--expect-cell=" + c)
        return subprocess.run(CHECK + extra + books).returncode


if __name__ == "__main__":
    sys.exit(main())
