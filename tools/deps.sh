#!/bin/sh
# Installs the Debian packages Praxis needs to build and test, when missing.
# Usage: tools/deps.sh "pkg1 pkg2 ..."   (root runs apt-get; others sudo)
set -e
missing=""
for p in $1; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "praxis: installing missing Debian packages:$missing"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
echo "praxis: $SUDO apt-get update (once)"
$SUDO apt-get update -qq
echo "praxis: $SUDO apt-get install -y$missing"
$SUDO apt-get install -y -qq --no-install-recommends $missing
