import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
const STARTUP_LIMIT_MS = 90_000;

export interface RunningDocket {
  baseUrl: string;
  /** The port of the server's inbound SMTP (Extract by Email). */
  smtpPort: number;
  /** The password link `docket support add-agent` printed for each new support agent, by email. */
  agentLinks: ReadonlyMap<string, string>;
  stop: () => Promise<void>;
}

export interface DocketOptions {
  /** Support agents to create with `docket support add-agent EMAIL` before the server starts. */
  supportAgents?: readonly string[];
  /** Lets journeys move the server clock forward with POST /api/dev/clock (DOCKET_DEV_CLOCK=on). */
  devClock?: boolean;
}

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolvePort(port);
      });
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`Docket exited with code ${child.exitCode} before it was healthy:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`Docket was not healthy within ${STARTUP_LIMIT_MS / 1000} s:\n${output()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const gone = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
  if (!gone) {
    child.kill('SIGKILL');
    await exited;
  }
}

/** Runs a `docket` command to completion with the server's environment; resolves with its output. */
async function runDocketCommand(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const child = spawn(process.execPath, ['bin/docket.mjs', ...args], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  if (code !== 0) throw new Error(`docket ${args.join(' ')} exited with ${code}:\n${output}`);
  return output;
}

/** `docket support add-agent EMAIL` prints the new agent's password link. */
async function addSupportAgent(email: string, env: NodeJS.ProcessEnv): Promise<string> {
  const output = await runDocketCommand(['support', 'add-agent', email], env);
  const link = /https?:\/\/\S+\/reset-password\?token=\S+/.exec(output)?.[0];
  if (link === undefined) throw new Error(`docket support add-agent printed no password link:\n${output}`);
  return link;
}

/** Attempts at starting the server: a port found free can be taken by another process before Docket binds it. */
const START_ATTEMPTS = 3;

/**
 * Starts `docket serve` as a child process on free ports with a fresh data folder (and the caller's
 * DATABASE_URL, when set), with the demo data, and waits until /healthz answers. When a port was
 * taken in the meantime (EADDRINUSE), it starts again on new ports.
 */
export async function startDocket(options: DocketOptions = {}): Promise<RunningDocket> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startDocketOnce(options);
    } catch (error) {
      const raced = error instanceof Error && error.message.includes('EADDRINUSE');
      if (!raced || attempt >= START_ATTEMPTS) throw error;
    }
  }
}

async function startDocketOnce(options: DocketOptions): Promise<RunningDocket> {
  const dataDir = mkdtempSync(join(tmpdir(), 'docket-e2e-'));
  const [port, smtpPort] = [await freePort(), await freePort()];
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DOCKET_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
    DOCKET_BASE_URL: baseUrl,
    DOCKET_DEMO: 'on',
    DOCKET_WORKERS: '1',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
  };
  if (process.env.DATABASE_URL === undefined) delete env.DATABASE_URL;
  if (options.devClock === true) env.DOCKET_DEV_CLOCK = 'on';

  const agentLinks = new Map<string, string>();
  try {
    for (const email of options.supportAgents ?? []) agentLinks.set(email, await addSupportAgent(email, env));
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  const child = spawn(process.execPath, ['bin/docket.mjs', 'serve'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-20_000);
    if (process.env.E2E_SERVER_LOG === '1') process.stderr.write(chunk);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);

  const stop = async () => {
    await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, smtpPort, agentLinks, stop };
}
