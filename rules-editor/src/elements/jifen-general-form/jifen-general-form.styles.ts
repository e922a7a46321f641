import { css } from 'lit';

export const styles = css`
  .facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--jf-space-2) var(--jf-space-4);
    margin: 0;
  }
  dt {
    color: var(--jf-muted);
    font-size: var(--jf-text-small);
    padding-top: 1px;
  }
  dd {
    margin: 0;
  }
`;
