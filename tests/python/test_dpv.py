"""Consent records as W3C DPV JSON-LD after ISO/IEC TS 27560 (issue 18, item 9): the export is
JSON-LD a processor (pyld) expands into the DPV, EU-GDPR and Dublin Core vocabularies; it reads
back to the same records in Python; importing adds them all or nothing; a newer profile and bad
documents are typed errors without values."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from pyld import jsonld  # type: ignore[import-untyped]

import brobygger as bb

AS_OF = dt.date(2017, 1, 1)
DPV = "https://w3id.org/dpv#"
GDPR = "https://w3id.org/dpv/legal/eu/gdpr#"
DCT = "http://purl.org/dc/terms/"


def no_remote_context(url: str, options: Any = None) -> Any:
    raise AssertionError(f"the document asked for a remote context: {url}")


def expanded(text: str) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = jsonld.expand(json.loads(text), {"documentLoader": no_remote_context})
    return result


def test_the_export_is_json_ld_in_the_dpv_vocabulary() -> None:
    d = bb.Dossier.example("ikast-brande")
    text = d.privacy.export_dpv(AS_OF)
    graph = expanded(text)[0]["@graph"]
    records = [n for n in graph if f"{DPV}ConsentRecord" in n.get("@type", [])]
    assert len(records) == len(d.privacy.consents) > 0
    for r in records:
        for field in [f"{DCT}identifier", f"{DPV}hasDataSubject", f"{DPV}hasDataController", f"{DPV}hasPurpose",
                      f"{DPV}hasLegalBasis", f"{DPV}hasConsentStatus", f"{DPV}hasNotice", f"{DCT}conformsTo",
                      f"{DCT}hasPart"]:
            assert field in r, field
        bases = {b["@id"] for b in r[f"{DPV}hasLegalBasis"]}
        assert {f"{DPV}Consent", f"{GDPR}A6-1-a"} <= bases
        status = r[f"{DPV}hasConsentStatus"][0]["@id"]
        assert status in {f"{DPV}ConsentGiven", f"{DPV}ConsentWithdrawn", f"{DPV}ConsentExpired", f"{DPV}ConsentUnknown"}
        subject = r[f"{DPV}hasDataSubject"][0][f"{DCT}identifier"][0]["@value"]
        assert subject.split(":")[0] in {"newcomer", "person", "offer"}
    handlings = [n for n in graph if f"{DPV}PersonalDataHandling" in n.get("@type", [])]
    assert len(handlings) == len(d.privacy.bases) > 0
    # Every predicate and type expands into a known namespace (nothing is left as a relative IRI).
    known = (DPV, GDPR, DCT, "http://www.w3.org/2001/XMLSchema#", "urn:brobygger:")

    def walk(v: Any) -> None:
        if isinstance(v, dict):
            for k, x in v.items():
                if not k.startswith("@"):
                    assert k.startswith(known), k
                if k == "@type" and isinstance(x, list):
                    assert all(t.startswith(known) for t in x), x
                if k != f"urn:brobygger:dpv#scope":
                    walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    walk(graph)


def test_records_read_back_the_same_and_import_adds_them() -> None:
    for name in bb.example_names():
        d = bb.Dossier.example(name)
        back = bb.read_dpv(d.privacy.export_dpv(AS_OF))
        assert back["consents"] == d.privacy.to_dict().get("consents", []), name
        assert back["bases"] == d.privacy.to_dict().get("bases", []), name
    d = bb.Dossier.example("ikast-brande")
    text = d.privacy.export_dpv(AS_OF)
    data = d.to_dict()
    data["privacy"]["consents"], data["privacy"]["bases"] = [], []
    empty = bb.Dossier.from_dict(data)
    added = empty.privacy.import_dpv(text)
    assert len(added["consents"]) == len(d.privacy.consents)
    assert empty.privacy.to_dict()["consents"] == d.privacy.to_dict().get("consents", [])
    with pytest.raises(bb.ValidationError):
        empty.privacy.import_dpv(text)  # the same ids again: nothing is added
    assert len(empty.privacy.consents) == len(d.privacy.consents)


def test_bad_documents_are_typed_errors_without_values() -> None:
    text = bb.Dossier.example("ikast-brande").privacy.export_dpv(AS_OF)
    with pytest.raises(bb.UnsupportedVersionError) as newer:
        bb.read_dpv(text.replace('"bb:profileVersion": 1', '"bb:profileVersion": 7'))
    assert newer.value.code == "privacy.dpv_version"
    with pytest.raises(bb.ParseError) as syntax:
        bb.read_dpv("{ Fatima")
    assert syntax.value.code == "privacy.dpv_syntax" and "Fatima" not in str(syntax.value)
    doc = json.loads(text)
    record = next(n for n in doc["@graph"] if n["@type"] == "dpv:ConsentRecord")
    record["dpv:hasDataSubject"]["dct:identifier"] = "Fatima Hassan"
    with pytest.raises(bb.InvalidInputError) as bad:
        bb.read_dpv(json.dumps(doc))
    assert bad.value.code == "privacy.dpv_record" and "Fatima" not in str(bad.value)
    assert "@graph[" in str(bad.value)
