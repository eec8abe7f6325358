#!/usr/bin/env bash
# Geolocation gate: codes a gold file whose events carry `where` (the place
# the act happened) and fails when fewer than MIN_LOCATION of the events
# dyad codes correctly carry the right place, or when more than
# MAX_TRAP_PLACES of them are placed wrongly in a TRAP sentence.
# Exits 77 (ctest: skipped) when the gold file is absent.
#   run_geo_eval.sh DYAD GOLD MIN_LOCATION MAX_TRAP_PLACES
set -u
DYAD="$1"; GOLD="$2"; MIN_LOCATION="$3"; MAX_TRAP="$4"
if [ ! -f "$GOLD" ]; then
  echo "skipped: $GOLD is not here (it lives in ../shared/gold beside the repository)"
  exit 77
fi
"$DYAD" eval "$GOLD" --min-location "$MIN_LOCATION" --max-trap-places "$MAX_TRAP"
