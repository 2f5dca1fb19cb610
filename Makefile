# The two commands a newcomer needs (see README.md). Both install what is missing first.
.PHONY: run test setup lint unit-ui

CARGO ?= cargo

run: setup
	$(CARGO) run --bin headroom

test: setup lint unit-ui
	$(CARGO) test --workspace

setup:
	@bash scripts/setup.sh

lint:
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

unit-ui:
	node --test tests/ui/
