import type { EffectiveFromContext } from '../../../server/src/domain/drafts/effective-from';
import type { VersionMeta } from '../api/types';
import { today } from '../i18n/i18n';

/**
 * What the date a version takes effect is checked against, as the server checks it on approval: today in
 * China and the latest published version's date (see the domain's effective-from.ts, which both use).
 *
 * @example
 * proposedEffectiveFrom(effectiveContext((await api.getRuleSet(id)).versions)); // '2026-07-01'
 */
export function effectiveContext(versions: readonly Pick<VersionMeta, 'effectiveFrom'>[]): EffectiveFromContext {
  const latest = versions.reduce((max, v) => (v.effectiveFrom > max ? v.effectiveFrom : max), '');
  return { today: today(), ...(latest ? { latestEffectiveFrom: latest } : {}) };
}
