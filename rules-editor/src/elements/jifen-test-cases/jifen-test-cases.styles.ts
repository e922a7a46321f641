import { css } from 'lit';

export const styles = css`
  h2 {
    margin: 0;
  }
  .nowrap {
    white-space: nowrap;
  }
  .scope {
    color: var(--jf-primary);
  }
  .diffs {
    margin: var(--jf-space-1) 0 0;
    padding-left: 1.2em;
  }
`;
