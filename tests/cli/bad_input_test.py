#!/usr/bin/python3
"""Bad input, command by command: each class of damaged or unusual file is fed to each
command that reads that kind of file, through the real equivalue-cli binary.

A file that is refused must give exit status 2, a message on stderr naming the file
(and the place in it: line, column or field, where there is one), nothing on stdout
and no output file. A file that is read under a stated rule (a byte order mark, CRLF
line ends, a date that cannot be read) must give exit status 0.

Usage: bad_input_test.py CLI FIXTURES_DIR [--table | --check-doc RELIABILITY.md]
  --table       print the table of classes and what each command gives (Markdown)
  --check-doc   also check that the table in the document is the one observed
Prints one line per check and closes with 'N passed, N failed'.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading

CLI, FIXTURES = sys.argv[1], sys.argv[2]
WORK = tempfile.mkdtemp(prefix="equivalue-bad-input-")
passed = failed = 0

REFUSED_AT = "exit 2, file and place"  # the message names the file and the line, column or field
REFUSED = "exit 2, file"               # the whole file is at fault: the message names it
READ = "read (exit 0)"                 # accepted under a stated rule
NA = "n/a"

# ---------------------------------------------------------------- the valid files

WORKED = open(os.path.join(FIXTURES, "worked_example.json"), "rb").read()
TRANSACTIONS = (b"postcode,channel,date,customer_id\n"
                b"AB1 2CD,web,2026-01-05,C1\nAB1 2CE,telephone,2026-01-06,C2\nAB1 2CF,face-to-face,2026-01-07,C3\n")
LOOKUP = (b"pcds,oa21cd,supergroup\n"
          b"AB1 2CD,E00000001,1\nAB1 2CE,E00000002,1\nAB1 2CF,E00000003,1\n")
COSTS = b"channel,unit_cost\nface-to-face,8.62\ntelephone,2.83\nweb,0.15\n"
SEGMENTS = (b"segment,population,age:0-15,age:16-64,age:65+,disability:disabled,disability:not disabled\n"
            b"1,21000,0.14,0.52,0.34,0.21,0.79\n")


def json_with(path, value):
    """The worked example with one field replaced (path: keys and indexes)."""
    data = json.loads(WORKED)
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return json.dumps(data, indent=1).encode()


def json_raw(path, raw):
    """The worked example with one field's JSON text replaced by `raw` (bytes)."""
    marker = "@@RAW@@"
    return json_with(path, marker).replace(b'"' + marker.encode() + b'"', raw)


NAME = ["project", "name"]
QUANTITY = ["changes", 0, "sroi", "outcomes", 0, "quantity"]
REVIEW = ["changes", 0, "eqia", "review_date"]


def crlf(text):
    return text.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def each_line(text, change):
    return b"\n".join(change(line) if line else line for line in text.split(b"\n"))


def second_line_starts(text, prefix):
    """`prefix` put at the start of the first data row (after the header)."""
    header, rest = text.split(b"\n", 1)
    return header + b"\n" + prefix + rest


GOOD = {"json": WORKED, "transactions": TRANSACTIONS, "lookup": LOOKUP, "costs": COSTS, "segments": SEGMENTS}
CSV_KINDS = ["transactions", "lookup", "costs", "segments"]


def for_csv(make, only=CSV_KINDS):
    return {kind: make(GOOD[kind]) for kind in only}


