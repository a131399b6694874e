# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.db
PORT ?= 8000
# pyproject.toml's [tool.fuente] no-deps: pinned packages whose declared dependencies would
# downgrade fuente's (the Spanish spaCy pipeline), installed without them
NO_DEPS := import tomllib; print(*tomllib.load(open('pyproject.toml', 'rb'))['tool']['fuente']['no-deps'])

.PHONY: demo test lint setup clean bench

$(BIN)/fuente: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,ray]'
	$(BIN)/python -m pip install --quiet --no-deps $$($(BIN)/python -c "$(NO_DEPS)")
	@touch $@

setup: $(BIN)/fuente

demo: setup
	$(BIN)/fuente ingest --config examples/fuente.yaml --db $(DEMO_DB) examples/
	$(BIN)/fuente stats --db $(DEMO_DB)
	$(BIN)/fuente serve --db $(DEMO_DB) --port $(PORT)

test: setup
	$(BIN)/ruff check fuente tests bench
	$(BIN)/ruff format --check fuente tests bench
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check --fix fuente tests bench
	$(BIN)/ruff format fuente tests bench

bench: setup
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
