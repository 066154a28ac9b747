#!/usr/bin/python3
"""Writes the cells listed by workbook_cells.py with Python XlsxWriter (Debian
python3-xlsxwriter): the same values, formulas with the same cached results, the same
styles, merges, widths and frozen panes. Prints the time to write, best of 3 (the JSON is
read once, outside the timing).

    workbook_xlsxwriter.py CELLS.json OUT.xlsx
"""
import json
import sys
import time

import xlsxwriter
from xlsxwriter.utility import xl_cell_to_rowcol

data = json.load(open(sys.argv[1]))


def write(path):
    book = xlsxwriter.Workbook(path)
    formats = {}

    def fmt(style):
        key = json.dumps(style, sort_keys=True)
        if key not in formats:
            props = {"font_name": "Calibri", "font_size": 10, "valign": "top", "num_format": style["num_format"],
                     "bold": style["bold"], "italic": style["italic"], "text_wrap": style["text_wrap"],
                     "locked": style["locked"]}
            if style["font_color"]:
                props["font_color"] = "#" + style["font_color"]
            if style["bg_color"]:
                props["bg_color"] = "#" + style["bg_color"]
            formats[key] = book.add_format(props)
        return formats[key]

    for sheet in data["sheets"]:
        ws = book.add_worksheet(sheet["name"])
        for col, width in sheet["widths"].items():
            c = xl_cell_to_rowcol(col + "1")[1]
            ws.set_column(c, c, width)
        merged = set()
        for m in sheet["merges"]:
            first, last = m.split(":")
            merged.add(first)
        for row, col, kind, value, result, style in sheet["cells"]:
            f = fmt(style)
            if kind == "f":
                ws.write_formula(row, col, value, f, result)
            elif kind == "n":
                ws.write_number(row, col, value, f)
            elif kind == "s":
                ws.write_string(row, col, value, f)
            else:
                ws.write_blank(row, col, None, f)
        if sheet["freeze"]:
            r, c = xl_cell_to_rowcol(sheet["freeze"])
            ws.freeze_panes(r, c)
    for name, target in data["names"]:
        book.define_name(name, "=" + target)
    book.close()


best = 1e9
for _ in range(3):
    t0 = time.perf_counter()
    write(sys.argv[2])
    best = min(best, time.perf_counter() - t0)
cells = sum(len(s["cells"]) for s in data["sheets"])
print("xlsxwriter: %d cells, write workbook %.3f s (best of 3)" % (cells, best))
