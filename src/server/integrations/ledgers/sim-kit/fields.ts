import { isRecord } from './http';

/** Tolerant readers for already-schema-checked JSON records. */

export type Json = Record<string, unknown>;

export function str(obj: Json | undefined, key: string): string | undefined {
  const value = obj?.[key];
  return typeof value === 'string' ? value : undefined;
}

export function num(obj: Json | undefined, key: string): number | undefined {
  const value = obj?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function rec(obj: Json | undefined, key: string): Json | undefined {
  const value = obj?.[key];
  return isRecord(value) ? value : undefined;
}

export function recs(obj: Json | undefined, key: string): Json[] {
  const value = obj?.[key];
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** Rounds to cents without drifting (the simulators' totals are shown, not booked). */
export function round2(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

/** "2024-03-05", "2024-03-05T00:00:00" or "/Date(1709596800000+0000)/" -> "2024-03-05". */
export function isoDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const plain = /^(\d{4}-\d{2}-\d{2})(?:T[\d:.]+Z?)?$/.exec(value);
  if (plain?.[1] !== undefined) return plain[1];
  const ms = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/.exec(value);
  if (ms?.[1] !== undefined) return new Date(Number(ms[1])).toISOString().slice(0, 10);
  return null;
}
