import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('CSV for records', () => {
  it('starts with a byte order mark, quotes what needs quoting and keeps Chinese as it is', () => {
    expect(toCsv([['姓名', '积分', '说明'], ['张*', 120.5, '含,逗号与"引号"'], [null, true, '两\n行']])).toBe(
      '\uFEFF姓名,积分,说明\r\n张*,120.5,"含,逗号与""引号"""\r\n,TRUE,"两\n行"\r\n',
    );
  });

  it('never lets a text cell run as a formula in Excel', () => {
    const csv = toCsv([['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', 'ok'], [-2]]);
    expect(csv).toBe('\uFEFF"\'=HYPERLINK(""http://x"")",\'+1,\'-2,\'@SUM(A1),ok\r\n-2\r\n');
  });
});
