"""The Python surface as a whole: every public capability of the core has a Python entry (an
audit that fails when the core grows a capability the package does not reach), every public
name and member has a docstring, ``help()`` is useful, and the stub lists what the module has."""

from __future__ import annotations

import inspect
import pydoc
import re
from pathlib import Path
from typing import Any

import pytest

import brobygger as bb

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "crates" / "core" / "src"

# Every `pub fn` of the core's `impl Dossier` blocks (construction, JSON, lookups and the facet
# accessors) and of its facets (`RolesFacet.analyse`, ...): the Python entry that reaches it
# (resolved against the package), or why there is none.
DOSSIER: dict[str, str] = {
    "new": "Dossier", "example": "Dossier.example", "load": "Dossier.load", "from_json": "Dossier.from_json",
    "to_json": "Dossier.to_json", "save": "Dossier.save", "validate": "Dossier.validate", "check": "Dossier.check",
    "summary": "Dossier.summary", "summary_markdown": "Dossier._repr_markdown_", "agreement": "Dossier.agreement", "LifecycleFacet.transition": "DossierLifecycle.transition",
    "LifecycleFacet.transition_with": "DossierLifecycle.transition", "LifecycleFacet.preview": "DossierLifecycle.preview", "LifecycleFacet.preview_with": "DossierLifecycle.preview",
    "LifecycleFacet.edit_terms": "DossierLifecycle.edit_terms", "LifecycleFacet.amend": "DossierLifecycle.amend", "add_person": "Dossier.add_person",
    "posts_for": "Dossier.posts_held_by", "post": "Dossier.posts", "person": "Dossier.people",
    "municipality": "Dossier.municipalities", "department": "Municipality.departments",
    "organisation": "Dossier.organisations",
    # the facets the dossier hands out
    "lifecycle": "Dossier.lifecycle", "lifecycle_mut": "Dossier.lifecycle", "posts": "Dossier.posts_held_by",
    "posts_mut": "Dossier.handover", "roles": "Roles", "roles_mut": "Roles", "checklists": "Dossier.checklists",
    "checklists_mut": "Dossier.checklists", "matching": "Dossier.matching", "matching_mut": "Dossier.matching",
    "privacy": "Dossier.privacy", "privacy_mut": "Dossier.privacy", "assessment": "Dossier.assessment", "surveys": "Dossier.surveys",
    "surveys_mut": "Dossier.surveys", "reminders": "Dossier.reminders", "meetings": "Dossier.meetings",
    "MeetingsFacet.minutes": "DossierMeetings.minutes", "action_owner_text": "Minutes.meetings", "RolesFacet.agreement": "Roles",
    "PostsFacet.handover": "Dossier.handover", "PostsFacet.held_by": "Dossier.posts_held_by",
    "ChecklistsFacet.render_comparison": "DossierChecklists.render_comparison",
    # roles
    "RolesFacet.split": "Roles.split", "RolesFacet.tasks": "Roles.tasks", "RolesFacet.analyse": "Roles.analyse",
    "RolesFacet.matrix": "Roles.matrix", "RolesFacet.duties": "Roles.duties", "RolesFacet.carriers": "Roles.carriers",
    "RolesFacet.assign": "Roles.assign", "RolesFacet.unassign": "Roles.unassign", "RolesFacet.change": "Roles.change",
    "RolesFacet.amend": "Roles.amend", "RolesFacet.diff": "Roles.diff", "RolesFacet.describe_diff": "Roles.describe_diff",
    "party_name": "RoleMatrix.party_names", "party_label": "RoleMatrix.party_names",
    "party_text": "Carrying.party_name", "party_exists": "Roles.duties",
    # checklists
    "ChecklistsFacet.template": "DossierChecklists.template", "ChecklistsFacet.add_template": "DossierChecklists.add_template",
    "ChecklistsFacet.require": "DossierChecklists.require", "ChecklistsFacet.remove_requirement": "DossierChecklists.remove_requirement",
    "ChecklistsFacet.start": "DossierChecklists.start", "ChecklistsFacet.answer": "DossierChecklists.answer",
    "ChecklistsFacet.submit": "DossierChecklists.submit", "ChecklistsFacet.resolve": "DossierChecklists.resolve",
    "ChecklistsFacet.session": "DossierChecklists.session", "ChecklistsFacet.sessions": "DossierChecklists.sessions",
    "ChecklistsFacet.alignment": "DossierChecklists.alignment", "ChecklistsFacet.alignments": "DossierChecklists.alignments",
    "ChecklistsFacet.readiness": "DossierChecklists.readiness", "ChecklistsFacet.summary": "DossierChecklists.summary",
    # matching and introductions
    "MatchingFacet.rule_set": "Dossier.rule_sets", "MatchingFacet.cohort": "Dossier.cohorts", "MatchingFacet.offer": "Dossier.offers",
    "MatchingFacet.match_cohort": "DossierMatching.match_cohort", "MatchingFacet.match_profiles": "DossierMatching.match_profiles",
    "MatchingFacet.run": "Dossier.match_runs", "MatchingFacet.add_run": "DossierMatching.add_run",
    "MatchingFacet.record_introduction": "DossierMatching.record_introduction", "MatchingFacet.introduction_status": "DossierMatching.introduction_status",
    "MatchingFacet.introductions_due": "DossierMatching.introductions_due", "MatchingFacet.cohort_view": "DossierMatching.cohort_view",
    "MatchingFacet.volunteer_view": "DossierMatching.volunteer_view",
    "MatchingFacet.rematch": "DossierMatching.rematch", "MatchingFacet.why_not": "DossierMatching.why_not",
    # watched (ADR 0067): the same methods with progress= (Ctrl-C always stops them)
    "MatchingFacet.match_cohort_watched": "DossierMatching.match_cohort",
    "MatchingFacet.match_profiles_watched": "DossierMatching.match_profiles",
    "MatchingFacet.rematch_watched": "DossierMatching.rematch", "MatchingFacet.why_not_watched": "DossierMatching.why_not",
    "relationships": "Dossier.relationships", "relationships_mut": "Dossier.relationships",
    "RelationshipsFacet.all": "DossierRelationships.all", "RelationshipsFacet.get": "DossierRelationships.get",
    "RelationshipsFacet.of_household": "DossierRelationships.of_household",
    "RelationshipsFacet.offer_loads": "DossierRelationships.offer_loads",
    "RelationshipsFacet.propose": "DossierRelationships.propose",
    "RelationshipsFacet.propose_run": "DossierRelationships.propose_run",
    "RelationshipsFacet.record": "DossierRelationships.record", "RelationshipsFacet.end": "DossierRelationships.end",
    # assessment, surveys, reports
    "AssessmentFacet.assess": "DossierAssessment.assess", "AssessmentFacet.assess_all": "DossierAssessment.assess_all", "AssessmentFacet.assess_with_sources": "DossierAssessment.assess",
    "AssessmentFacet.health_summary": "DossierAssessment.health_summary", "AssessmentFacet.report": "DossierAssessment.report", "AssessmentFacet.report_sections": "DossierAssessment.report_sections",
    "SurveysFacet.add": "DossierSurveys.add", "SurveysFacet.record_response": "DossierSurveys.record_response", "SurveysFacet.round": "DossierSurveys.round",
    "SurveysFacet.rounds": "DossierSurveys.rounds", "SurveysFacet.results": "DossierSurveys.results", "SurveysFacet.compare": "DossierSurveys.compare",
    "SurveysFacet.record_answers": "DossierSurveys.record_answers", "SurveysFacet.shares": "DossierSurveys.shares",
    "SurveysFacet.share_changes": "DossierSurveys.share_changes", "SurveysFacet.view": "DossierSurveys.view",
    "AssessmentFacet.national_answers": "DossierAssessment.national_answers",
    "AssessmentFacet.compare_with_national": "DossierAssessment.compare_with_national",
    # privacy
    "PrivacyFacet.export_dpv": "DossierPrivacy.export_dpv", "PrivacyFacet.import_dpv": "DossierPrivacy.import_dpv",
    "PrivacyFacet.add_consent": "DossierPrivacy.add_consent", "PrivacyFacet.add_basis": "DossierPrivacy.add_basis",
    "PrivacyFacet.add_retention_policy": "DossierPrivacy.add_retention_policy", "PrivacyFacet.consent": "DossierPrivacy.consents",
    "PrivacyFacet.withdraw_consent": "DossierPrivacy.withdraw_consent", "PrivacyFacet.covering_basis": "DossierPrivacy.covering_basis",
    "PrivacyFacet.propose": "DossierPrivacy.propose", "PrivacyFacet.propose_run": "DossierPrivacy.propose_run",
    "PrivacyFacet.accept": "DossierPrivacy.accept", "PrivacyFacet.decline": "DossierPrivacy.decline",
    "PrivacyFacet.withdraw_proposal": "DossierPrivacy.withdraw_proposal", "PrivacyFacet.expire": "DossierPrivacy.expire",
    "PrivacyFacet.release": "DossierPrivacy.release", "PrivacyFacet.proposal": "DossierPrivacy.proposals",
    "PrivacyFacet.manifest": "DossierPrivacy.manifest", "PrivacyFacet.view_newcomer": "DossierPrivacy.view_newcomer",
    "PrivacyFacet.view_offer": "DossierPrivacy.view_offer", "PrivacyFacet.view_proposal": "DossierPrivacy.view_proposal",
    "PrivacyFacet.anonymise": "DossierPrivacy.anonymise", "PrivacyFacet.anonymised": "DossierPrivacy.anonymised",
    "PrivacyFacet.retention_report": "DossierPrivacy.retention_report", "PrivacyFacet.apply_retention": "DossierPrivacy.apply_retention",
    "PrivacyFacet.safe_table": "DossierPrivacy.safe_table", "PrivacyFacet.analyst_export": "DossierPrivacy.analyst_export",
    "PrivacyFacet.safe_survey_results": "DossierPrivacy.safe_survey_results", "PrivacyFacet.review": "DossierPrivacy.review",
    # reminders
    "RemindersFacet.due": "DossierReminders.due",
    # the association directory and places
    "directory": "Dossier.directory", "place": "Dossier.place",
    "outcomes": "Dossier.outcomes", "outcomes_mut": "Dossier.outcomes",
    # calendars
    "calendar": "Dossier.calendar", "CalendarFacet.export": "DossierCalendar.export", "CalendarFacet.ics": "DossierCalendar.ics",
    "OutcomesFacet.record": "DossierOutcomes.record", "OutcomesFacet.records": "DossierOutcomes.records",
    "OutcomesFacet.cohort_view": "DossierOutcomes.cohort_view",
    "DirectoryFacet.build": "DossierDirectory.build", "DirectoryFacet.search": "DossierDirectory.search",
    "DirectoryFacet.hsds": "DossierDirectory.hsds", "DirectoryFacet.hsds_json": "DossierDirectory.hsds_json",
}
DOSSIER_NOT_EXPOSED = {
    "agreement_mut": "a Rust mutable borrow; Python changes go through the named operations",
    "from_json_bytes": "Python passes text to Dossier.from_json (bytes decode in Python)",
    "check_version": "Dossier.from_dict checks the version of what it reads",
}

