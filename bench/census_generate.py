#!/usr/bin/env python3
"""Synthetic Census 2021 output-area tables for the segment-profile benchmark.

    census_generate.py OUT_DIR [AREAS]

Writes, in the published layouts, AREAS output areas (default 188,880, England and
Wales): oac21ew.csv (oa21cd, supergroup, group, subgroup), the ONS OA -> LAD lookup
(OA21CD, ..., LAD22CD, LAD22NM) and the six NOMIS bulk tables census2021-ts007a-oa.csv,
-ts008 (headers ending "; measures: Value"), -ts021, -ts038, -ts030 and -ts039, each with
every published column, in order. Counts are random (seed fixed) but add up as the
published tables do: subtotal columns equal the sum of their parts.
"""
import csv
import json
import os
import random
import sys

AGE = ["Age: Total"] + ["Age: Aged 4 years and under"] + [
    f"Age: Aged {a} to {a + 4} years" for a in range(5, 85, 5)] + ["Age: Aged 85 years and over"]
SEX = ["Sex: All persons", "Sex: Female", "Sex: Male"]
ETHNIC = {  # subtotal -> parts
    "Asian, Asian British or Asian Welsh": ["Bangladeshi", "Chinese", "Indian", "Pakistani", "Other Asian"],
    "Black, Black British, Black Welsh, Caribbean or African": ["African", "Caribbean", "Other Black"],
    "Mixed or Multiple ethnic groups": ["White and Asian", "White and Black African", "White and Black Caribbean",
                                        "Other Mixed or Multiple ethnic groups"],
    "White": ["English, Welsh, Scottish, Northern Irish or British", "Irish", "Gypsy or Irish Traveller", "Roma",
              "Other White"],
    "Other ethnic group": ["Arab", "Any other ethnic group"],
}
DISABILITY = {
    "Disabled under the Equality Act": ["Day-to-day activities limited a lot",
                                        "Day-to-day activities limited a little"],
    "Not disabled under the Equality Act": [
        "Has long term physical or mental health condition but day-to-day activities are not limited",
        "No long term physical or mental health conditions"],
}
RELIGION = ["No religion", "Christian", "Buddhist", "Hindu", "Jewish", "Muslim", "Sikh", "Other religion",
            "Not answered"]
CARE = {
    "Provides no unpaid care": [],
    "Provides 19 hours or less unpaid care a week": ["Provides 9 hours or less unpaid care a week",
                                                      "Provides 10 to 19 hours unpaid care a week"],
    "Provides 20 to 49 hours unpaid care a week": ["Provides 20 to 34 hours unpaid care a week",
                                                    "Provides 35 to 49 hours unpaid care a week"],
    "Provides 50 or more hours unpaid care a week": [],
}


def split(rng, total, parts):
    """total split into `parts` whole numbers at random."""
    cuts = sorted(rng.randint(0, total) for _ in range(parts - 1))
    edges = [0] + cuts + [total]
    return [edges[i + 1] - edges[i] for i in range(parts)]


def nested(rng, total, groups, label, flat=False):
    """Columns for a table of subtotals and their parts: header names and values. The
    parts are headed "Label: Group: Part", or "Label: Part" when `flat` (as TS039 is)."""
    names, values = [], []
    shares = split(rng, total, len(groups))
    for (group, parts), n in zip(groups.items(), shares):
        names.append(f"{label}: {group}")
        values.append(n)
        for part, m in zip(parts, split(rng, n, len(parts)) if parts else []):
            names.append(f"{label}: {part}" if flat else f"{label}: {group}: {part}")
            values.append(m)
    return names, values


def classification_subgroups():
    """The 52 subgroup codes of the 2021 classification (templates/segments/oac2021.json),
    so that every area joins to a segment the classification knows."""
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "templates", "segments", "oac2021.json")) as f:
        return [s["code"] for s in json.load(f)["levels"]["subgroup"]]


def main():
    out = sys.argv[1]
    areas = int(sys.argv[2]) if len(sys.argv) > 2 else 188880
    os.makedirs(out, exist_ok=True)
    rng = random.Random(2021)
    subgroups = classification_subgroups()
    files = {t: open(os.path.join(out, f"census2021-{t}-oa.csv"), "w", newline="")
             for t in ["ts007a", "ts008", "ts021", "ts038", "ts030", "ts039"]}
    writers = {t: csv.writer(f, lineterminator="\n") for t, f in files.items()}
    with open(os.path.join(out, "oac21ew.csv"), "w", newline="") as oac_file, \
            open(os.path.join(out, "oa_lad.csv"), "w", newline="") as lad_file:
        oac = csv.writer(oac_file, lineterminator="\n")
        lad = csv.writer(lad_file, lineterminator="\n")
        oac.writerow(["oa21cd", "supergroup", "group", "subgroup"])
        lad.writerow(["OA21CD", "LSOA21CD", "MSOA21CD", "LAD22CD", "LAD22NM"])
        head = ["date", "geography", "geography code"]
        writers["ts007a"].writerow(head + AGE)
        writers["ts008"].writerow(head + [f"{s}; measures: Value" for s in SEX])
        writers["ts021"].writerow(head + ["Ethnic group: Total: All usual residents"] + nested(rng, 0, ETHNIC, "Ethnic group")[0])
        writers["ts038"].writerow(head + ["Disability: Total: All usual residents"] + nested(rng, 0, DISABILITY, "Disability")[0])
        writers["ts030"].writerow(head + ["Religion: Total: All usual residents"] + [f"Religion: {r}" for r in RELIGION])
        writers["ts039"].writerow(head + ["Provision of unpaid care: Total: All usual residents aged 5 and over"] +
                                  nested(rng, 0, CARE, "Provision of unpaid care", flat=True)[0])
        for i in range(areas):
            code = f"{'E' if i < 177000 else 'W'}00{i + 1:06d}"
            sub = subgroups[rng.randrange(len(subgroups))]
            oac.writerow([code, sub[0], sub[:2], sub])
            lad.writerow([code, f"E01{i // 5:06d}", f"E02{i // 25:06d}", f"E06{i // 600:06d}", f"Authority {i // 600}"])
            people = rng.randint(100, 600)
            row = [2021, code, code]
            ages = split(rng, people, len(AGE) - 1)
            writers["ts007a"].writerow(row + [people] + ages)
            female = rng.randint(0, people)
            writers["ts008"].writerow(row + [people, female, people - female])
            writers["ts021"].writerow(row + [people] + nested(rng, people, ETHNIC, "")[1])
            writers["ts038"].writerow(row + [people] + nested(rng, people, DISABILITY, "")[1])
            writers["ts030"].writerow(row + [people] + split(rng, people, len(RELIGION)))
            over5 = people - ages[0]
            writers["ts039"].writerow(row + [over5] + nested(rng, over5, CARE, "")[1])
    for f in files.values():
        f.close()


if __name__ == "__main__":
    main()
