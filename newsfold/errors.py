"""Error codes for rejected input and the exceptions a broken program raises.

Two kinds of failure, kept apart on purpose:

* Bad *input* is data. It becomes a ``rejects`` row carrying one of the stable
  codes below, and the run goes on. Codes never change meaning once released;
  retire a code rather than reuse it.
* A broken *program or environment* (a missing model, an unwritable output
  directory, a dataset that fails its own contract) raises a subclass of
  :class:`NewsfoldError`, with the file or value named in the message.

Example:
    >>> ErrorCode.EMPTY_FILE.value
    'NF101'
    >>> ErrorCode.EMPTY_FILE.describe()
    'the file holds no article text'
"""

from __future__ import annotations

from enum import Enum

__all__ = [
    "ErrorCode",
    "NewsfoldError",
    "InputError",
    "ModelError",
    "StoreError",
    "ContractError",
    "WorkerError",
]


class ErrorCode(str, Enum):
    """Stable codes for the ``rejects.error_code`` column.

    The hundreds say the stage: 1xx discover and read, 2xx analyse,
    3xx validate, 4xx resolve.
    """

    # discover / read
    EMPTY_FILE = "NF101"
    BINARY_FILE = "NF102"
    UNDECODABLE_TEXT = "NF103"
    OVERSIZED_FILE = "NF104"
    CORRUPT_GZIP = "NF105"
    MALFORMED_JSON = "NF106"
    MISSING_TEXT_FIELD = "NF107"
    SYMLINK_OUTSIDE_TREE = "NF108"
    UNREADABLE_FILE = "NF109"
    UNSUPPORTED_FILE_TYPE = "NF110"
    BAD_HEADER_VALUE = "NF111"
    DUPLICATE_DOCUMENT = "NF112"
    # analyse
    ANALYSIS_FAILED = "NF201"
    ANALYSIS_WORKER_DIED = "NF202"
    ANALYSIS_TIMED_OUT = "NF203"
    # validate
    SCHEMA_VIOLATION = "NF301"
    DANGLING_KEY = "NF302"
    SPAN_MISMATCH = "NF303"
    DEPENDS_ON_REJECTED_ROW = "NF304"

    def describe(self) -> str:
        """One line saying what the code means, for docs and summaries."""
        return _DESCRIPTIONS[self]


_DESCRIPTIONS: dict[ErrorCode, str] = {
    ErrorCode.EMPTY_FILE: "the file holds no article text",
    ErrorCode.BINARY_FILE: "the file is binary, not text",
    ErrorCode.UNDECODABLE_TEXT: "the bytes could not be decoded as text in any supported encoding",
    ErrorCode.OVERSIZED_FILE: "the file is larger than the configured size limit",
    ErrorCode.CORRUPT_GZIP: "the gzip stream is truncated or corrupt",
    ErrorCode.MALFORMED_JSON: "a JSON record or line could not be parsed",
    ErrorCode.MISSING_TEXT_FIELD: "a JSON record has no text, body or content field",
    ErrorCode.SYMLINK_OUTSIDE_TREE: "a symbolic link points outside the input tree",
    ErrorCode.UNREADABLE_FILE: "the file could not be opened or read",
    ErrorCode.UNSUPPORTED_FILE_TYPE: "the file extension is not one newsfold reads",
    ErrorCode.BAD_HEADER_VALUE: "a header value (such as the date) could not be parsed; the article was kept without it",
    ErrorCode.DUPLICATE_DOCUMENT: "the article is identical to another input, which was kept instead",
    ErrorCode.ANALYSIS_FAILED: "the language analysis of the article failed",
    ErrorCode.ANALYSIS_WORKER_DIED: (
        "the analysis worker died on the article twice, the second time on it alone (killed, often out of memory)"
    ),
    ErrorCode.ANALYSIS_TIMED_OUT: (
        "the analysis of the article ran past its time budget twice, the second time on it alone"
    ),
    ErrorCode.SCHEMA_VIOLATION: "a row broke its table's schema",
    ErrorCode.DANGLING_KEY: "a row refers to a key that does not exist in its parent table",
    ErrorCode.SPAN_MISMATCH: "a span's offsets do not select its stored text",
    ErrorCode.DEPENDS_ON_REJECTED_ROW: "the row belongs to a row that was rejected",
}


class NewsfoldError(Exception):
    """Root of every exception newsfold raises on purpose."""


class InputError(NewsfoldError):
    """The input location itself is unusable (missing, not a directory)."""


class ModelError(NewsfoldError):
    """The language model or packaged reference data cannot be loaded."""


class StoreError(NewsfoldError):
    """The output dataset cannot be read or written."""


class ContractError(NewsfoldError):
    """A table does not satisfy its schema where no row can be blamed."""


class WorkerError(NewsfoldError):
    """The analysis worker processes cannot run (they fail to start, or die whatever they are given)."""
