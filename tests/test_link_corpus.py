"""Linking quality on the labelled corpora, as benchmarks/score_linking.py measures it.

These are regression guards on real labelled data: the figures the closing notes and
docs quote must not silently get worse.  Each floor is set a little below the figure
measured on its corpus (see docs/linking.md for which corpora fitted the weights).
"""

from __future__ import annotations

import json
from decimal import Decimal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def score(corpus: str) -> dict:
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "score_linking.py"), "--split", "all", "--json",
                          "--corpus", str(ROOT / "tests" / "corpus" / corpus)],
                         capture_output=True, text=True, timeout=300, check=True)
    return json.loads(run.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("corpus, right_floor, false_ceiling", [
    ("linking", 0.86, 0.05),
    ("linking-holdout", 0.86, 0.07),
    ("linking-holdout2", 0.80, 0.08),
    ("linking-holdout3", 0.86, 0.12),
    ("linking-holdout4", 0.90, 0.06),
    ("linking-holdout5", 0.84, 0.14),
    ("linking-holdout6", 0.81, 0.09),
    ("linking-holdout7", 0.81, 0.12),
    ("linking-holdout8", 0.85, 0.11),
    ("linking-holdout9", 0.84, 0.10),
    ("linking-holdout10", 0.83, 0.11),
    ("linking-holdout11", 0.80, 0.06),
    ("linking-holdout12", 0.81, 0.06),
    ("linking-holdout13", 0.82, 0.08),
    ("linking-holdout14", 0.85, 0.15),
    ("linking-holdout15", 0.82, 0.06),
    ("linking-holdout16", 0.88, 0.08),
    ("linking-holdout17", 0.85, 0.10),
    ("linking-holdout18", 0.84, 0.10),
    ("linking-holdout19", 0.82, 0.10),
    ("linking-holdout20", 0.83, 0.10),
    ("linking-holdout21", 0.82, 0.25),
    ("linking-holdout22", 0.84, 0.12),
    ("linking-holdout23", 0.86, 0.16),
    ("linking-holdout24", 0.80, 0.05),
    ("linking-holdout25", 0.83, 0.14),
    ("linking-holdout26", 0.84, 0.07),
    ("linking-holdout27", 0.80, 0.07),
    ("linking-holdout28", 0.83, 0.14),
    ("linking-holdout29", 0.89, 0.12),
    ("linking-holdout30", 0.80, 0.10),
    ("linking-holdout31", 0.85, 0.06),
    ("linking-holdout32", 0.88, 0.05),
    ("linking-holdout33", 0.80, 0.06),
    ("linking-holdout34", 0.83, 0.08),
    ("linking-holdout35", 0.86, 0.06),
    ("linking-holdout36", 0.81, 0.06),
    ("linking-holdout37", 0.85, 0.08),
    ("linking-holdout38", 0.82, 0.05),
    ("linking-holdout39", 0.86, 0.10),
    ("linking-holdout40", 0.84, 0.08),
    ("linking-holdout41", 0.85, 0.08),
    ("linking-holdout42", 0.83, 0.05),
    ("linking-holdout43", 0.86, 0.14),
    ("linking-holdout44", 0.87, 0.10),
    ("linking-holdout45", 0.86, 0.08),
    ("linking-holdout46", 0.83, 0.08),
    ("linking-holdout47", 0.84, 0.09),
    ("linking-holdout48", 0.87, 0.07),
    ("linking-holdout49", 0.91, 0.05),
    ("linking-holdout50", 0.88, 0.05),
    ("linking-holdout51", 0.85, 0.13),
    ("linking-holdout52", 0.91, 0.13),
    ("linking-holdout53", 0.87, 0.09),
    ("linking-holdout54", 0.91, 0.06),
    ("linking-holdout55", 0.91, 0.05),
    ("linking-holdout56", 0.89, 0.06),
    ("linking-holdout57", 0.88, 0.07),
    ("linking-holdout58", 0.87, 0.08),
    ("linking-holdout59", 0.86, 0.05),
    ("linking-holdout60", 0.88, 0.12),
    ("linking-holdout61", 0.86, 0.08),
])
def test_linking_quality_holds(corpus, right_floor, false_ceiling):
    t = score(corpus)
    scored = t["with_gold"] - t["finder_misses"]
    right, false = t["right"] / scored, t["false_links"] / t["null_gold"]
    assert right >= right_floor, f"{corpus}: linked right {right:.3f} < {right_floor}"
    assert false <= false_ceiling, f"{corpus}: false links {false:.3f} > {false_ceiling}"
    assert t["quotes_located"] / t["quotes"] >= 0.9 and t["quote_false"] == 0
    assert t["fidelity_right"] / t["quotes_located"] >= 0.9


@pytest.mark.parametrize("corpus", ["linking", "linking-holdout", "linking-holdout2", "linking-holdout3",
                                    "linking-holdout4", "linking-holdout5", "linking-holdout6",
                                    "linking-holdout7", "linking-holdout8", "linking-holdout9",
                                    "linking-holdout10", "linking-holdout11", "linking-holdout12",
                                    "linking-holdout13", "linking-holdout14", "linking-holdout15",
                                    "linking-holdout16", "linking-holdout17",
                                    "linking-holdout18", "linking-holdout19", "linking-holdout20",
                                    "linking-holdout21", "linking-holdout22", "linking-holdout23",
                                    "linking-holdout24", "linking-holdout25", "linking-holdout26",
                                    "linking-holdout27", "linking-holdout28", "linking-holdout29",
                                    "linking-holdout30", "linking-holdout31", "linking-holdout32",
                                    "linking-holdout33", "linking-holdout34", "linking-holdout35",
                                    "linking-holdout36", "linking-holdout37", "linking-holdout38",
                                    "linking-holdout39", "linking-holdout40", "linking-holdout41",
                                    "linking-holdout42", "linking-holdout43", "linking-holdout44",
                                    "linking-holdout45", "linking-holdout46", "linking-holdout47",
                                    "linking-holdout48", "linking-holdout49", "linking-holdout50",
                                    "linking-holdout51", "linking-holdout52", "linking-holdout53",
                                    "linking-holdout54", "linking-holdout55", "linking-holdout56",
                                    "linking-holdout57", "linking-holdout58", "linking-holdout59",
                                    "linking-holdout60", "linking-holdout61"])
def test_every_label_agrees_with_its_texts(corpus):
    run = subprocess.run([sys.executable, str(ROOT / "tests" / "corpus" / "linking" / "_validate.py"),
                          "--corpus", str(ROOT / "tests" / "corpus" / corpus)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert run.stdout.rstrip().endswith("0 errors")


def test_the_scorer_reads_an_operand_restated_elsewhere_in_its_line():
    # a derived figure's operand counts where the document states its value again; a bare year
    # read alone is no figure, so it is read in its line
    import importlib.util
    spec = importlib.util.spec_from_file_location("score_linking", ROOT / "benchmarks" / "score_linking.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    text = "Funds were obligated for deployment in fiscal years 2021 through 2025.\nIn 2021, 4,180 sites opened."
    at = text.index("2021, 4,180")
    assert scorer._value(text, at, at + 4) == 2021
    assert scorer._value(text, text.index("4,180"), text.index("4,180") + 5) == 4180
    assert scorer._value(text, text.index("deployment"), text.index("deployment") + 10) is None
    # a table cell in thousands, or a figure rounded at its last digit, states the operand too
    table = "Sales (thousands)     398     676\nRevenue rose to $6.58 million.\nIt served 6,580 people."
    cell, rounded = scorer._read(table, 22, 25), scorer._read(table, table.index("$6.58"), table.index(" million."))
    assert scorer._restates(cell, {Decimal(398000)}) and scorer._restates(rounded, {Decimal(6580140)})
    assert not scorer._restates(cell, {Decimal(397000)}) and not scorer._restates(rounded, {Decimal(6620000)})
    people = scorer._read(table, table.index("6,580"), table.index(" people"))
    assert not scorer._restates(people, {Decimal(6581)})  # an exact count rounds nothing


def test_the_fitter_fits_only_the_weights_named_and_holds_the_rest_as_shipped():
    from claimgraph.index import LINK_FEATURES, LINK_WEIGHTS

    fitter = [sys.executable, str(ROOT / "benchmarks" / "fit_linking.py"), "--split", "dev"]
    run = subprocess.run(fitter + ["--only", "doc_local"], capture_output=True, text=True, timeout=300, check=True)
    table = [line for line in run.stdout.splitlines() if "  # " in line]
    assert [line.split("# ")[1].split()[0] for line in table] == list(LINK_FEATURES)
    for line, name, shipped in zip(table, LINK_FEATURES, LINK_WEIGHTS):
        weight = float(line.split(",")[0])
        if name == "doc_local":
            assert "(held)" not in line and weight > 0  # words near both figures agreeing is evidence
        else:
            assert line.endswith("(held)") and weight == pytest.approx(shipped, abs=5e-4)
    bad = subprocess.run(fitter + ["--only", "doc_locl"], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "no feature 'doc_locl'" in bad.stderr and "doc_local" in bad.stderr
