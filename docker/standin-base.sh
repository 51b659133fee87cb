#!/usr/bin/env bash
# Builds a local stand-in for the `python:3.11-slim` base image from Debian packages, for a
# machine whose Docker cannot pull from Docker Hub but can reach a Debian mirror and PyPI (as
# the machine this project is developed on). The stand-in is what the official image is in the
# ways the Dockerfile relies on: Debian bookworm, `python`/`pip` on PATH, pip allowed to install
# into the system (no PEP 668 marker), root by default. With Docker Hub reachable, do not use it.
#
#   sudo docker/standin-base.sh                # tags python:3.11-slim
#   sudo docker/standin-base.sh --ca my-ca.crt # also trusts a TLS-inspecting proxy's CA
#
# Needs debootstrap (apt-get install debootstrap) and root.
set -euo pipefail

tag="python:3.11-slim"
ca=""
while [ $# -gt 0 ]; do
  case "$1" in
    --ca) ca="$2"; shift 2 ;;
    --tag) tag="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
root="$(mktemp -d /tmp/standin-rootfs.XXXXXX)"
trap 'rm -rf "$root"' EXIT

debootstrap --variant=minbase --include=python3.11,python3-pip,ca-certificates \
  bookworm "$root" "$mirror" >/dev/null

ln -sf /usr/bin/python3.11 "$root/usr/local/bin/python"
ln -sf /usr/bin/python3.11 "$root/usr/local/bin/python3"
ln -sf /usr/bin/pip3 "$root/usr/local/bin/pip"
rm -f "$root"/usr/lib/python3*/EXTERNALLY-MANAGED
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/archives/*.deb

env_lines=(--change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
           --change 'ENV LANG=C.UTF-8' --change 'CMD ["python3"]')
if [ -n "$ca" ]; then
  # A proxy that inspects TLS signs with its own CA: apt, pip and the bot must trust it.
  cp "$ca" "$root/usr/local/share/ca-certificates/standin-proxy-ca.crt"
  chroot "$root" update-ca-certificates >/dev/null
  env_lines+=(--change 'ENV PIP_CERT=/etc/ssl/certs/ca-certificates.crt'
              --change 'ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt')
fi

tar -C "$root" -c . | docker import "${env_lines[@]}" - "$tag" >/dev/null
echo "built $tag from Debian bookworm ($(chroot "$root" python3 --version))"
