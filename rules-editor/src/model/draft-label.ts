import type { Draft } from '../api/types';
import { formatInstant, msg } from '../i18n/i18n';

/**
 * What a draft is called on screen: the name staff gave it, or — for one never named — when it was created
 * (「草稿 · 创建于 2026-06-30 10:00」), so that every list, header and picker reads in people's words.
 *
 * @example
 * draftLabel({ name: '2027年春季入学积分调整', createdAt: '…' }); // '2027年春季入学积分调整'
 */
export function draftLabel(draft: Pick<Draft, 'name' | 'createdAt'>): string {
  return draft.name ?? msg().draftUnnamed(formatInstant(draft.createdAt));
}
