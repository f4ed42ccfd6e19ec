#!/usr/bin/env bash
# The browser tests drive Debian's chromium; PDFs and screenshots need a CJK font.
# Installs them with apt-get when missing and we are root; otherwise says what to install.
set -u
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy" || need+=(fonts-wqy-microhei)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing system packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${need[@]}" fontconfig >/dev/null
  exit $?
fi
echo "Missing system packages: ${need[*]} — install them (e.g. sudo apt-get install ${need[*]})." >&2
exit 1
