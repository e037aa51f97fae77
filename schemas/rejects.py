"""``rejects``: one row per thing that could not be taken into the dataset."""

from __future__ import annotations

import polars as pl
import pandera.polars as pa

from schemas.base import SHA256_PATTERN, TableModel

STAGES = ["discover", "read", "analyse", "resolve", "validate"]


class Rejects(TableModel):
    """Refused input and refused rows, each with a stable code and a reason."""

    run_id: str = pa.Field(description="Run that found the problem.")
    source_path: str = pa.Field(nullable=True, description="Input file concerned (relative to the raw directory); null for a row of a dataset-wide table such as entities.")
    source_sha256: str = pa.Field(nullable=True, str_matches=SHA256_PATTERN, description="SHA-256 of the file's bytes, when they could be read.")
    record_index: pl.Int64 = pa.Field(nullable=True, ge=0, description="Record within the file, when one record failed.")
    stage: str = pa.Field(isin=STAGES, description="Pipeline stage that refused it.")
    table: str = pa.Field(nullable=True, description="Table the row was meant for (validate stage).")
    error_code: str = pa.Field(str_matches=r"^NF[0-9]{3}$", description="Stable error code (see the data dictionary).")
    message: str = pa.Field(str_length={"min_value": 1}, description="What went wrong, naming the value at fault.")
    payload: str = pa.Field(nullable=True, description="Excerpt of the offending input or row (at most 500 characters).")
