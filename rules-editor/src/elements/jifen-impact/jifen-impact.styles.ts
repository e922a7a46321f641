import { css } from 'lit';

export const styles = css`
  h2 {
    margin-bottom: var(--jf-space-1);
  }
  h3 {
    margin: 0 0 var(--jf-space-2);
  }
  h4 {
    margin: 0 0 var(--jf-space-1);
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--jf-space-3);
  }
  .controls select {
    max-width: 320px;
  }
  .progress {
    display: flex;
    align-items: center;
    gap: var(--jf-space-3);
  }
  progress {
    flex: 1;
    height: 10px;
    appearance: none;
    border: 0;
    border-radius: 999px;
    background: var(--jf-surface-alt);
    overflow: hidden;
  }
  progress::-webkit-progress-bar {
    background: var(--jf-primary-soft);
    border-radius: 999px;
  }
  progress::-webkit-progress-value {
    background: var(--jf-primary);
    border-radius: 999px;
  }
  progress::-moz-progress-bar {
    background: var(--jf-primary);
  }
  .summary {
    margin: 0;
  }
  .totals {
    display: flex;
    flex-wrap: wrap;
    gap: var(--jf-space-2) var(--jf-space-5);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .totals strong {
    font-size: 18px;
    font-variant-numeric: tabular-nums;
  }
  .up {
    color: var(--jf-success);
  }
  .down {
    color: var(--jf-danger);
  }
  .zero {
    color: var(--jf-muted);
  }
  td.num,
  th.num {
    white-space: nowrap;
  }
  .histogram {
    display: grid;
    grid-template-columns: max-content minmax(80px, 1fr) max-content;
    gap: 2px var(--jf-space-2);
    align-items: center;
    font-size: var(--jf-text-small);
  }
  .bin {
    display: contents;
  }
  .range {
    font-variant-numeric: tabular-nums;
    color: var(--jf-muted);
  }
  meter {
    display: block;
    width: 100%;
    height: 14px;
    appearance: none;
    border: 0;
    border-radius: 3px;
    background: var(--jf-surface-alt);
  }
  meter::-webkit-meter-bar {
    height: 14px;
    border: 0;
    border-radius: 3px;
    background: var(--jf-surface-alt);
  }
  meter::-webkit-meter-optimum-value,
  meter::-webkit-meter-suboptimum-value,
  meter::-webkit-meter-even-less-good-value {
    border-radius: 3px;
    background: var(--jf-success);
  }
  meter.down::-webkit-meter-optimum-value,
  meter.down::-webkit-meter-suboptimum-value,
  meter.down::-webkit-meter-even-less-good-value {
    background: var(--jf-danger);
  }
  meter::-moz-meter-bar {
    border-radius: 3px;
    background: var(--jf-success);
  }
  meter.down::-moz-meter-bar {
    background: var(--jf-danger);
  }
  .overview,
  .ranking {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(340px, 100%), 1fr));
    gap: var(--jf-space-4) var(--jf-space-5);
    align-items: start;
  }
  .movers-pair {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(260px, 100%), 1fr));
    gap: var(--jf-space-4);
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--jf-space-2) var(--jf-space-5);
    margin: 0 0 var(--jf-space-2);
  }
  .facts dt {
    font-size: var(--jf-text-small);
    color: var(--jf-muted);
  }
  .facts dd {
    margin: 0;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .ranking {
    border-top: 1px solid var(--jf-border);
    padding-top: var(--jf-space-3);
  }
`;
