#!/usr/bin/env bash
# Starts PostgreSQL and NATS JetStream on their standard loopback ports if they are not running
# (they normally are). Uses Debian's packages; installs them only when missing.
set -euo pipefail

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if ! port_open 5432; then
  if ! ls /etc/postgresql >/dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=600 postgresql
  fi
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
fi
if ! port_open 4222; then
  if [ ! -x /usr/sbin/nats-server ]; then
    apt-get update -qq && apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=600 nats-server
  fi
  mkdir -p /var/lib/nats-server
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log
fi
for i in $(seq 1 30); do
  if port_open 5432 && port_open 4222; then
    echo "PostgreSQL (5432) and NATS (4222) are up"
    exit 0
  fi
  sleep 1
done
echo "PostgreSQL or NATS did not come up on 127.0.0.1" >&2
exit 1
