import type { Sheet } from '../../domain/workbook';
import type { PublicRound } from './round-queries';

/**
 * A round's public ranked list as one sheet, exactly as the public page shows it: masked names, child and
 * permit numbers, points, result and movement; eligible applicants in rank order, then those not eligible.
 *
 * @example
 * const sheet = publicRoundSheet(await publicRound(deps, 3));
 */
export function publicRoundSheet(notice: PublicRound): Sheet {
  const child = notice.round.childRelated;
  const header = ['名次 Rank', '姓名 Name', ...(child ? ['子女 Child'] : []), '居住证号 Permit', '积分 Points', '就高原则 Spouse counted', '结果 Result', '原名次 Was'];
  const rows = [
    ...notice.entries.filter((e) => e.eligible).map((e) => [
      `${e.position ?? ''}${e.tied ? '=' : ''}`,
      e.maskedName,
      ...(child ? [e.maskedChildName ?? ''] : []),
      e.maskedPermit,
      e.score,
      e.spouseCounted ? '是 yes' : '',
      e.admitted ? '拟录取 Admitted' : '未录取 Not admitted',
      e.previousPosition !== undefined && e.previousPosition !== e.position ? e.previousPosition : null,
    ]),
    ...notice.entries.filter((e) => !e.eligible).map((e) => [
      '—',
      e.maskedName,
      ...(child ? [e.maskedChildName ?? ''] : []),
      e.maskedPermit,
      e.score,
      e.spouseCounted ? '是 yes' : '',
      '未达条件 Not eligible',
      null,
    ]),
  ];
  return {
    name: `第${notice.round.id}轮 Round ${notice.round.id}`,
    headerRows: 1,
    columns: header.map((h) => ({ width: h.startsWith('结果') ? 22 : 14 })),
    rows: [header, ...rows],
  };
}
