/**
 * One-shot faults a test arms through a simulator's admin API: the next matching request
 * fails with a 5xx, or hangs until the caller gives up (the simulator releases it on close).
 */

export type Trap =
  | { readonly kind: 'status'; readonly status: number; readonly pathContains: string | null }
  | { readonly kind: 'timeout'; readonly pathContains: string | null };

export class Traps {
  #armed: Trap[] = [];
  readonly #hanging = new Set<() => void>();

  arm(trap: Trap): void {
    this.#armed.push(trap);
  }

  /** Removes and returns the first armed trap matching the URL. */
  take(url: string): Trap | undefined {
    const index = this.#armed.findIndex((t) => t.pathContains === null || url.includes(t.pathContains));
    if (index < 0) return undefined;
    const [trap] = this.#armed.splice(index, 1);
    return trap;
  }

  /** A promise that settles only when the simulator closes. */
  hang(): Promise<void> {
    return new Promise((resolve) => {
      this.#hanging.add(resolve);
    });
  }

  releaseAll(): void {
    for (const resolve of this.#hanging) resolve();
    this.#hanging.clear();
    this.#armed = [];
  }
}

export function parseTrap(body: unknown): Trap | null {
  if (typeof body !== 'object' || body === null) return null;
  const record = body as Record<string, unknown>;
  const pathContains = typeof record['pathContains'] === 'string' ? record['pathContains'] : null;
  if (record['kind'] === 'timeout') return { kind: 'timeout', pathContains };
  if (record['kind'] === 'status' && typeof record['status'] === 'number') {
    return { kind: 'status', status: record['status'], pathContains };
  }
  return null;
}
