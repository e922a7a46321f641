import { css } from 'lit';

export const styles = css`
  .head {
    margin-bottom: var(--jf-space-3);
    align-items: flex-end;
  }
  .card {
    padding: var(--jf-space-3);
  }
`;
