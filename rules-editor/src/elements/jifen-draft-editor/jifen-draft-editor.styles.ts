import { css } from 'lit';

export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: var(--jf-space-3);
  }
  .head {
    display: flex;
    justify-content: space-between;
    align-items: flex-end;
    gap: var(--jf-space-3);
    flex-wrap: wrap;
  }
  .head h1 {
    margin: 2px 0;
    display: flex;
    align-items: center;
    gap: var(--jf-space-2);
  }
  .head .title a {
    font-size: var(--jf-text-small);
  }
  .layout {
    display: grid;
    grid-template-columns: 210px minmax(0, 1fr);
    gap: var(--jf-space-3);
    align-items: start;
  }
  .layout.with-preview {
    grid-template-columns: 210px minmax(0, 1fr) minmax(300px, 340px);
  }
  .nav {
    position: sticky;
    top: var(--jf-space-3);
    max-height: calc(100vh - 140px);
    overflow: auto;
  }
  .main {
    min-width: 0;
  }
  .side {
    position: sticky;
    top: var(--jf-space-3);
    max-height: calc(100vh - 90px);
    overflow: auto;
    padding: var(--jf-space-3);
  }
  .errors summary {
    cursor: pointer;
    font-weight: 600;
  }
  .errors ul {
    margin: var(--jf-space-2) 0 0;
    padding: 0;
    list-style: none;
    max-height: 180px;
    overflow: auto;
  }
  .errors li {
    display: flex;
    gap: var(--jf-space-2);
    align-items: baseline;
  }
  .errors code {
    font-family: var(--jf-font-mono);
    font-size: 12px;
  }
  @media (max-width: 1000px) {
    .layout,
    .layout.with-preview {
      grid-template-columns: 1fr;
    }
    .nav,
    .side {
      position: static;
      max-height: none;
    }
  }
  details.impact {
    border: 1px solid var(--jf-border);
    border-radius: var(--jf-radius);
    padding: var(--jf-space-2) var(--jf-space-3);
  }
  details.impact summary {
    cursor: pointer;
    font-weight: 600;
  }
  details.impact[open] summary {
    margin-bottom: var(--jf-space-2);
  }
`;
