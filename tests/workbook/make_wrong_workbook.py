#!/usr/bin/python3
"""Writes a workbook whose cached formula values are deliberately wrong in one cell
(=1+1 cached as 3), beside correct ones, so the recalculation check can be shown to fail."""
import sys

import xlsxwriter

book = xlsxwriter.Workbook(sys.argv[1])
sheet = book.add_worksheet("Check")
sheet.write_number("A1", 1000)
sheet.write_formula("B1", "=ROUND(A1*1.035,2)", None, 1035)      # right
sheet.write_formula("C1", "=1+1", None, 3)                       # wrong: 2, cached 3
sheet.write_formula("D1", "=IF(A1>0,\"yes\",\"no\")", None, "yes")  # right
book.close()