# Public free functions of the core's modules.
FREE: dict[str, str] = {
    "dossier_from_sheets": "Dossier.from_sheets", "check_dossier_from_sheets": "Dossier.from_sheets",
    "codes": "codes", "code_info": "code_info", "read_dpv": "read_dpv", "read_ics": "read_ics",
    "vocabulary": "vocabulary", "dossier_schema_json": "dossier_schema_json", "dossier_schema": "dossier_schema_json",
    "example_reference_date": "example_reference_date", "catalogue": "assessment_catalogue",
    "external_source_names": "assessment_catalogue", "check_for_external_code": "assessment_catalogue",
    "builtin_sources": "DossierAssessment.assess", "wilson_interval": "wilson_interval", "newcombe_interval": "DossierSurveys.compare",
    "all": "checklist_templates", "builtin_template": "checklist_template",
    "validate_checklists": "Dossier.validate", "linear_sum_assignment": "linear_sum_assignment",
    "solve_dense": "linear_sum_assignment", "solve_dense_owned": "linear_sum_assignment",
    "solve_dense_bytes": "linear_sum_assignment", "solve_dense_integers": "linear_sum_assignment",
    "linear_sum_assignment_watched": "linear_sum_assignment",
    "solve_dense_owned_watched": "linear_sum_assignment",
    "solve_dense_bytes_watched": "linear_sum_assignment",
    "largest_weakly_stable_watched": "largest_weakly_stable_matching",
    "run": "match_profiles", "run_watched": "match_profiles", "run_consented": "match_profiles_consented", "run_consented_watched": "match_profiles_consented", "candidates": "match_profiles",
    "solve_candidates": "match_profiles", "solve_candidates_watched": "match_profiles", "generate_with_threads": "Profiles.run", "stable": "stable_matching",
    "optimal": "match_profiles", "optimal_by_shortest_paths": "match_profiles", "greedy": "match_profiles",
    "blocking_pairs": "stable_matching", "weakly_stable": "weakly_stable_matching",
    "largest_weakly_stable": "largest_weakly_stable_matching", "weak_blocking_pairs": "weakly_stable_matching",
    "describe": "stable_matching", "describe_binding": "MatchRun.html", "headline": "MatchRun.html",
    "match_tables": "match_tables", "empty_match_table": "match_tables", "tables_of_run": "match_tables",
    "newcomers_from_table": "profiles", "offers_from_table": "profiles", "newcomers_from_json": "profiles",
    "offers_from_json": "profiles", "volunteer_view": "DossierMatching.volunteer_view", "need_vocabulary": "vocabulary",
    "findings_html": "findings_html", "fragment": "RoleMatrix._repr_html_",
    # the presentation layer's tables
    "empty_table": "empty_table", "introductions_table": "introductions_table",
    "relationships_table": "relationships_table", "relationship_events_table": "relationship_events_table",
    "describe_relationship": "relationships_table",
    "survey_shares_table": "survey_shares_table", "survey_changes_table": "survey_changes_table",
    "suppress": "DossierPrivacy.safe_table",
    "age_band": "DossierPrivacy.view_newcomer", "quarter_start": "DossierPrivacy.view_newcomer",
    "signing_findings": "DossierLifecycle.preview", "entries": "vocabulary",
    # spreadsheet lists (CSV) and the follow-up checks of matching
    "read_newcomers_csv": "read_newcomers_csv", "read_offers_csv": "read_offers_csv",
    "newcomers_from_csv": "newcomers_from_csv", "newcomers_from_csv_bytes": "newcomers_from_csv",
    "offers_from_csv": "offers_from_csv", "offers_from_csv_bytes": "offers_from_csv",
    "check_newcomers_csv": "check_newcomers_csv", "check_newcomers_csv_bytes": "check_newcomers_csv",
    "check_offers_csv": "check_offers_csv", "check_offers_csv_bytes": "check_offers_csv",
    "newcomers_to_csv": "newcomers_to_csv", "offers_to_csv": "offers_to_csv",
    "match_run_to_csv": "match_run_to_csv", "csv_columns": "csv_columns",
    "newcomers_to_csv_styled": "newcomers_to_csv_styled", "offers_to_csv_styled": "offers_to_csv_styled",
    "match_run_to_csv_styled": "match_run_to_csv_styled", "newcomers_to_xlsx": "newcomers_to_xlsx",
    "offers_to_xlsx": "offers_to_xlsx", "match_run_to_xlsx": "match_run_to_xlsx",
    "newcomer_columns": "csv_columns", "offer_columns": "csv_columns", "nested_columns": "profiles",
    "kl_2015": "kl_2015", "compare_with_national": "compare_with_national", "kl_2015_shape": "kl_2015_shape",
    "round_shares": "DossierSurveys.shares", "round_changes": "DossierSurveys.share_changes",
    "directory_columns": "directory_columns", "directory_from_csv": "directory_from_csv",
    "directory_from_csv_bytes": "directory_from_csv", "directory_from_sheet": "directory_from_csv",
    "directory_to_csv": "directory_to_csv", "directory_to_sheet": "Directory.to_csv", "hsds_uuid": "hsds_uuid",
    "matching_findings": "DossierAssessment.assess", "introduction_findings": "DossierAssessment.assess", "cohorts_concerning": "DossierAssessment.assess",
}
FREE_NOT_EXPOSED = {
    "party_sheet_template": "the CLI's `template organisations` and `template posts` (an empty sheet with headings); from Python, write the headings with pandas",
    "tied_from_candidates": "tied lists from a run's scores, for Rust callers of weakly_stable; Python passes the tied lists by id (weakly_stable_matching)",
    "simulate_stream": "the arrivals simulator of the benchmarks (cargo run --release -p brobygger --example arrivals)",
    "simulate": "as simulate_stream", "hindsight": "as simulate_stream", "sample_arrivals": "as simulate_stream",
    "simulate_watched": "as simulate_stream",
    "audit_log_table": "Store.log() and log_of() return it as a DataFrame (bb.empty_table('audit_log') names its columns)",
    "history_table": "Store.history() returns it as a DataFrame (bb.empty_table('history') names its columns)",
    "official_municipality_name": "used by validation (a finding names the official name)",
    "redact_message": "used by every error conversion",
    "error_code": "lifts a registered code back from Kotlin and Swift; Python's exceptions carry the code as text",
    "error_path": "used by every error conversion (an unknown key is not repeated in the path)",
    "escape_cell": "applied by every CSV writer (newcomers_to_csv, offers_to_csv, match_run_to_csv)",
    "unescape_cell": "applied by every CSV reader",
    "read_input": "every reader of a file by path (Dossier.load, RuleSet.load, read_newcomers_csv, ...) reads through it",
    "read_input_limited": "as read_input, with another limit",
    "is_known_tag": "used by anonymisation (a free-text industry becomes 'other')",
    "sort_findings": "findings already arrive sorted",
    "format_number": "used in rendered checklists",
    "cvr_checksum_ok": "used by validation", "is_well_formed": "used by validation",
    "is_language_code": "used by validation", "language_name": "used in match explanations",
    "attribute_class": "used by the privacy gate", "is_sensitive": "used by the privacy gate",
    "class_of": "the schema's x-sensitivity, in dossier_schema_json", "field_classes": "as class_of",
    "results_schema": "committed as schema/results.schema.json; Python has its types as brobygger.types TypedDicts (ADR 0068)",
    "results_schema_json": "as results_schema",
    "parse_date": "Python passes datetime.date", "start_of_day": "Python passes datetime",
    "parse_date_arg": "every date argument takes a date or its text (convert.rs Date)",
    "parse_instant_arg": "every instant argument takes a datetime or its text (convert.rs Instant)",
    "csv_header": "the header row is the first line of newcomers_to_csv([]) and of the CLI's template",
    "csv_header_styled": "as csv_header, in a style: the first line of newcomers_to_csv_styled([], style)",
    "date_text": "used by the sheet writers (a day in a cell: DD-MM-YYYY in Danish)",
    "number_text": "used by the sheet writers (a number in a cell, decimal comma in Danish)",
    "is_workbook": "used by every list reader (an .xlsx workbook is told from its bytes)",
    "language_code": "used by the list readers (a language named in Danish or English)",
    "decode_text": "used by the CSV readers of bytes",
    "has_errors": "used by the CSV readers", "problems_error": "used by the CSV readers",
    # the presentation layer's own words, numbers, escaping and writers: Python receives the
    # texts, tables and pages they make
    "t": "texts in place", "decimal_separator": "number formatting", "thousands_separator": "number formatting",
    "integer": "number formatting", "fixed": "number formatting", "decimal": "number formatting",
    "percent": "number formatting", "percent_with": "number formatting", "n": "plural forms",
    "month_name": "date formatting", "long": "date formatting", "iso": "date formatting",
    "markdown": "the Markdown escaper and writer", "html": "the HTML escaper and writer",
    "html_lines": "the HTML escaper", "text": "the document model", "plain": "the text writer",
    "html_document": "the HTML writer", "html_fragment": "the HTML writer",
    "severity_tag": "findings in documents", "line": "findings in documents",
    "count_line": "findings in documents", "columns": "the findings table (findings_table)",
    "line_in_words": "findings in shared reports (RoleMatrix.finding_words gives the words)",
    "references": "the appendix of paths in shared reports",
    "cells": "the findings table (findings_table)", "table": "the findings table (findings_table)",
    "written": "vocabulary values in tables", "pick": "plural forms", "severity_counts": "findings in documents",
    "tag_label": "match explanations name industries and interests in the text's language",
    "codes_markdown": "the guide's reference page; Python reads the same registry with codes()",
    "newcomer_findings": "the validation of a bare list of households (the CLI's validate); Python checks lists as it reads them (check_newcomers_csv)",
    "offer_findings": "as newcomer_findings, for offers (check_offers_csv)",
    # safe writes: every file Python's objects write (Dossier.save, Report.save) goes through
    # them in Rust; a notebook writes its own files with Python's tools
    "write_atomic": "Dossier.save and Report.save write through it",
    "write_atomic_with": "as write_atomic",
    "same_file": "the CLI's --out check; Python has os.path.samefile",
    "refuse_same_file": "as same_file",
}


