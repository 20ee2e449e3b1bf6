# The two commands of the README: `make run` and `make test`. Both install what is missing.
.PHONY: run test bench deps lint

DB ?=

run:
	@scripts/install-deps.sh
	@scripts/run.sh

test:
	@scripts/install-deps.sh --test
	@scripts/test.sh

bench:
	@scripts/install-deps.sh
	cargo bench --bench practice

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
