import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { NotFound } from '../../lib/errors';

/**
 * A content-addressed, immutable blob store: bytes are kept under their SHA-256, written once,
 * never changed. The local folder is the default; an S3-compatible store implements the same port.
 */
export interface BlobStore {
  /** Stores the bytes (no-op when already there) and returns their key. */
  put(bytes: Uint8Array): Promise<{ sha256: string; size: number; created: boolean }>;
  /** The bytes under a key; NotFound when absent. */
  get(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
  /** Deletes a blob for good (deleting a client); no-op when absent. Callers check no one else uses it. */
  remove(sha256: string): Promise<void>;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const KEY = /^[0-9a-f]{64}$/;

/** Blobs in `<dir>/ab/cd/<sha256>`; writes go to a temporary file first, then rename, so readers never see half a file. */
export function localBlobStore(dir: string): BlobStore {
  const pathOf = (key: string): string => {
    if (!KEY.test(key)) throw new NotFound('No such file.');
    return join(dir, key.slice(0, 2), key.slice(2, 4), key);
  };
  const has = async (key: string): Promise<boolean> => {
    try {
      await stat(pathOf(key));
      return true;
    } catch {
      return false;
    }
  };
  return {
    has,
    async remove(sha256) {
      await rm(pathOf(sha256), { force: true });
    },
    async put(bytes) {
      const sha256 = sha256Of(bytes);
      if (await has(sha256)) return { sha256, size: bytes.byteLength, created: false };
      const target = pathOf(sha256);
      await mkdir(join(target, '..'), { recursive: true });
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temp, bytes, { mode: 0o444 });
        await rename(temp, target);
      } finally {
        await rm(temp, { force: true });
      }
      return { sha256, size: bytes.byteLength, created: true };
    },
    async get(sha256) {
      try {
        return await readFile(pathOf(sha256));
      } catch (error) {
        if (error instanceof NotFound) throw error;
        throw new NotFound('No such file.');
      }
    },
  };
}

/** The default store of a data folder: `<dataDir>/blobs`. */
export function blobStoreFor(dataDir: string): BlobStore {
  return localBlobStore(join(dataDir, 'blobs'));
}
