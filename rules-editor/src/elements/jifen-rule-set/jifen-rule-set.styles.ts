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
  /* A phone: the version's buttons wrap under its details. */
  @media (max-width: 720px) {
    td.actions {
      white-space: normal;
    }
    td.actions > * {
      margin: var(--jf-space-1) var(--jf-space-1) 0 0;
    }
    td.actions > * + * {
      margin-left: 0;
    }
  }
`;
