#!/usr/bin/env node
// Entry point for `npx mailward` and global installs: the CLI is TypeScript run by Node 24's type stripping.
const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  process.stderr.write(`mailward needs Node.js 24 or newer (this is ${process.version}); run it through 'npm run mailward --' or 'npx mailward' in the project folder.\n`);
  process.exit(2);
}
await import('../src/cli/main.ts');