def resolve(path: str) -> Any:
    obj: Any = bb
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def core_dossier_methods() -> set[str]:
    found: set[str] = set()
    for p in CORE.rglob("*.rs"):
        s = p.read_text(encoding="utf-8")
        for m in re.finditer(r"^impl\b(?:[^\n]*?\b(\w+Facet)<[^\n]*| Dossier) \{$", s, re.M):
            depth, i = 1, m.end()
            while depth and i < len(s):
                depth += {"{": 1, "}": -1}.get(s[i], 0)
                i += 1
            prefix = m.group(1) + "." if m.group(1) else ""
            found |= {prefix + name for name in re.findall(r"^    pub fn (\w+)", s[m.end():i], re.M)}
    return found


def core_free_functions() -> set[str]:
    found: set[str] = set()
    for p in CORE.rglob("*.rs"):
        found |= set(re.findall(r"^pub fn (\w+)", p.read_text(encoding="utf-8"), re.M))
    return found


def test_every_core_dossier_operation_has_a_python_entry() -> None:
    core = core_dossier_methods()
    assert len(core) > 90
    unmapped = core - DOSSIER.keys() - DOSSIER_NOT_EXPOSED.keys()
    assert not unmapped, f"core Dossier operations without a Python entry: {sorted(unmapped)}"
    assert not (DOSSIER.keys() - core), "the audit lists operations the core no longer has"
    for rust, python in DOSSIER.items():
        assert callable(resolve(python)) or resolve(python).__doc__, (rust, python)


