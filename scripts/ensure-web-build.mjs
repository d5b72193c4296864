#!/usr/bin/env node
// Builds the web app (vite) when dist/web is missing or older than any file under src/web or
// src/shared, so `npm start` is fast after the first run and never serves a stale UI.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const out = 'dist/web/index.html';

function newest(dir) {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const sources = Math.max(newest('src/web'), newest('src/shared'), existsSync('vite.config.ts') ? statSync('vite.config.ts').mtimeMs : 0);
if (!existsSync('src/web')) process.exit(0);
if (existsSync(out) && statSync(out).mtimeMs >= sources) process.exit(0);
console.log('Building the web app...');
const res = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'vite.config.ts', '--logLevel', 'warn'], {
  stdio: 'inherit',
});
process.exit(res.status ?? 1);
