import { css } from 'lit';

export const styles = css`
  h1 {
    margin: 0;
  }
  .filters {
    display: grid;
    grid-template-columns: repeat(5, minmax(0, 1fr)) auto auto;
    gap: var(--jf-space-3);
    align-items: end;
  }
  table.entries {
    padding: 0;
  }
  /* A phone: filters two to a line, the trail scrolls sideways inside its card rather than the page. */
  @media (max-width: 720px) {
    .filters {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
    table.entries {
      display: block;
      overflow-x: auto;
    }
  }
  .nowrap {
    white-space: nowrap;
  }
  details pre {
    max-width: 420px;
    max-height: 240px;
  }
  summary {
    cursor: pointer;
    color: var(--jf-primary);
  }
  .draft-name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
`;
