import { css } from 'lit';

export const styles = css`
  h1 {
    margin: 4px 0 0;
  }
  .pick {
    align-items: flex-end;
  }
  .pick .field {
    min-width: 240px;
  }
  .arrow {
    padding-bottom: 6px;
    color: var(--jf-muted);
  }
`;
