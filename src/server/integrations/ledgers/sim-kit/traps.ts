/**
 * One-shot faults a test arms through a simulator's admin API: the next matching request
 * fails with a 5xx, or hangs until the caller gives up (the simulator releases it on close),
 * or is carried out but its answer is lost on the way back (`lost_answer`: the caller sees a 5xx
 * although the write happened, as behind a gateway timeout).
 */

export type Trap =
  | { readonly kind: 'status'; readonly status: number; readonly pathContains: string | null }
  | { readonly kind: 'timeout'; readonly pathContains: string | null }
  | { readonly kind: 'lost_answer'; readonly status: number; readonly pathContains: string | null };

export class Traps {
  #armed: Trap[] = [];
  readonly #hanging = new Set<() => void>();

  arm(trap: Trap): void {
    this.#armed.push(trap);
  }

  /** Removes and returns the first armed trap matching the URL that fires before the request runs. */
  take(url: string): Exclude<Trap, { kind: 'lost_answer' }> | undefined {
    const index = this.#armed.findIndex((t) => t.kind !== 'lost_answer' && matches(t, url));
    const trap = index < 0 ? undefined : this.#armed.splice(index, 1)[0];
    return trap?.kind === 'lost_answer' ? undefined : trap;
  }

  /** Removes and returns the first armed `lost_answer` trap matching the URL (after a successful write). */
  takeLostAnswer(url: string): Extract<Trap, { kind: 'lost_answer' }> | undefined {
    const index = this.#armed.findIndex((t) => t.kind === 'lost_answer' && matches(t, url));
    const trap = index < 0 ? undefined : this.#armed.splice(index, 1)[0];
    return trap?.kind === 'lost_answer' ? trap : undefined;
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

const matches = (trap: Trap, url: string) => trap.pathContains === null || url.includes(trap.pathContains);

export function parseTrap(body: unknown): Trap | null {
  if (typeof body !== 'object' || body === null) return null;
  const record = body as Record<string, unknown>;
  const pathContains = typeof record['pathContains'] === 'string' ? record['pathContains'] : null;
  if (record['kind'] === 'timeout') return { kind: 'timeout', pathContains };
  if (record['kind'] === 'lost_answer') {
    const status = typeof record['status'] === 'number' ? record['status'] : 504;
    return { kind: 'lost_answer', status, pathContains };
  }
  if (record['kind'] === 'status' && typeof record['status'] === 'number') {
    return { kind: 'status', status: record['status'], pathContains };
  }
  return null;
}
