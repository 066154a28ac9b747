#!/usr/bin/python3
"""Lists every cell of a workbook (value, formula with its cached result, style), merges,
column widths and frozen panes as JSON, so that workbook_xlsxwriter.py can write the same
cells with Python XlsxWriter. Preparation only: not timed.

    workbook_cells.py BOOK.xlsx CELLS.json
"""
import json
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
cached = openpyxl.load_workbook(sys.argv[1], data_only=True)
sheets = []
for ws in book.worksheets:
    cells = []
    for row in ws.iter_rows():
        for c in row:
            if c.value is None and not c.has_style:
                continue
            style = {
                "num_format": c.number_format,
                "bold": bool(c.font.b), "italic": bool(c.font.i),
                "font_color": (c.font.color.rgb[-6:] if c.font.color is not None and isinstance(c.font.color.rgb, str) else None),
                "bg_color": (c.fill.fgColor.rgb[-6:] if c.fill.fill_type == "solid" and isinstance(c.fill.fgColor.rgb, str) else None),
                "text_wrap": bool(c.alignment.wrap_text),
                "locked": bool(c.protection.locked),
            }
            kind = c.data_type
            value = c.value
            if kind == "f":
                cells.append([c.row - 1, c.column - 1, "f", value, cached[ws.title][c.coordinate].value, style])
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                cells.append([c.row - 1, c.column - 1, "n", value, None, style])
            elif value is None:
                cells.append([c.row - 1, c.column - 1, "b", None, None, style])
            else:
                cells.append([c.row - 1, c.column - 1, "s", str(value), None, style])
    widths = {k: v.width for k, v in ws.column_dimensions.items() if v.width}
    merges = [str(m) for m in ws.merged_cells.ranges]
    sheets.append({"name": ws.title, "cells": cells, "widths": widths, "merges": merges,
                   "freeze": ws.freeze_panes})
names = [(n, d.attr_text) for n, d in book.defined_names.items()] if hasattr(book.defined_names, "items") else []
json.dump({"sheets": sheets, "names": names}, open(sys.argv[2], "w"))
print("%s: %d cells listed" % (sys.argv[1], sum(len(s["cells"]) for s in sheets)))
