import { css } from 'lit';

export const styles = css`
  h2 {
    margin: 0;
  }
  .counted {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
    gap: var(--jf-space-3);
    margin-top: var(--jf-space-2);
  }
  .counted > div {
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .tie-breakers {
    list-style: none;
    margin: 0 0 var(--jf-space-2);
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--jf-space-2);
  }
  .tie-breaker {
    display: grid;
    grid-template-columns: 24px minmax(120px, 1fr) minmax(160px, 1.5fr) minmax(120px, 1fr) auto;
    gap: var(--jf-space-2);
    align-items: end;
  }
  .tie-breaker .n {
    color: var(--jf-muted);
    padding-bottom: 6px;
  }
  .tie-breaker .errors {
    grid-column: 2 / -1;
  }
  .tie-breaker .item-buttons {
    padding-bottom: 2px;
  }
`;
