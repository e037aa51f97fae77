# Two commands a new user needs: `make run` and `make test`. Both set up the
# virtualenv from the pinned lock file on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RAW ?= raw
OUT ?= output

.PHONY: install run test dictionary registry bench clean

# Bytecode is compiled at install: with PYTHONDONTWRITEBYTECODE nothing caches it,
# and imports are most of what a run with nothing new costs.
$(BIN)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet uv==0.13.9
	$(BIN)/uv pip install --quiet --compile-bytecode -p $(BIN)/python -r requirements.lock
	$(BIN)/uv pip install --quiet -p $(BIN)/python --no-deps -e .
	$(BIN)/python -m compileall -q newsfold schemas flows
	touch $@

install: $(BIN)/.installed

run: install
	$(BIN)/newsfold run $(RAW) --out $(OUT)

test: install
	$(BIN)/python -m pytest

dictionary: install
	$(BIN)/newsfold dictionary > docs/data-dictionary.md

registry: install
	$(BIN)/newsfold registry build

clean:
	rm -rf $(VENV) $(OUT)
