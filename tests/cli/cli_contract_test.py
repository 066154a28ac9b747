#!/usr/bin/python3
"""The equivalue-cli contract (docs/FORMAT.md, README): exit statuses, messages and the
calc --json figures of the method's worked example, checked through the real binary.

Usage: cli_contract_test.py CLI FIXTURES_DIR EXAMPLES_DIR
Prints one line per check and closes with 'N passed, N failed'.
"""
import json
import os
import subprocess
import sys
import tempfile

cli, fixtures, examples = sys.argv[1], sys.argv[2], sys.argv[3]
passed = failed = 0


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


def run(*args, stdin=None):
    p = subprocess.run([cli, *args], capture_output=True, timeout=120)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


worked = os.path.join(fixtures, "worked_example.json")

# calc --json: the method's worked check, to the penny.
code, out, err = run("calc", worked, "--json")
check("calc exits 0", code == 0, err)
result = json.loads(out)["changes"][0]
sroi = result["sroi"]
for key, expected in [("present_value", 68496.75), ("total_inputs", 50000.00), ("npv", 18496.75),
                      ("ratio", 1.3699), ("net_ratio", 0.3699), ("payback_months", 22.22), ("breakeven_year", 3)]:
    check(f"calc {key} = {expected}", sroi[key] == expected, f"got {sroi[key]}")
check("year 1 value", sroi["years"][0] == {"year": 1, "value": 27000.0, "discount_factor": 0.966184,
                                           "present_value": 26086.96, "cumulative_present_value": 26086.96},
      sroi["years"][0])
sv = sroi["switching_values"]
for key, expected in [("proxy", 729.96), ("quantity", 36.5), ("deadweight", 0.416), ("displacement", 0.343),
                      ("attribution", 0.4525), ("drop_off", 0.3996)]:
    check(f"switching {key} = {expected}", sv["O1"][key] == expected, f"got {sv['O1'][key]}")
check("switching discount rate", sv["discount_rate"] == 0.2268, sv["discount_rate"])
mc = sroi["monte_carlo"]
check("monte carlo draws default 10000", mc["draws"] == 10000)
check("monte carlo percentiles ordered", mc["ratio_p5"] <= mc["ratio_p50"] <= mc["ratio_p95"])
age = result["affected"]["characteristics"]["age"]["65+"]
check("affected total 6300", result["affected"]["total"] == 6300)
check("affected 65+", age == {"affected": 2142, "share": 0.34, "base_share": 0.34, "ratio": 1.0, "flag": False}, age)

# Seeds: the same seed gives the same figures, another seed other figures.
a = json.loads(run("calc", worked, "--json", "--seed", "7", "--draws", "2000")[1])
b = json.loads(run("calc", worked, "--json", "--seed", "7", "--draws", "2000")[1])
c = json.loads(run("calc", worked, "--json", "--seed", "8", "--draws", "2000")[1])
check("same seed same monte carlo", a == b)
check("other seed other monte carlo",
      a["changes"][0]["sroi"]["monte_carlo"] != c["changes"][0]["sroi"]["monte_carlo"])
check("draws option honoured", a["changes"][0]["sroi"]["monte_carlo"]["draws"] == 2000)

# Every bundled example is valid and calculates.
for name in sorted(os.listdir(examples)):
    if name.endswith(".json"):
        path = os.path.join(examples, name)
        check(f"example {name} validates", run("validate", path)[0] == 0)
        check(f"example {name} calculates", run("calc", path)[0] == 0)

# Human-readable calc.
code, out, _ = run("calc", worked)
check("calc table shows the ratio", "1.37 : 1" in out and "£68,496.75" in out, out[:300])
check("--change picks one", run("calc", worked, "--change", "C1")[0] == 0)
code, _, err = run("calc", worked, "--change", "C9")
check("unknown --change is exit 2", code == 2 and "C9" in err, err)

# Bad input: exit 2, a clear message naming the place, nothing on stdout, never a signal.
tmp = tempfile.mkdtemp()


def bad(name, content, expect_in_message):
    path = os.path.join(tmp, name)
    with open(path, "wb") as f:
        f.write(content)
    for command in ("validate", "calc"):
        code, out, err = run(command, path)
        check(f"{command} {name}: exit 2", code == 2, f"exit {code} stderr {err[:300]}")
        check(f"{command} {name}: message", expect_in_message in err and path in err, err[:300])
        check(f"{command} {name}: nothing on stdout", out == "", out[:200])


text = open(worked, encoding="utf-8").read()
bad("empty.json", b"", "the file is empty")
bad("truncated.json", text[: len(text) // 2].encode(), "not valid JSON at line")
bad("not-json.json", b"name,amount\nGrant,5000\n", "not valid JSON at line 1")
bad("deep.json", b"[" * 200000 + b"]" * 200000, "nested more than 64 levels")
bad("huge-number.json", text.replace('"quantity": 50', '"quantity": 1e400').encode(), "the number 1e400 is out of range")
bad("nan.json", text.replace('"quantity": 50', '"quantity": NaN').encode(), "not valid JSON")
bad("bad-utf8.json", text.replace("Older residents", "Older \xff residents").encode("latin-1"), "not valid JSON")
bad("percentage.json", text.replace('"deadweight": 0.20', '"deadweight": 20').encode(),
    "changes[0].sroi.outcomes[0].deadweight: must be between 0 and 1, got 20 (did you mean 0.20?)")
bad("dangling.json", text.replace('"stakeholder": "S1", "description": "Less', '"stakeholder": "S7", "description": "Less').encode(),
    "no stakeholder has the id \"S7\"")

code, _, err = run("calc", tmp)
check("a folder is exit 2 with a message", code == 2 and "folder" in err, err)
code, _, err = run("calc", os.path.join(tmp, "missing.json"))
check("a missing file is exit 2 with a message", code == 2 and "no such file" in err, err)

# An impact on a characteristic neither the template nor the segments have is wrong, not
# incomplete: exit 2 naming it, whatever the assessment's state (C3 is a draft).
round_ = json.load(open(os.path.join(fixtures, "budget_round.json"), encoding="utf-8"))
round_["changes"][2]["eqia"]["impacts"].append({"characteristic": "star-sign", "rating": "neutral",
                                                  "evidence": "Horoscopes"})
star = os.path.join(tmp, "star-sign.json")
with open(star, "w", encoding="utf-8") as f:
    json.dump(round_, f)
code, out, err = run("validate", star)
check("validate star-sign impact on a draft: exit 2", code == 2, f"exit {code} stdout {out[:300]}")
check("validate star-sign impact: names the impact",
      'changes[2].eqia.impacts[1].characteristic: "star-sign" is not a characteristic of the england template' in err,
      err[:400])
check("validate star-sign impact: nothing on stdout", out == "", out[:200])

# Usage errors are exit 2.
for args in ([], ["frobnicate"], ["calc"], ["calc", worked, "--draws", "0"], ["calc", worked, "--seed", "x"]):
    code, _, _ = run(*args)
    check(f"usage {' '.join(args) or '(none)'}: exit 2", code == 2, f"exit {code}")
check("--help is exit 0", run("--help")[0] == 0)

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
