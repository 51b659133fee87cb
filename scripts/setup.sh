#!/usr/bin/env bash
# Prepares a fresh Debian/Ubuntu machine: ffmpeg (apt-get, when missing and root), a virtual
# environment in .venv, and the project with its dependencies. Safe to run again.
# `setup.sh test` also installs espeak-ng, which speaks the test clips of tests/media, and
# chromium, in which tests/browser plays the sandbox's demo (they skip without it).
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1 || missing+=(ffmpeg)
if [ "${1:-run}" = "test" ]; then
    command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
    command -v chromium >/dev/null 2>&1 || missing+=(chromium fonts-noto-color-emoji)
fi
if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing ${missing[*]} with apt-get ..."
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    elif [[ " ${missing[*]} " == *" ffmpeg "* ]]; then
        echo "ffmpeg is missing: install it (sudo apt-get install ffmpeg) and run this again." >&2
        exit 1
    else
        echo "${missing[*]} missing (sudo apt-get install ${missing[*]}): the spoken-clip" \
             "(espeak-ng) or browser (chromium) tests skip." >&2
    fi
fi
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
stamp=.venv/.installed-$(sha1sum pyproject.toml | cut -c1-12)-${1:-run}
if [ ! -f "$stamp" ]; then
    .venv/bin/python -m pip install -q --upgrade pip
    if [ "${1:-run}" = "test" ]; then
        .venv/bin/python -m pip install -q -e '.[test]'
    else
        .venv/bin/python -m pip install -q -e .
    fi
    touch "$stamp"
fi
