#!/usr/bin/python3
"""Synthetic inputs for the profiling benchmark, in the ONS layouts.

Writes to OUT (default bench/out/profile):
  nspl.csv          postcode -> output area: pcds,oa21cd,lsoa21cd (2.7 million postcodes)
  oac.csv           output area -> segment: oa21cd,supergroup,group,subgroup (188,880 areas)
  transactions.csv  postcode,channel,service,date,customer_id (10 million rows)
  project.json      an equivalue/1 project with the 8 supergroups as segments

Every figure is made up. About 1% of rows carry an untidy postcode (lower case, no space),
0.3% none, 0.2% a malformed one and 0.5% a postcode the lookup does not hold, so that every
unmatched reason is exercised. Usage: profile_generate.py [OUT] [ROWS] [POSTCODES]
"""
import json
import os
import sys

import numpy as np

out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "out", "profile")
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000_000
postcodes = int(sys.argv[3]) if len(sys.argv) > 3 else 2_700_000
areas = 188_880
customers = max(1, rows // 10)
os.makedirs(out, exist_ok=True)
rng = np.random.default_rng(20260401)

letters = "ABCDEFGHIJKLMNOPRSTUWYZ"
inward_letters = "ABDEFGHJLNPQRSTUWXYZ"  # the letters used in inward codes
inward = [f"{d}{a}{b}" for d in range(10) for a in inward_letters for b in inward_letters]  # 4,000


def postcode(i):
    # 4,000 inward codes under each outward code; outward codes AA1 .. ZZ1, AA2 .. (Q is never used).
    k, j = divmod(i, len(inward))
    area = letters[(k // len(letters)) % len(letters)] + letters[k % len(letters)]
    return f"{area}{1 + k // len(letters) ** 2} {inward[j]}"


codes = [postcode(i) for i in range(postcodes)]
assert len(set(codes)) == len(codes), "postcodes must be unique"
area_of_postcode = rng.integers(1, areas + 1, size=postcodes)

with open(os.path.join(out, "nspl.csv"), "w") as f:
    f.write("pcds,oa21cd,lsoa21cd\n")
    f.write("".join(f"{c},E00{a:06d},E01{a // 5:06d}\n" for c, a in zip(codes, area_of_postcode.tolist())))

supergroup_weights = np.array([0.08, 0.14, 0.12, 0.10, 0.11, 0.18, 0.15, 0.12])
supergroup_of_area = rng.choice(8, size=areas, p=supergroup_weights) + 1
with open(os.path.join(out, "oac.csv"), "w") as f:
    f.write("oa21cd,supergroup,group,subgroup\n")
    lines = []
    for a, s in enumerate(supergroup_of_area.tolist(), start=1):
        g = "abc"[a % 3]
        lines.append(f"E00{a:06d},{s},{s}{g},{s}{g}{1 + a % 3}\n")
    f.write("".join(lines))

names = ["Retired Professionals", "Suburbanites and Peri-Urbanites", "Multicultural and Educated Urbanites",
         "Low-Skilled Migrant and Student Communities", "Ethnically Diverse Suburban Professionals", "Baseline UK",
         "Semi- and Un-Skilled Workforce", "Legacy Communities"]
older = [0.34, 0.22, 0.10, 0.08, 0.15, 0.19, 0.16, 0.24]
disabled = [0.21, 0.17, 0.12, 0.15, 0.13, 0.18, 0.22, 0.26]
items = []
for s in range(8):
    pop = int(round(supergroup_weights[s] * 300_000))
    items.append({"code": str(s + 1), "name": names[s], "population": pop,
                  "composition": {"age": {"0-15": 0.18, "16-64": round(0.82 - older[s], 2), "65+": older[s]},
                                  "disability": {"disabled": disabled[s], "not disabled": round(1 - disabled[s], 2)}}})
project = {"format": "equivalue/1",
           "project": {"name": "Profiling benchmark (synthetic)", "disclosure_threshold": 10, "flag_ratio": 1.2},
           "segments": {"scheme": "oac2021-supergroup",
                        "characteristics": {"age": ["0-15", "16-64", "65+"], "disability": ["disabled", "not disabled"]},
                        "items": items},
           "changes": []}
with open(os.path.join(out, "project.json"), "w") as f:
    json.dump(project, f, indent=1)

# Each customer lives at one postcode; each row is a contact by a customer.
home = rng.integers(0, postcodes, size=customers)
channels = np.array(["face-to-face", "telephone", "web", "email", "Face to Face", "phone", "post"])
channel_p = [0.14, 0.30, 0.40, 0.06, 0.03, 0.05, 0.02]
services = np.array(["LGSL 524", "LGSL 20", "LGSL 1006", "LGSL 531", "LGSL 844"])
chunk = 1_000_000
with open(os.path.join(out, "transactions.csv"), "w") as f:
    f.write("postcode,channel,service,date,customer_id\n")
    for start in range(0, rows, chunk):
        n = min(chunk, rows - start)
        who = rng.integers(0, customers, size=n)
        ch = rng.choice(len(channels), size=n, p=channel_p)
        sv = rng.integers(0, len(services), size=n)
        day = rng.integers(1, 29, size=n)
        month = rng.integers(1, 13, size=n)
        kind = rng.random(size=n)
        lines = []
        for w, c, s, d, m, k in zip(who.tolist(), ch.tolist(), sv.tolist(), day.tolist(), month.tolist(), kind.tolist()):
            pc = codes[home[w]]
            if k < 0.003:
                pc = ""
            elif k < 0.005:
                pc = "UNKNOWN"
            elif k < 0.010:
                pc = f"QQ{1 + w % 99} 9ZZ"  # no generated postcode starts with Q
            elif k < 0.020:
                pc = pc.replace(" ", "").lower()
            lines.append(f"{pc},{channels[c]},{services[s]},2025-{m:02d}-{d:02d},C{w:07d}\n")
        f.write("".join(lines))
print(f"wrote {rows:,} transactions, {postcodes:,} postcodes, {areas:,} areas to {out}")
