"""Language analysis: spaCy over article texts, turned into table rows.

One parse per article feeds every per-article table: sentences, mentions,
quotes, dates and amounts. The parse happens in worker processes
(:mod:`newsfold.analyse.runner`); what comes back is plain rows, never spaCy
objects, so the main process stays small.
"""

from newsfold.analyse.document import AnalysisRequest, DocAnalysis, analyse_parsed
from newsfold.analyse.model import load_model
from newsfold.analyse.runner import AnalysisBatch, AnalysisFailure, AnalysisPool

__all__ = [
    "AnalysisRequest",
    "DocAnalysis",
    "AnalysisBatch",
    "AnalysisFailure",
    "AnalysisPool",
    "analyse_parsed",
    "load_model",
]