# Each class of bad input, made from each kind of file it applies to. "a directory" and
# "a file that vanishes mid-read" are made by the runner for every kind.
CLASSES = {
    "empty": {"json": b"", "eqv": b"", **for_csv(lambda good: b"")},
    "truncated": {"json": WORKED[: len(WORKED) // 2], "eqv": "half of a project file",
                  **for_csv(lambda good: good[: len(good) - 9])},
    "wrong type": {"json": json_with(["changes"], "none"), "eqv": "a database of another program",
                   **for_csv(lambda good: WORKED)},
    "huge": {"json": json_raw(QUANTITY, b"9" * 400_000), **for_csv(lambda good: b"x" * (2 << 20) + b"\n" + good)},
    "deep": {"json": b"[" * 100_000 + b"]" * 100_000},
    "invalid UTF-8": {"json": json_raw(NAME, b'"Library \xff\xfe plan"'),
                      **for_csv(lambda good: second_line_starts(good, b"\xff\xc3\x28"))},
    "NUL bytes": {"json": json_raw(NAME, b'"Library\x00plan"'), "eqv": b"\x00" * 8192,
                  **for_csv(lambda good: second_line_starts(good, b"\x00"))},
    "BOM": {"json": b"\xef\xbb\xbf" + WORKED, **for_csv(lambda good: b"\xef\xbb\xbf" + good)},
    "CRLF": {"json": crlf(WORKED), **for_csv(crlf)},
    "ragged rows": for_csv(lambda good: good + b"a,b,c,d,e,f,g,h,i,j\n"),
    "unclosed quotes": {"json": WORKED.replace(b'"Method worked example"', b'"Method worked example'),
                        **for_csv(lambda good: good + b'"AB1 2CD,web\n')},
    "duplicate columns": {"json": WORKED.replace(b'"name": "Method worked example",',
                                                 b'"name": "Method worked example", "name": "Other",'),
                          **for_csv(lambda good: each_line(good, lambda line: line.split(b",")[0] + b"," + line))},
    "numbers out of range": {"json": json_raw(QUANTITY, b"1e999"), "costs": COSTS.replace(b"0.15", b"1e999"),
                             "segments": SEGMENTS.replace(b"21000", b"1" + b"0" * 40)},
    "dates that are not dates": {"json": json_with(REVIEW, "2027-02-30"),
                                 "transactions": TRANSACTIONS.replace(b"2026-01-06", b"2026-13-45")},
    "a directory": {},
    "a file that vanishes mid-read": {},
}

# ---------------------------------------------------------------- the commands

WORKED_PATH = os.path.join(WORK, "worked.json")
LOOKUP_PATH = os.path.join(WORK, "lookup.csv")
TRANSACTIONS_PATH = os.path.join(WORK, "transactions.csv")


def profile(transactions=TRANSACTIONS_PATH, lookup=LOOKUP_PATH, costs=None):
    extra = ["--channel-costs", costs] if costs else []
    return lambda out: ["profile", "--transactions", transactions, "--lookup", lookup, "--segments", WORKED_PATH,
                        *extra, "-o", out]


# (command as the table names it, kind of file it reads, arguments given the bad file and
# the output path, name of the output file or None when the command writes to stdout)
COMMANDS = [
    ("validate", "json", lambda f, o: ["validate", f], None),
    ("calc", "json", lambda f, o: ["calc", f, "--draws", "200"], None),
    ("cumulative", "json", lambda f, o: ["cumulative", f], None),
    ("dump", "json", lambda f, o: ["dump", f], None),
    ("import", "json", lambda f, o: ["import", f, "-o", o], "out.eqv"),
    ("export", "json", lambda f, o: ["export", f, "-o", o, "--draws", "200"], "out.xlsx"),
    ("dump (.eqv)", "eqv", lambda f, o: ["dump", f], None),
    ("segments import", "segments", lambda f, o: ["segments", "import", f, "--into", WORKED_PATH, "-o", o], "out.json"),
    ("profile --transactions", "transactions", lambda f, o: profile(transactions=f)(o), "out.xlsx"),
    ("profile --lookup", "lookup", lambda f, o: profile(lookup=f)(o), "out.xlsx"),
    ("profile --channel-costs", "costs", lambda f, o: profile(costs=f)(o), "out.xlsx"),
]
EXTENSION = {"json": ".json", "eqv": ".eqv"}

# What each class gets, where it is not "refused, naming the file and the place".
READ_BY_RULE = {
    ("BOM", kind) for kind in ["json", *CSV_KINDS]} | {("CRLF", kind) for kind in ["json", *CSV_KINDS]} | {
    # A postcode that is not one is counted as unmatched (malformed), as any other would be.
    ("invalid UTF-8", "transactions"), ("NUL bytes", "transactions"),
    # A lookup row without a usable postcode or area is skipped, as the national postcode
    # lookup's rows for non-geographic postcodes are.
    ("invalid UTF-8", "lookup"), ("NUL bytes", "lookup"),
    # A date that cannot be read is counted and reported, not refused (method.md, section 4).
    ("dates that are not dates", "transactions"),
    # dump shows a project as it is; the rules of the data are for validate.
    ("dates that are not dates", "dump"),
}
WHOLE_FILE = {"empty", "a directory", "a file that vanishes mid-read"}


def expected(name, kind, label):
    if (name, kind) in READ_BY_RULE or (name, label) in READ_BY_RULE:
        return READ
    if name in WHOLE_FILE or kind == "eqv" or (name == "wrong type" and kind in CSV_KINDS):
        return REFUSED
    return REFUSED_AT


# ---------------------------------------------------------------- making the bad files

def make_eqv_cases():
    """Half of a real project file, and a SQLite database of some other program."""
    project = os.path.join(WORK, "real.eqv")
    subprocess.run([CLI, "import", WORKED_PATH, "-o", project], check=True, capture_output=True)
    whole = open(project, "rb").read()
    other = os.path.join(WORK, "other.db")
    subprocess.run(["sqlite3", other, "CREATE TABLE notes(id INTEGER, text TEXT); INSERT INTO notes VALUES (1, 'x');"],
                   check=True)
    return {"half of a project file": whole[: len(whole) // 2],
            "a database of another program": open(other, "rb").read()}, whole


def feed_half_then_stop(path, content, give_up):
    """Serves `path`, a named pipe, to the first reader: half the content, then the end."""
    while not give_up.is_set():
        try:
            fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:  # no reader yet
            give_up.wait(0.01)
            continue
        os.set_blocking(fd, True)
        try:
            os.write(fd, content[: len(content) // 2])
        except OSError:
            pass
        os.close(fd)
        return


def run_case(command, kind, name, content, good):
    """Runs one command on one bad file; returns (outcome seen, detail)."""
    label, _, argv, out_name = command
    case = os.path.join(WORK, re.sub(r"[^a-z0-9]+", "-", f"{label}-{name}".lower()).strip("-"))
    os.makedirs(case)
    bad = os.path.join(case, "bad-input" + EXTENSION.get(kind, ".csv"))
    out = os.path.join(case, out_name or "none")
    give_up = threading.Event()
    feeder = None
    if name == "a directory":
        os.makedirs(bad)
    elif name == "a file that vanishes mid-read":
        os.mkfifo(bad)
        feeder = threading.Thread(target=feed_half_then_stop, args=(bad, good, give_up))
        feeder.start()
    else:
        open(bad, "wb").write(content)
    try:
        p = subprocess.run([CLI, *argv(bad, out)], capture_output=True, timeout=120)
        code, stdout, stderr = p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        code, stdout, stderr = "hung", b"", "(no answer within 120 s)"
    finally:
        give_up.set()
        if feeder:
            feeder.join()
    return judge(code, stdout, stderr, bad, out)


def judge(code, stdout, stderr, bad, out):
    written = os.path.exists(out) or any(f.endswith(".part") for f in os.listdir(os.path.dirname(out)))
    if code == 0:
        return READ, ""
    detail = f"exit {code}: {stderr.strip()[:300]}"
    if code != 2 or written or stdout:
        return "FAULT", detail + (" (output written)" if written or stdout else "")
    if "bad-input" not in stderr:
        return "exit 2, file not named", detail
    # The place: a line (and column), or a field path such as "changes[0].sroi: ".
    after = stderr.split(bad, 1)[1] if bad in stderr else stderr
    place = re.search(r"\bline \d+|\bcolumn \d+", after) or re.match(r":? ?[A-Za-z_][\w\[\]\-]*(\.[\w\[\]\-]+)*: ", after)
    return (REFUSED_AT if place else REFUSED), detail


# ---------------------------------------------------------------- the run

def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name}: {detail}")


def markdown_table(seen):
    labels = [c[0] for c in COMMANDS]
    lines = ["| class | " + " | ".join(f"`{label}`" for label in labels) + " |",
             "| --- |" + " --- |" * len(labels)]
    for name in CLASSES:
        lines.append(f"| {name} | " + " | ".join(seen.get((name, label), NA) for label in labels) + " |")
    return "\n".join(lines)


def documented_table(path):
    text = open(path, encoding="utf-8").read()
    found = re.search(r"<!-- bad-input table: begin -->\n(.*?)\n<!-- bad-input table: end -->", text, re.S)
    return found.group(1).strip() if found else None


def main():
    shutil.copy(os.path.join(FIXTURES, "worked_example.json"), WORKED_PATH)
    open(LOOKUP_PATH, "wb").write(LOOKUP)
    open(TRANSACTIONS_PATH, "wb").write(TRANSACTIONS)
    eqv_cases, eqv_whole = make_eqv_cases()
    good = dict(GOOD, eqv=eqv_whole)
    seen = {}
    for command in COMMANDS:
        label, kind = command[0], command[1]
        for name, made in CLASSES.items():
            if name in WHOLE_FILE - {"empty"}:
                content = b""
            elif kind in made:
                content = eqv_cases.get(made[kind], made[kind]) if kind == "eqv" else made[kind]
            else:
                continue
            outcome, detail = run_case(command, kind, name, content, good[kind])
            seen[(name, label)] = outcome
            want = expected(name, kind, label)
            ok = outcome == want or (want == REFUSED and outcome == REFUSED_AT)
            check(f"{label}: {name} gives {want}", ok, f"got {outcome}; {detail}")
    if "--table" in sys.argv:
        print(markdown_table(seen))
    if "--check-doc" in sys.argv:
        doc = sys.argv[sys.argv.index("--check-doc") + 1]
        check(f"the table in {os.path.basename(doc)} is the one observed", documented_table(doc) == markdown_table(seen),
              "rerun with --table and copy the table into the document")
    shutil.rmtree(WORK, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


sys.exit(main())
