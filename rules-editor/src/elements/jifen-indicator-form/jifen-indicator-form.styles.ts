import { css } from 'lit';

export const styles = css`
  h2 {
    margin: 0;
    display: flex;
    align-items: center;
    gap: var(--jf-space-2);
  }
  h4 {
    margin: 0;
  }
  .tiers {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--jf-space-3);
  }
  .tier {
    display: flex;
    flex-direction: column;
    gap: var(--jf-space-2);
    padding: var(--jf-space-3);
    box-shadow: none;
  }
  .tier-grid {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 2fr);
    gap: var(--jf-space-3);
    align-items: start;
    max-width: 520px;
  }
  .bands input {
    width: 100%;
    min-width: 70px;
  }
  .bands td {
    padding: 4px;
  }
  .bands td:first-child {
    color: var(--jf-muted);
    padding-top: 10px;
    width: 28px;
  }
  .bands td:last-child {
    width: 1%;
    white-space: nowrap;
  }
`;
