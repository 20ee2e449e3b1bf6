# The two commands of the README: `make run` and `make test`. Both install what is missing.
.PHONY: run test bench lint


run:
	@scripts/install-deps.sh
	@scripts/run.sh

test:
	@scripts/install-deps.sh --test
	@scripts/test.sh

bench:
	@scripts/install-deps.sh --bench
	cargo bench --bench practice
	cargo bench --bench search
	cargo bench --bench report
	cargo bench --bench encryption
	cargo bench --bench import
	@scripts/bench-app.sh

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
