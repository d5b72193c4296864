/**
 * npm run bench:start — cold start (empty data folder: initdb, migrations, demo seed) and warm
 * start (existing folder) of the all-in-one process to the first 200 on /healthz, and its
 * resident memory at idle. Prints figures; asserts nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './lib/ports';

const runs = Number(process.env.RUNS ?? 3);

async function waitHealthy(url: string, child: ChildProcess, started: number): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`docket exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.status === 200) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function startOnce(dataDir: string, extraEnv: Record<string, string> = {}): Promise<{ ms: number; child: ChildProcess }> {
  const port = await freePort();
  const smtp = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/docket.mjs', 'serve'], {
    env: { ...process.env, DOCKET_DATA_DIR: dataDir, PORT: String(port), SMTP_PORT: String(smtp), LOG_LEVEL: 'warn', ...extraEnv },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const ms = await waitHealthy(`http://127.0.0.1:${port}/healthz`, child, started);
  return { ms, child };
}

async function stop(child: ChildProcess): Promise<void> {
  const done = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await done;
}

const cold: number[] = [];
const warm: number[] = [];
const idle: number[] = [];
for (let i = 0; i < runs; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'docket-bench-start-'));
  const first = await startOnce(dir);
  cold.push(first.ms);
  await stop(first.child);
  const second = await startOnce(dir);
  warm.push(second.ms);
  await new Promise((r) => setTimeout(r, 5000));
  if (second.child.pid) idle.push(rssMb(second.child.pid));
  await stop(second.child);
  rmSync(dir, { recursive: true, force: true });
}

const fmt = (xs: number[]) => `min ${Math.min(...xs).toFixed(0)}  median ${[...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]?.toFixed(0)}  max ${Math.max(...xs).toFixed(0)}`;
console.log(`Start of the all-in-one process (PGlite), ${runs} runs, to the first 200 on /healthz`);
console.log(`  cold start (empty data folder):  ${fmt(cold)} ms`);
console.log(`  warm start (existing folder):    ${fmt(warm)} ms`);
console.log(`  idle RSS 5 s after warm start:   ${fmt(idle)} MB`);
