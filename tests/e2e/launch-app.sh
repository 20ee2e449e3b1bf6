#!/bin/sh
# Started by WebKitWebDriver in place of the app (see app.mjs). WebKitWebDriver gives the app its
# own environment and has no capability for per-session variables, so app.mjs passes them as
# arguments, which become environment variables here:
#   --e2e-bin=PATH       the real app binary (required)
#   --e2e-env=NAME=VALUE exported before exec (repeatable)
# Every other argument (WebKitWebDriver adds --automation) goes to the app unchanged.
set -eu
bin=
for arg; do
  shift
  case "$arg" in
    --e2e-bin=*) bin=${arg#--e2e-bin=} ;;
    --e2e-env=*) export "${arg#--e2e-env=}" ;;
    *) set -- "$@" "$arg" ;;
  esac
done
[ -n "$bin" ] || { echo "launch-app.sh: missing --e2e-bin=PATH" >&2; exit 2; }
exec "$bin" "$@"