def test_every_core_free_function_has_a_python_entry() -> None:
    core = core_free_functions()
    unmapped = core - FREE.keys() - FREE_NOT_EXPOSED.keys()
    assert not unmapped, f"core functions without a Python entry: {sorted(unmapped)}"
    for rust, python in FREE.items():
        assert resolve(python) is not None, (rust, python)


# What an analyst reaches by area (Pythonic names), beyond the audit above.
EXPECTED = {
    "dossiers": ["Dossier", "Dossier.example", "Dossier.load", "Dossier.from_dict", "Dossier.validate", "example_names",
                 "Municipality", "Department", "Organisation", "Person", "Post", "Tenure", "HandoverReport"],
    "agreements and lifecycle": ["Agreement", "AgreementTerms", "AgreementVersion", "StatusEvent", "Agreement.status_on",
                                 "DossierLifecycle.transition", "DossierLifecycle.preview", "DossierLifecycle.amend",
                                 "Dossier.handover"],
    "role splits": ["Roles", "RoleMatrix", "RoleDiff", "RoleTask", "Assignment", "Carrying", "Duty", "task_catalogue",
                    "role_matrix_frame"],
    "checklists and answers": ["checklist_templates", "ChecklistTemplate", "DossierChecklists", "AnswerSession",
                               "ChecklistAlignment", "ChecklistReadiness", "checklist_frame"],
    "rule sets and matching": ["RuleSet", "RuleSet.from_toml", "MatchRun", "match_profiles", "stable_matching",
                               "weakly_stable_matching", "largest_weakly_stable_matching",
                               "profiles", "Profiles", "linear_sum_assignment", "match_tables", "match_groups",
                               "MatchTables", "matches_frame", "unmatched_frame",
                               "match_rules_frame", "unmet_demand_frame", "profiles_frame"],
    "introduction plans": ["DossierMatching.record_introduction", "DossierMatching.introduction_status",
                           "DossierMatching.introductions_due",
                           "introductions_frame"],
    "assessments": ["DossierAssessment.assess", "DossierAssessment.assess_all", "assess_many", "Assessment",
                    "AssessedFinding", "assessment_catalogue", "DossierAssessment.health_summary", "scores_frame", "checks_frame", "assessment_findings_frame"],
    "surveys": ["DossierSurveys.to_dict", "DossierSurveys.add", "DossierSurveys.record_response",
                "DossierSurveys.results", "DossierSurveys.compare",
                "wilson_interval", "survey_shares_frame", "survey_changes_frame"],
    "reports": ["DossierAssessment.report", "Report", "Report.html", "Report.markdown",
                "DossierAssessment.report_sections"],
    "privacy views": ["DossierPrivacy", "DossierPrivacy.view_newcomer", "DossierPrivacy.safe_table", "PseudonymKey",
                      "match_profiles_consented"],
    "findings": ["Finding", "Findings", "findings_frame", "findings_html", "to_frame"],
}


