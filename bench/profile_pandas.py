#!/usr/bin/python3
"""The profiling benchmark's comparison: the same join and group-by in pandas.

Reads the files profile_generate.py writes, normalises postcodes the same way
(upper case, spaces removed, one space before the last three characters), joins
postcode -> oa21cd -> supergroup, counts unmatched rows by reason, and counts
transactions by segment and channel and distinct customers by segment.
Usage: profile_pandas.py DIR
"""
import sys
import time

import pandas as pd

d = sys.argv[1]
start = time.time()
nspl = pd.read_csv(f"{d}/nspl.csv", usecols=["pcds", "oa21cd"], dtype=str)
oac = pd.read_csv(f"{d}/oac.csv", usecols=["oa21cd", "supergroup"], dtype=str)
t = pd.read_csv(f"{d}/transactions.csv", dtype=str, keep_default_na=False)

compact = t["postcode"].str.replace(" ", "", regex=False).str.upper()
missing = compact == ""
well_formed = compact.str.fullmatch(r"[A-Z][A-Z0-9]{1,3}[0-9][A-Z]{2}")
t["pcds"] = compact.str[:-3] + " " + compact.str[-3:]
aliases = {"face to face": "face-to-face", "f2f": "face-to-face", "phone": "telephone", "online": "web",
           "e-mail": "email", "letter": "post"}
channel = t["channel"].str.strip().str.lower()
t["channel"] = channel.replace(aliases)

m = t.merge(nspl, on="pcds", how="left").merge(oac, on="oa21cd", how="left")
unmatched = {
    "missing": int(missing.sum()),
    "malformed": int((~missing & ~well_formed).sum()),
    "unknown_postcode": int((well_formed & m["oa21cd"].isna()).sum()),
    "unknown_area": int((m["oa21cd"].notna() & m["supergroup"].isna()).sum()),
}
matched = m[m["supergroup"].notna()]
by_channel = matched.groupby(["supergroup", "channel"]).size().unstack(fill_value=0)
customers = matched.groupby("supergroup")["customer_id"].nunique()
print(f"rows {len(t)} matched {len(matched)} unmatched {unmatched}")
print(by_channel.assign(customers=customers))
print(f"pandas seconds {time.time() - start:.1f}")
