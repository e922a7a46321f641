import type { FactBound } from '../../../server/src/domain/rule-set/schema';
import type { Lang } from '../i18n/i18n';

/**
 * A fact bound as staff read it beside the fact: the limit, then why and where it comes from.
 *
 * @example
 * describeBound({ kind: 'max', value: 600, reason, reference }, 'zh', titleOf); // '不大于 600：最长约50年（依据：…）'
 */
export function describeBound(bound: FactBound, lang: Lang, titleOf: (fact: string) => string): string {
  const zh = lang === 'zh';
  const limit = ((): string => {
    switch (bound.kind) {
      case 'min':
        return zh ? `不小于 ${bound.value}` : `at least ${bound.value}`;
      case 'max':
        return zh ? `不大于 ${bound.value}` : `at most ${bound.value}`;
      case 'notAfterAsOf':
        return zh ? '不晚于评估日期' : 'not after the evaluation date';
      case 'notBefore':
        return zh ? `不早于 ${bound.date}` : `not before ${bound.date}`;
      case 'maxMonthsSince': {
        const years = bound.afterYears ?? 0;
        const from = titleOf(bound.fact);
        if (zh) return `不超过自${from}${years ? `后满 ${years} 年` : ''}起至评估日期的整月数`;
        return `at most the full months from ${from}${years ? ` plus ${years} years` : ''} to the evaluation date`;
      }
    }
  })();
  const ref = bound.reference.clause ? `${bound.reference.document} ${bound.reference.clause}` : bound.reference.document;
  return zh ? `${limit}：${bound.reason.zh}（依据：${ref}）` : `${limit}: ${bound.reason.en} (${ref})`;
}
