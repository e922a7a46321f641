import type { InValue, Row } from '@libsql/client';
import type { Provenance, ProvenanceKind } from '../../domain/residents/types';
import { PROVENANCE_KINDS } from '../../domain/residents/types';
import type { FactValue } from '../../domain/scoring/types';

/** Row conversions shared by the resident storage modules. */

export function provenanceArgs(p: Provenance): InValue[] {
  return [p.kind, p.source, p.at, p.evidence ?? null];
}

export function provenanceOf(row: Row): Provenance {
  const kind = String(row.source_kind);
  return {
    kind: isKind(kind) ? kind : 'seed',
    source: String(row.source),
    at: String(row.recorded_at),
    ...(row.evidence === null || row.evidence === undefined ? {} : { evidence: String(row.evidence) }),
  };
}

function isKind(kind: string): kind is ProvenanceKind {
  return (PROVENANCE_KINDS as readonly string[]).includes(kind);
}

/** A stored object of current fact values (JSON text), keeping only values a fact can hold. */
export function factValuesOf(json: string): Record<string, FactValue> {
  const parsed: unknown = JSON.parse(json);
  const out: Record<string, FactValue> = {};
  if (parsed === null || typeof parsed !== 'object') return out;
  for (const [fact, value] of Object.entries(parsed)) {
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') out[fact] = value;
    else if (Array.isArray(value)) out[fact] = value.map(String);
  }
  return out;
}

/** A stored fact value (JSON text, or SQL NULL for a cleared fact). */
export function factValueOf(raw: unknown): FactValue | null {
  if (raw === null || raw === undefined) return null;
  const value: unknown = JSON.parse(String(raw));
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(String);
  return null;
}
