import { css } from 'lit';

export const styles = css`
  h1 {
    margin: 4px 0 2px;
    display: flex;
    align-items: center;
    gap: var(--jf-space-2);
    flex-wrap: wrap;
    overflow-wrap: anywhere;
  }
  .note {
    white-space: pre-wrap;
    margin: 0;
  }
  .columns {
    display: grid;
    grid-template-columns: minmax(0, 1.6fr) minmax(320px, 1fr);
    gap: var(--jf-space-4);
    align-items: start;
  }
  .reject {
    border-top: 1px solid var(--jf-border);
    padding-top: var(--jf-space-3);
  }
  @media (max-width: 1000px) {
    .columns {
      grid-template-columns: 1fr;
    }
  }
`;
