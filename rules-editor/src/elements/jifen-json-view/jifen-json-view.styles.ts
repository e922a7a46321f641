import { css } from 'lit';

export const styles = css`
  h2 {
    margin: 0;
  }
  textarea {
    font-family: var(--jf-font-mono);
    font-size: 12.5px;
    line-height: 1.45;
    min-height: 60vh;
    tab-size: 2;
    white-space: pre;
  }
  .problems {
    margin: 0;
    padding: var(--jf-space-2) var(--jf-space-3) var(--jf-space-2) 2em;
    background: var(--jf-danger-soft);
    color: var(--jf-danger);
    border-radius: var(--jf-radius);
    max-height: 200px;
    overflow: auto;
  }
  code {
    font-family: var(--jf-font-mono);
    font-weight: 600;
  }
`;
