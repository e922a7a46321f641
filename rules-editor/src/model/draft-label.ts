import type { Draft, FieldError } from '../api/types';
import { formatInstant, msg } from '../i18n/i18n';
import { localError, localMessage } from './field-errors';

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

/**
 * A refused name or rename as a sentence in the UI's language: the name's problem or the draft's state (the
 * server's Chinese is a sentence already; its English says what the field must be), else the error itself.
 *
 * @example
 * nameRefusal(error); // '草稿名称不能为空' / 'The draft name must not be blank.'
 */
export function nameRefusal(error: { message: string; fields: readonly FieldError[]; body?: unknown }): string {
  const field = error.fields[0];
  if (!field) return localError(error);
  return field.path === 'status' ? msg().draftStatusError(localMessage(field)) : msg().draftNameError(localMessage(field));
}
