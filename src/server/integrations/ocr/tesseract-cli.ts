import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { OcrEngine, OcrPage, RecognizeOptions } from './ocr';
import { parseOsd, parseTesseractTsv } from './tsv';

/** The `tesseract` executable on PATH, or null. */
export function findTesseractCli(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, 'tesseract');
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

const TIMEOUT_MS = 60_000;

/** Runs the CLI with the image on stdin; OMP_THREAD_LIMIT=1 (7x faster on 2 cores). */
function run(
  binary: string,
  args: string[],
  input: Uint8Array,
): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        code: code ?? 1,
      });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

export function createTesseractCliEngine(binary: string): OcrEngine {
  return {
    name: 'tesseract-cli',
    async recognize(image: Uint8Array, options: RecognizeOptions = {}): Promise<OcrPage> {
      const psm = String(options.psm ?? 6);
      // thresholding_method 2 = Sauvola (Tesseract 5); 0 = Otsu, the default.
      const threshold = options.binarisation === 'local' ? ['-c', 'thresholding_method=2'] : [];
      const res = await run(
        binary,
        ['stdin', 'stdout', '-l', 'eng', '--psm', psm, ...threshold, 'tsv'],
        image,
      );
      if (res.code !== 0) throw new Error(`tesseract failed: ${res.stderr.trim().split('\n').pop() ?? ''}`);
      return parseTesseractTsv(res.stdout);
    },
    async detectRotation(image: Uint8Array) {
      const res = await run(binary, ['stdin', 'stdout', '--psm', '0'], image);
      return res.code === 0 ? parseOsd(`${res.stdout}\n${res.stderr}`) : null;
    },
    async close() {
      // Nothing stays running between calls.
    },
  };
}
