import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localBlobStore, sha256Of } from './index';

const dir = mkdtempSync(join(tmpdir(), 'docket-blobs-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('local blob store', () => {
  it('when bytes are stored twice, then they are kept once under their sha256 and read back identical', async () => {
    const store = localBlobStore(dir);
    const bytes = new TextEncoder().encode('a receipt');
    const first = await store.put(bytes);
    const second = await store.put(bytes);
    expect(first).toEqual({ sha256: sha256Of(bytes), size: bytes.byteLength, created: true });
    expect(second.created).toBe(false);
    expect(new Uint8Array(await store.get(first.sha256))).toEqual(bytes);
    expect(await store.has(first.sha256)).toBe(true);
  });

  it('when a key is unknown or not a sha256, then reading answers NotFound', async () => {
    const store = localBlobStore(dir);
    await expect(store.get('0'.repeat(64))).rejects.toThrow(/No such file/);
    await expect(store.get('../../etc/passwd')).rejects.toThrow(/No such file/);
  });
});
