"""``runs``: one row per pipeline run that changed the dataset."""

from __future__ import annotations

import polars as pl
import pandera.polars as pa

from schemas.base import TableModel

ROWS_WRITTEN_DTYPE = pl.List(pl.Struct({"table": pl.String, "rows": pl.Int64}))


class Runs(TableModel):
    """History of the runs that wrote this dataset, oldest first."""

    run_id: str = pa.Field(unique=True, description="Run id, also stamped on the rows the run analysed.")
    flow_run_id: str = pa.Field(nullable=True, description="Prefect flow run id, when run under Prefect.")
    started_at: pl.Datetime("us", "UTC") = pa.Field(description="When the run started (UTC).")
    finished_at: pl.Datetime("us", "UTC") = pa.Field(description="When the run committed (UTC).")
    status: str = pa.Field(isin=["completed"], description="Only committed runs are recorded.")
    pipeline_version: str = pa.Field(description="newsfold version that wrote the rows.")
    inputs_seen: pl.Int64 = pa.Field(ge=0, description="Input files found.")
    inputs_new: pl.Int64 = pa.Field(ge=0, description="Files not seen by the previous run.")
    inputs_changed: pl.Int64 = pa.Field(ge=0, description="Files whose bytes changed since the previous run.")
    inputs_removed: pl.Int64 = pa.Field(ge=0, description="Files gone since the previous run.")
    inputs_unchanged: pl.Int64 = pa.Field(ge=0, description="Files carried over without re-reading.")
    rows_written: ROWS_WRITTEN_DTYPE = pa.Field(description="Rows per table in the dataset after the run.")
    rejects: pl.Int64 = pa.Field(ge=0, description="Rows in rejects after the run.")
