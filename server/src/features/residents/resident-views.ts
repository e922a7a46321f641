import type { Context } from 'hono';
import { JifenError } from '../../domain/errors';
import { maskName, maskPermit } from '../../domain/residents/mask';
import type { Child, Resident } from '../../domain/residents/types';
import { principalOf, type AppEnv } from '../../platform/http/access';

/**
 * Who sees what of a resident. Reviewers and admins handle residents' claims and records: they see names,
 * and the full permit number on the record screen only. A resident sees their own name. Everyone else
 * (auditors, lists read for statistics) sees both masked.
 */
export interface Disclosure {
  names: boolean;
  permit: boolean;
}

/**
 * What the caller may see of resident `id`; a resident may read only their own records (403 otherwise).
 * `recordScreen` is true on `GET /residents/{id}`, the one place a full permit number is shown.
 */
export function disclosureFor(c: Context<AppEnv>, residentId: string | undefined, recordScreen = false): Disclosure {
  const principal = principalOf(c);
  if (principal?.kind === 'resident') {
    if (residentId !== undefined && principal.id !== residentId) throw new JifenError('forbidden', { en: 'Residents: a resident may read only their own records', zh: '居民只能查看自己的记录' });
    return { names: true, permit: false };
  }
  if (principal?.kind === 'staff') {
    const handles = principal.user.roles.some((r) => r === 'reviewer' || r === 'admin');
    return { names: handles, permit: handles && recordScreen };
  }
  return { names: false, permit: false };
}

/** A resident as a response shows them. */
export function residentSummary(r: Resident, d: Disclosure) {
  return {
    id: r.id,
    name: d.names ? r.name : maskName(r.name),
    permitNumber: d.permit ? r.permitNumber : maskPermit(r.permitNumber),
    ...(r.residenceRegistrationDate ? { residenceRegistrationDate: r.residenceRegistrationDate } : {}),
    ...(r.spouseId ? { spouseId: r.spouseId } : {}),
    updatedAt: r.updatedAt,
  };
}

export function personView(r: Resident, d: Disclosure) {
  return { id: r.id, name: d.names ? r.name : maskName(r.name), permitNumber: d.permit ? r.permitNumber : maskPermit(r.permitNumber) };
}

export function childView(child: Child, d: Disclosure) {
  return { ...child, name: d.names ? child.name : maskName(child.name) };
}
