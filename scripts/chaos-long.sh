#!/usr/bin/env bash
# The crash ("chaos") test at length: by default 50 SIGKILLs of the server while 32 clients chat,
# instead of CI's 5 kills under 8 clients. Builds the server jar and runs only CrashChaosIT (both
# its tests: the durable server must show no violation; the test-only ack-before-commit server
# must be caught losing acknowledged messages).
#
#   scripts/chaos-long.sh                          # 50 kills, 32 clients
#   KILLS=200 CLIENTS=16 scripts/chaos-long.sh     # other sizes
#   scripts/chaos-long.sh -Dqchat.chaos.seed=42    # extra Maven arguments, e.g. repeat a seed, or -o
#
# The seed, each kill's count of unacknowledged messages in flight and the final verdict are printed
# with the prefix [qchat-chaos]. Time: roughly 5 s per kill plus a minute.
set -euo pipefail
cd "$(dirname "$0")/.."

kills="${KILLS:-50}"
clients="${CLIENTS:-32}"
# Unanswered sends per client; 32 clients x 64 keep ~2000 messages in flight at every kill.
window="${WINDOW:-64}"

exec ./mvnw -B -ntp -pl chat-server -am verify \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=CrashChaosIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dqchat.chaos.kills="$kills" -Dqchat.chaos.clients="$clients" -Dqchat.chaos.window="$window" \
  "$@"
