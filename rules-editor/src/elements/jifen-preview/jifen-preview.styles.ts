import { css } from 'lit';

export const styles = css`
  .preview {
    display: flex;
    flex-direction: column;
    gap: var(--jf-space-3);
  }
  .head h2 {
    margin: 0;
  }
  .total {
    display: flex;
    align-items: baseline;
    flex-wrap: wrap;
    gap: var(--jf-space-2);
    padding: var(--jf-space-3);
    background: var(--jf-primary-soft);
    border-radius: var(--jf-radius);
  }
  .total .label {
    color: var(--jf-muted);
  }
  .total strong {
    font-size: 28px;
    line-height: 1;
    color: var(--jf-primary);
    font-variant-numeric: tabular-nums;
  }
  .total .save-case {
    margin-left: auto;
  }
  .result {
    display: flex;
    flex-direction: column;
    gap: var(--jf-space-2);
  }
  .result h3 {
    margin: var(--jf-space-2) 0 0;
    font-size: 13.5px;
  }
  .groups th,
  .groups td {
    padding: 3px 6px;
  }
  ul.indicators,
  ul.scenarios {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ul.indicators li,
  ul.scenarios li {
    padding: 5px 0;
    border-bottom: 1px solid var(--jf-border);
  }
  .missing {
    color: var(--jf-danger);
  }
  .sample summary {
    cursor: pointer;
    font-weight: 600;
    padding: var(--jf-space-1) 0;
  }
  .sample-head {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: var(--jf-space-2);
    margin: var(--jf-space-2) 0;
  }
  .facts {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: var(--jf-space-2);
  }
  .facts .wide {
    grid-column: 1 / -1;
  }
  .facts .field > span:first-child {
    font-size: 12px;
  }
  .bounds {
    margin: 2px 0 0;
    padding-left: 1.1em;
  }
  .list-fact {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 10px;
  }
  fieldset.about {
    display: grid;
    gap: var(--jf-space-1);
  }
  fieldset.about .pick {
    margin-left: 1.6em;
  }
  fieldset.about fieldset.pick {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 12px;
  }
`;