@pytest.mark.parametrize("area", EXPECTED)
def test_each_area_is_reachable(area: str) -> None:
    missing = [n for n in EXPECTED[area] if not _has(n)]
    assert not missing, f"{area}: {missing}"


def _has(path: str) -> bool:
    try:
        resolve(path)
    except AttributeError:
        return False
    return path.split(".")[0] in bb.__all__


def test_all_lists_exactly_the_public_names() -> None:
    assert len(bb.__all__) == len(set(bb.__all__))
    public = {n for n in dir(bb) if not n.startswith("_") and not inspect.ismodule(getattr(bb, n))}
    assert public - {"annotations"} == set(bb.__all__) - {"__version__"}
    native = {n for n in dir(bb._brobygger) if not n.startswith("_")}
    assert native <= set(bb.__all__), native - set(bb.__all__)


def public_members(cls: type) -> list[tuple[str, Any]]:
    members = []
    for name, value in vars(cls).items():
        if name.startswith("__") or (name.startswith("_") and name != "_repr_html_"):
            continue
        members.append((name, value))
    return members


def doc_of(value: Any) -> str:
    return (getattr(value, "__doc__", None) or "").strip()


def test_every_public_name_and_member_has_a_docstring() -> None:
    missing = []
    for name in bb.__all__:
        obj = getattr(bb, name)
        if isinstance(obj, (int, str)):
            continue
        if not doc_of(obj):
            missing.append(name)
        if inspect.isclass(obj):
            for member, value in public_members(obj):
                if isinstance(value, (int, str)):
                    continue
                if not doc_of(value):
                    missing.append(f"{name}.{member}")
    for module in (bb, bb.frames, bb.scale, bb.tables, bb.display):
        if not doc_of(module):
            missing.append(module.__name__)
    assert not missing, f"no docstring: {missing}"


def test_help_is_useful() -> None:
    text = pydoc.plain(pydoc.render_doc(bb.Dossier))
    assert "A dossier: actors, people, posts and agreements in one document." in text
    # Methods show their signatures with defaults and what they do.
    assert "summary(self, /, lang=None, as_of=None)" in text
    assert "posts_held_by(self, /, person, date)" in text and "The posts `person` holds on `date`." in text
    func = pydoc.plain(pydoc.render_doc(bb.scores_frame))
    assert "Columns:" in func and "Int64" in func
    assert str(inspect.signature(bb.assess_many)) == "(dossiers, as_of)"
    assert "lang=None" in str(inspect.signature(bb.DossierAssessment.report))


def test_the_stub_lists_every_native_name() -> None:
    stub = (ROOT / "crates" / "py" / "python" / "brobygger" / "_brobygger.pyi").read_text(encoding="utf-8")
    declared = set(re.findall(r"^(?:class|def) (\w+)", stub, re.M)) | set(re.findall(r"^(\w+): ", stub, re.M))
    native = {n for n in dir(bb._brobygger) if not n.startswith("__")}
    assert native <= declared, native - declared
    assert (ROOT / "crates" / "py" / "python" / "brobygger" / "py.typed").exists()
