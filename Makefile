# The two commands a newcomer needs (see README.md). Both install what is missing first.
.PHONY: run test bench setup lint unit-ui windows-check deb test-deb

CARGO ?= cargo

run: setup
	$(CARGO) run --bin headroom

test: setup lint unit-ui windows-check
	# The benchmark's smoke run launches the floor window beside the app: build it as a binary.
	$(CARGO) build --example floor
	$(CARGO) test --workspace --all-targets
	$(CARGO) test --workspace --doc

# Benchmarks (release build; not part of `make test`, which runs them once as a smoke test).
bench: setup
	bash scripts/bench.sh

# The Debian package, through Tauri's bundler: target/release/bundle/deb/Headroom_<version>_<arch>.deb
deb: setup
	npx --no-install tauri build --bundles deb

# Builds the .deb, installs it into a scratch root and starts it under Xvfb. Not part of
# `make test`: the release build (LTO, one codegen unit) takes several minutes on two cores.
test-deb: setup
	bash scripts/test-deb.sh

setup:
	@bash scripts/setup.sh

lint:
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

# The UI's unit tests, and its type check against the types generated from Rust (types.test.js).
unit-ui:
	node --test tests/ui/

# The app, the domain crate, the command line and their tests build for Windows (macOS needs
# Apple's SDK and cannot be checked here). The end-to-end harness is Linux-only, by cfg.
windows-check:
	$(CARGO) check --target x86_64-pc-windows-gnu -p headroom -p headroom-domain -p headroom-cli --lib --bins --tests
