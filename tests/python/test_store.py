"""The SQLite store from Python (``bb.Store``): the shared script gives the same log as Rust and
Kotlin, a change that raises stores nothing, writers in threads and processes lose nothing, and
a newer file, a busy store and a tampered trail are typed errors with registered codes."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

import brobygger as bb

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def log_digest(store: bb.Store) -> list[dict[str, Any]]:
    keys = ("seq", "actor", "operation", "collection", "entity", "action", "fields", "digest")
    return [{k: v for k, v in e.items() if k in keys} for e in store.log(records=True)]


def add_maren(d: bb.Dossier) -> None:
    d.add_person("Maren Holm", email="maren@example.org", id="p-7x2k9q")


def test_the_store_script_gives_the_same_log_as_rust(tmp_path: Path) -> None:
    want = json.loads((FIXTURES / "store" / "script.expected.json").read_text(encoding="utf-8"))
    with bb.Store.open(tmp_path / "s.db") as store:
        assert store.is_empty()
        store.import_(bb.Dossier.example("ikast-brande"), "coordinator-1")
        store.update("coordinator-2", "add_person", add_maren)
        with pytest.raises(bb.InvalidInputError) as failed:
            store.update("coordinator-2", "add_person", add_maren)
        history = [
            {"seq": r["seq"], "actor": r["actor"], "action": r["action"], "json": r["json"]}
            for r in store.history("people", "p-7x2k9q", records=True)
        ]
        got = {
            "log": log_digest(store),
            "failed_code": failed.value.code,
            "history": history,
            "verified_events": store.verify_intact()["events"],
            "head": store.head(),
        }
    assert got == want


def test_a_change_that_raises_stores_nothing_and_its_exception_comes_through(tmp_path: Path) -> None:
    with bb.Store.open(tmp_path / "s.db") as store:
        store.import_(bb.Dossier.example("aalborg"), "anna")
        head = store.head()

        def half_done(d: bb.Dossier) -> None:
            add_maren(d)
            raise KeyError("the app changed its mind")

        with pytest.raises(KeyError, match="changed its mind"):
            store.update("anna", "add_person", half_done)
        assert store.head() == head
        assert "p-7x2k9q" not in [p.id for p in store.dossier().people]
        summary = store.update("anna", "add_person", add_maren)
        assert summary == {"created": 1, "updated": 0, "deleted": 0, "erasures": 0, "erased": 0,
                           "redacted": 0}
        assert store.dossier() == bb.Dossier.from_json(store.export_json())
        assert store.verify() == {"events": head + 1, "problem": None}
    with pytest.raises(bb.InvalidInputError) as closed:
        store.head()
    assert closed.value.code == "store.closed"


def test_writers_in_threads_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with bb.Store.open(path) as store:
        store.import_(bb.Dossier.example("horsens"), "anna")
        before = len(store.dossier().people)
    shared = bb.Store.open(path)
    names = ["Ane Berg", "Bo Dahl", "Cai Eng", "Dorte Fisk", "Eva Grøn", "Finn Hjort"]
    errors: list[BaseException] = []

    def writer(i: int) -> None:
        try:
            # Half the writers share one Store, half open their own: both wait, neither loses.
            store = shared if i % 2 else bb.Store.open(path)
            for round_ in range(3):
                store.update(f"writer-{i}", "add_person", lambda d: d.add_person(f"{names[i]} {round_}"))
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    people = shared.dossier().people
    assert len(people) == before + 18
    assert len({p.name for p in people}) == len(people)
    assert shared.verify()["problem"] is None
    shared.close()


WRITER = """
import sys
import brobygger as bb
with bb.Store.open(sys.argv[1]) as store:
    for round_ in range(3):
        store.update("process-" + sys.argv[2], "add_person",
                     lambda d: d.add_person("Person " + sys.argv[2] + " " + str(round_)))
