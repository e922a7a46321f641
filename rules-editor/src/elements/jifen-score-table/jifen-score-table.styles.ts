import { css } from 'lit';

export const styles = css`
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: var(--jf-space-2);
    align-items: center;
    margin-bottom: var(--jf-space-2);
  }
  .tools .search {
    flex: 1 1 220px;
  }
  .tools .field {
    margin: 0;
  }
  .scroll {
    overflow: auto;
    max-height: calc(100vh - 220px);
    border: 1px solid var(--jf-border);
    border-radius: var(--jf-radius);
  }
  table {
    border-collapse: separate;
    border-spacing: 0;
    width: max-content;
    min-width: 100%;
    font-size: var(--jf-text-small);
  }
  th {
    position: sticky;
    top: 0;
    z-index: 2;
    background: var(--jf-surface-alt);
    text-align: left;
    white-space: nowrap;
    padding: 6px 8px;
    border-bottom: 1px solid var(--jf-border-strong);
  }
  td {
    padding: 4px 8px;
    border-bottom: 1px solid var(--jf-border);
    border-right: 1px solid var(--jf-border);
    vertical-align: top;
    background: var(--jf-surface);
    position: relative;
    min-height: 28px;
  }
  th.title,
  td.title {
    position: sticky;
    left: 0;
    z-index: 1;
    min-width: 180px;
    max-width: 260px;
  }
  th.title {
    z-index: 3;
  }
  td.points,
  td.per,
  td.min,
  td.max,
  td.step,
  td.cap {
    text-align: right;
    font-variant-numeric: tabular-nums;
    min-width: 64px;
  }
  td.conditions {
    min-width: 240px;
    max-width: 420px;
  }
  td.reference,
  td.department {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    max-width: 260px;
  }
  td.reference {
    color: var(--jf-muted);
  }
  td.editable {
    cursor: cell;
  }
  td.editable:not(.title) {
    background: #fffdf5;
  }
  td[aria-selected='true'] {
    outline: 2px solid var(--jf-primary);
    outline-offset: -2px;
    z-index: 1;
  }
  td:focus-visible {
    outline: 3px solid var(--jf-focus);
    outline-offset: -3px;
  }
  td.invalid {
    box-shadow: inset 0 0 0 2px var(--jf-danger);
    background: var(--jf-danger-soft);
  }
  td input {
    width: 100%;
    min-width: 60px;
    font: inherit;
    padding: 2px 4px;
  }
  .cell-error {
    color: var(--jf-danger);
    font-size: 12px;
    white-space: nowrap;
  }
  tr.level-group td {
    background: var(--jf-primary-soft);
    font-weight: 600;
  }
  tr.level-indicator td.title {
    font-weight: 600;
  }
  tr.level-tier td.title,
  tr.level-band td.title {
    padding-left: 24px;
    color: var(--jf-text);
  }
  tr.included td {
    color: var(--jf-muted);
  }
  .badge {
    font-weight: 400;
  }
  @media (max-width: 600px) {
    th.title,
    td.title {
      min-width: 120px;
      max-width: 150px;
    }
    .scroll {
      max-height: none;
    }
  }
`;
