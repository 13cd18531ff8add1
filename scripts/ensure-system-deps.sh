#!/usr/bin/env bash
# Installs the Debian packages the test suite needs when they are missing:
#   chromium          - the browser Playwright drives (Playwright's own browser download is not reachable here)
#   ffmpeg            - video encoding for render jobs and Playwright video
#   assimp-testmodels - real CMU mocap BVH clips that the engine and viewer tests compare against
#   postgresql, redis-server - the scale-out integration suite (two instances on Postgres + Redis)
#   blender, python3-numpy, assimp-utils - the DCC import suite (test/blender): downloads opened in Blender, FBX read by assimp
# Safe to run repeatedly; it only calls apt when something is missing.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/lib/chromium/chromium ] || missing+=(chromium)
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
[ -d /usr/share/assimp/models/BVH ] || missing+=(assimp-testmodels)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v blender >/dev/null 2>&1 || missing+=(blender)
/usr/bin/python3 -c 'import numpy' >/dev/null 2>&1 || missing+=(python3-numpy)  # Debian's Blender runs on Debian's Python, not a python3 earlier on PATH
command -v assimp >/dev/null 2>&1 || missing+=(assimp-utils)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-system-deps: missing ${missing[*]} and no apt-get here; install them with your package manager." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "ensure-system-deps: installing ${missing[*]} from Debian..."
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq
$SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}"
