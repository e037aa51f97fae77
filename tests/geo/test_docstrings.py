"""The examples in the docstrings of newsfold.geo run and hold."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import newsfold.geo

MODULES = sorted(
    [newsfold.geo.__name__] + [f"newsfold.geo.{info.name}" for info in pkgutil.iter_modules(newsfold.geo.__path__)]
)


@pytest.mark.parametrize("module_name", MODULES)
def test_docstring_examples_hold(module_name):
    result = doctest.testmod(importlib.import_module(module_name))
    assert result.failed == 0
