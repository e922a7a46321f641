import { css } from 'lit';

export const styles = css`
  table.card {
    padding: 0;
    overflow: hidden;
  }
  .nowrap {
    white-space: nowrap;
  }
  td.note {
    max-width: 360px;
  }
`;
