import { css } from 'lit';

export const styles = css`
  dialog {
    max-width: min(900px, calc(100vw - 48px));
  }
  table {
    margin-bottom: var(--jf-space-3);
  }
  td.mono {
    word-break: break-all;
    max-width: 260px;
  }
  h3 {
    margin-top: var(--jf-space-3);
  }
  details {
    margin: var(--jf-space-2) 0;
  }
`;
