import { css } from 'lit';

export const styles = css`
  h1 {
    margin: 4px 0 2px;
  }
  .nowrap {
    white-space: nowrap;
  }
  td.note {
    max-width: 320px;
  }
  td.row {
    display: table-cell;
  }
  td.row > * + * {
    margin-left: var(--jf-space-1);
  }
`;
