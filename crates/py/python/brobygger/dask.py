"""Matching per group on a Dask DataFrame: :func:`match_groups` runs brobygger's table run
(:func:`brobygger.match_tables`) once per group key (a municipality, a region, any column) on
whatever Dask scheduler is active: a ``distributed.LocalCluster`` of processes on one machine,
or a real cluster (only the ``Client`` address changes).

Both sides are shuffled on the key into the same number of partitions (the same key lands in
the same partition of both, by Dask's hash partitioning), each pair of partitions is matched
group by group in one task, and the three tables come back as Dask DataFrames sharing those
tasks: compute them together (``dask.compute(*tables)``) and the matching runs once. The result
is the same as :func:`brobygger.match_groups` in one process, for any number of partitions.

Cells holding lists (``languages``, ``needs``, ``availability``) must stay Python objects: make
the Dask DataFrames with ``dask.config.set({"dataframe.convert-string": False})`` (Dask turns
object columns into Arrow strings by default), as :func:`match_groups` does for pandas input.

Needs ``dask[dataframe]`` (and ``distributed`` for a cluster): ``pip install 'dask[distributed]'``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Union

from brobygger.tabular import MatchTables, Rules, empty_tables, match_groups as _match_groups
from brobygger.tabular import rule_set, to_pandas

__all__ = ["match_groups"]


def _partition(
    newcomers: Any, offers: Any, rules: Any, as_of: dt.date, by: list[str], options: dict[str, Any]
) -> tuple[Any, Any, Any]:
    """One partition pair's groups, matched in this worker (pandas in, pandas out)."""
    return tuple(_match_groups(newcomers, offers, rules, as_of, by, output="pandas", **options))  # type: ignore[return-value]


def _item(parts: tuple[Any, Any, Any], i: int) -> Any:
    return parts[i]


def match_groups(
    newcomers: Any,
    offers: Any,
    rules: Rules,
    as_of: dt.date,
    by: Union[str, Sequence[str]],
    *,
    npartitions: Union[int, None] = None,
    solver: str = "optimal",
    offer_ranking: str = "score",
    lang: str = "en",
    bases: Any = None,
) -> MatchTables:
    """Matches the households of a Dask (or pandas) DataFrame with the offers of another, group
    by group of the ``by`` columns, and returns :class:`brobygger.MatchTables` of three lazy
    Dask DataFrames (``matches``, ``unmatched``, ``statistics``), the key's columns first.

    ``npartitions`` is the number of tasks the groups are spread over (default: the households'
    partitions). Rows come group by group; sort by the key (and ``newcomer``) for a fixed order.
    The rule set is pickled to the workers through its serde form.
    """
    import dask
    import dask.dataframe as dd

    columns = [by] if isinstance(by, str) else list(by)
    with dask.config.set({"dataframe.convert-string": False}):
        if not isinstance(newcomers, dd.DataFrame):
            newcomers = dd.from_pandas(newcomers, npartitions=npartitions or 1)
        if not isinstance(offers, dd.DataFrame):
            offers = dd.from_pandas(offers, npartitions=1)
    n = npartitions or newcomers.npartitions
    # The task-based shuffle moves pandas frames as they are; the peer-to-peer one goes through
    # Arrow, which would turn the list-of-record cells (languages, availability) into arrays.
    homes = newcomers.shuffle(on=columns, npartitions=n, shuffle_method="tasks")
    places = offers.shuffle(on=columns, npartitions=n, shuffle_method="tasks")
    ruleset = rule_set(rules)
    options = {"solver": solver, "offer_ranking": offer_ranking, "lang": lang, "bases": bases}
    sample = newcomers._meta_nonempty
    key = [(c, _meta_value(sample[c])) for c in columns]
    meta = [to_pandas(t) for t in empty_tables(key)]
    run = dask.delayed(_partition, pure=True)
    parts = [
        run(h, o, ruleset, as_of, columns, options)
        for h, o in zip(homes.to_delayed(), places.to_delayed())
    ]
    with dask.config.set({"dataframe.convert-string": False}):
        return MatchTables(
            *(
                dd.from_delayed([dask.delayed(_item, pure=True)(p, i) for p in parts], meta=meta[i])
                for i in range(3)
            )
        )


def _meta_value(series: Any) -> Any:
    """A value of the key column's type, for the output's column types."""
    value = series.iloc[0]
    item = getattr(value, "item", None)
    if item is not None and not isinstance(value, str):
        return item()
    if hasattr(value, "date") and callable(value.date):
        return value.date()
    return value
