#!/usr/bin/env bash
# Installs Dovecot (IMAP + LMTP) from Debian's packages for the mailbox connector's integration
# tests and benchmark. The tests start their own private Dovecot with a generated configuration;
# nothing here starts a server. Skips the install when the binaries are already there.
set -euo pipefail

if [ -x /usr/sbin/dovecot ] && [ -e /usr/lib/dovecot/imap ] && [ -e /usr/lib/dovecot/lmtp ]; then
  echo "Dovecot is installed: $(/usr/sbin/dovecot --version)"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=600 dovecot-imapd dovecot-lmtpd
echo "Dovecot installed: $(/usr/sbin/dovecot --version)"
