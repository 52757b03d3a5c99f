# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: install run test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	# The CPU build of torch first: a bare `torch` would pull a multi-GB CUDA build.
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/planqa index
	$(BIN)/planqa serve

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python -m benchmarks.run
	$(BIN)/python -m benchmarks.ask_bench
	$(BIN)/python -m benchmarks.cold_start
	$(BIN)/python -m benchmarks.first_answer
	$(BIN)/python -m benchmarks.load_test
	$(BIN)/python -m benchmarks.pdf_bench
	$(BIN)/python -m benchmarks.compare_bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
