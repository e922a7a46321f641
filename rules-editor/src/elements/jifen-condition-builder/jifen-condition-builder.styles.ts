import { css } from 'lit';

export const styles = css`
  .builder {
    padding: var(--jf-space-2) var(--jf-space-3) var(--jf-space-3);
  }
  .group {
    border-left: 3px solid var(--jf-primary);
    background: var(--jf-surface-alt);
    border-radius: 0 var(--jf-radius) var(--jf-radius) 0;
    padding: var(--jf-space-2) var(--jf-space-2) var(--jf-space-2) var(--jf-space-3);
  }
  .group.any {
    border-left-color: #7a5cb8;
  }
  .group.not {
    border-left-color: var(--jf-danger);
    background: #fff;
  }
  .group .group {
    background: var(--jf-surface);
  }
  .group .group .group {
    background: var(--jf-surface-alt);
  }
  .group-head {
    margin-bottom: var(--jf-space-2);
  }
  .group-head .kind {
    font-weight: 600;
  }
  .spacer {
    flex: 1;
  }
  .not-label {
    color: var(--jf-danger);
  }
  .items {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--jf-space-2);
  }
  .leaf-row {
    display: grid;
    grid-template-columns: minmax(170px, 1.3fr) minmax(140px, 1fr) minmax(160px, 1.5fr) auto;
    gap: var(--jf-space-2);
    align-items: start;
  }
  .leaf-row select,
  .leaf-row input:not([type='checkbox']) {
    width: 100%;
  }
  .leaf-row .remove {
    grid-column: 4;
    grid-row: 1;
  }
  .value.wide {
    grid-column: 1 / 4;
    grid-row: 2;
  }
  .value {
    display: flex;
    align-items: center;
    gap: var(--jf-space-1);
    min-width: 0;
  }
  .unit {
    white-space: nowrap;
    font-size: var(--jf-text-small);
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 12px;
    padding: 4px 8px;
    background: var(--jf-surface);
    width: 100%;
  }
  .choices .check {
    font-size: var(--jf-text-small);
  }
  .none {
    padding: var(--jf-space-1) 0;
  }

  .leaf.pending {
    border: 1px dashed var(--jf-warning);
    border-radius: var(--jf-radius);
    padding: var(--jf-space-1) var(--jf-space-2) var(--jf-space-2);
    background: var(--jf-surface);
  }
  .pending-label {
    margin-bottom: var(--jf-space-1);
  }
  @media (max-width: 640px) {
    .leaf-row {
      grid-template-columns: 1fr auto;
    }
    .leaf-row .remove {
      grid-column: 2;
    }
    .leaf-row .fact,
    .leaf-row .operator,
    .leaf-row .value,
    .value.wide {
      grid-column: 1;
      grid-row: auto;
    }
  }
`;
