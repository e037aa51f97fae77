"""The examples in the docstrings of newsfold.names run and hold."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import newsfold.names

MODULES = sorted(
    [newsfold.names.__name__]
    + [f"newsfold.names.{info.name}" for info in pkgutil.iter_modules(newsfold.names.__path__)]
)


@pytest.mark.parametrize("module_name", MODULES)
def test_docstring_examples_hold(module_name):
    result = doctest.testmod(importlib.import_module(module_name))
    assert result.failed == 0