"""


def test_writers_in_processes_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with bb.Store.open(path) as store:
        store.import_(bb.Dossier.example("horsens"), "anna")
        before = len(store.dossier().people)
    children = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(i)], stderr=subprocess.PIPE, text=True)
        for i in range(6)
    ]
    for child in children:
        _, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
    with bb.Store.open(path) as store:
        assert len(store.dossier().people) == before + 18
        actors = set(store.log()["actor"])
        assert {f"process-{i}" for i in range(6)} <= actors
        assert store.verify()["problem"] is None


def test_a_newer_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    bb.Store.open(path).close()
    conn = sqlite3.connect(path)
    (written,) = conn.execute("PRAGMA user_version").fetchone()  # the schema this library writes
    conn.execute("PRAGMA user_version = 99")
    conn.close()  # the last connection checkpoints the write-ahead log into the file
    before = path.read_bytes()
    with pytest.raises(bb.UnsupportedVersionError) as e:
        bb.Store.open(path)
    assert (e.value.code, e.value.found, e.value.supported) == ("store.newer_schema", 99, written)
    assert written >= 1
    assert path.read_bytes() == before
    assert bb.code_info("store.newer_schema") is not None


BLOCKER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(60)
"""


def test_a_store_busy_past_the_timeout_is_a_typed_error(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with bb.Store.open(path) as store:
        store.import_(bb.Dossier.example("aalborg"), "anna")
    # Another process holds the write lock (in this process, POSIX locks of two SQLite
    # libraries would not see each other).
    blocker = subprocess.Popen([sys.executable, "-c", BLOCKER, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert blocker.stdout is not None and blocker.stdout.readline().strip() == "locked"
        with bb.Store.open(path, busy_timeout=0.2) as store:
            with pytest.raises(bb.InvalidInputError) as e:
                store.update("bo", "add_person", add_maren)
            assert e.value.code == "store.busy"
    finally:
        blocker.kill()
        blocker.wait()
    with pytest.raises(bb.InvalidInputError) as bad:
        bb.Store.open(path, journal="network")
    assert bad.value.code == "store.options"
    with pytest.raises(bb.InvalidInputError) as bad:
        bb.Store.open(path, durability="sometimes")
    assert bad.value.code == "store.options" and "durability" in str(bad.value)


def test_a_store_that_syncs_every_write_keeps_them(tmp_path: Path) -> None:
    path = tmp_path / "full.db"
    with bb.Store.open(path, durability="full") as store:
        store.import_(bb.Dossier.example("aalborg"), "anna")
        store.update("bo", "add_person", add_maren)
    with bb.Store.open(path, durability="normal") as store:
        assert store.log()["operation"].iloc[-1] == "add_person"


def test_a_tampered_trail_is_found_and_is_a_typed_error(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with bb.Store.open(path) as store:
        store.import_(bb.Dossier.example("aalborg"), "anna")
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE audit SET actor = 'mallory' WHERE seq = 3")
    conn.close()
    with bb.Store.open(path) as store:
        assert store.verify()["problem"] == {"kind": "tampered", "seq": 3}
        with pytest.raises(bb.InvalidInputError) as e:
            store.verify_intact()
        assert e.value.code == "store.tampered"
        assert "mallory" not in str(e.value)


def test_erasure_and_two_copies(tmp_path: Path) -> None:
    d = bb.Dossier.example("ikast-brande")
    newcomer = d.cohorts[0]["newcomers"][0]["id"]
    with bb.Store.open(tmp_path / "a.db") as a, bb.Store.open(tmp_path / "b.db") as b:
        a.import_(d, "anna")
        b.import_(d, "bo")
        since = a.head()
        a.update("anna", "add_person", add_maren)
        changes = a.changes_since(since)
        assert [c["key"] for c in changes["changes"]] == ["p-7x2k9q"]
        report = b.apply(json.dumps(changes), "bo")
        assert (report["applied"], report["conflicts"]) == (1, [])
        assert b.apply(changes, "bo")["applied"] == 0
        summary = a.erase("dpo", dt.date(2020, 1, 1), newcomer=newcomer)
        assert summary["erasures"] == 1 and summary["redacted"] >= 1
        assert newcomer not in a.export_json()
        assert a.verify()["problem"] is None
        assert a.log()["action"].iloc[-1] == "erased"
        with pytest.raises(bb.InvalidInputError) as e:
            a.erase("dpo", dt.date(2020, 1, 1))
        assert e.value.code == "store.erase_subject"


def test_erasing_one_household_empties_its_own_rows_and_keeps_the_others(tmp_path: Path) -> None:
    # ADR 0066: each household is a row of its own (table `personal`), keyed by a digest.
    data = bb.Dossier.example("ikast-brande").to_dict()
    cohort = data["cohorts"][0]
    gone, kept = cohort["newcomers"][0]["id"], cohort["newcomers"][1]["id"]
    cohort["newcomers"][0]["interests"] = ["zyxq-interest"]
    households = "cohorts[].newcomers"
    with bb.Store.open(tmp_path / "s.db") as store:
        store.import_(bb.Dossier.from_dict(data), "anna")
        cohort["newcomers"][1]["area"] = "Ikast Nord"
        store.import_(bb.Dossier.from_dict(data), "anna", "edit")
        rows = sorted({e["entity"] for e in store.log(records=True) if e["collection"] == households})
        assert rows and not any(gone in r or kept in r for r in rows), "a key names a household"

        def naming(id: str) -> list[str]:
            return [
                r
                for r in rows
                if any(v["json"] and id in v["json"] for v in store.history(households, r, records=True))
            ]

        (kept_row,) = naming(kept)
        (gone_row,) = naming(gone)
        summary = store.erase("dpo", dt.date(2017, 1, 1), newcomer=gone)
        assert summary["erased"] >= 1
        assert all(v["json"] is None for v in store.history(households, gone_row, records=True))
        versions = store.history(households, kept_row, records=True)
        assert len(versions) == 2 and "Ikast Nord" in (versions[1]["json"] or "")
        assert all(kept in (v["json"] or "") for v in versions)
        for version in store.history("cohorts", cohort["id"], records=True):
            assert version["json"] is not None, "a version of the cohort was emptied"
            assert gone not in version["json"]
        assert store.verify()["problem"] is None
    for f in tmp_path.iterdir():
        assert b"zyxq" not in f.read_bytes(), f.name
        assert gone.encode() not in f.read_bytes(), f.name


def test_the_log_and_history_are_dataframes_of_the_cores_tables(tmp_path: Path) -> None:
    with bb.Store.open(tmp_path / "s.db") as store:
        store.import_(bb.Dossier.example("ikast-brande"), "anna")
        store.update("bo", "add_person", add_maren)
        log = store.log()
        columns = [c["name"] for c in bb.empty_table("audit_log")["columns"]]
        assert list(log.columns) == columns
        assert str(log["seq"].dtype) == "int64"
        records = store.log(records=True)
        assert len(log) == len(records) == store.head()
        assert list(log["hash"]) == [e["hash"] for e in records]
        assert log["fields"].iloc[-1] == records[-1]["fields"]
        mine = store.log_of("people", "p-7x2k9q")
        assert list(mine["actor"]) == ["bo"]
        assert store.log_of("people", "p-7x2k9q", records=True)[0]["actor"] == "bo"
        history = store.history("people", "p-7x2k9q")
        assert list(history.columns) == [c["name"] for c in bb.empty_table("history")["columns"]]
        assert list(history["action"]) == ["created"]
        assert "Maren Holm" in history["json"].iloc[0]
        # An empty log still has the table's columns.
    with bb.Store.open(tmp_path / "empty.db") as empty:
        assert list(empty.log().columns) == columns and len(empty.log()) == 0


def test_a_call_on_the_store_from_inside_its_own_change_is_refused(tmp_path: Path) -> None:
    with bb.Store.open(tmp_path / "s.db") as store:
        store.import_(bb.Dossier.example("ikast-brande"), "anna")
        seen: list[str] = []

        def nested(d: bb.Dossier) -> None:
            for call in (
                store.head,
                store.dossier,
                lambda: store.log(records=True),
                lambda: store.update("anna", "inner", add_maren),
                store.close,
            ):
                with pytest.raises(bb.InvalidInputError) as e:
                    call()
                seen.append(e.value.code)
            add_maren(d)

        store.update("anna", "outer", nested)
        assert seen == ["store.reentrant"] * 5
        # The outer change was stored, once; the store works again after it.
        assert store.log()["operation"].iloc[-1] == "outer"
        assert len(store.log_of("people", "p-7x2k9q")) == 1

        # A change that lets the refusal through raises it and stores nothing.
        head = store.head()
        with pytest.raises(bb.InvalidInputError) as e:
            store.update("anna", "again", lambda d: store.head())
        assert e.value.code == "store.reentrant" and store.head() == head
