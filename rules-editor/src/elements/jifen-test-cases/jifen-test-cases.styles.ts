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
  /* A phone: a case's title shares its line with its remove button. */
  @media (max-width: 720px) {
    table.stacked td.lead:first-child {
      flex: 1 1 0;
    }
  }
`;
