import { css } from 'lit';

export const styles = css`
  :host {
    font-size: 13.5px;
  }
  nav {
    display: flex;
    flex-direction: column;
    gap: var(--jf-space-1);
  }
  h3 {
    margin: var(--jf-space-3) 0 var(--jf-space-1);
    font-size: var(--jf-text-small);
    color: var(--jf-muted);
    text-transform: uppercase;
    letter-spacing: 0.04em;
    padding: 0 var(--jf-space-2);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ul.end {
    margin-top: var(--jf-space-3);
    border-top: 1px solid var(--jf-border);
    padding-top: var(--jf-space-2);
  }
  .nav-item {
    width: 100%;
    justify-content: flex-start;
    border-color: transparent;
    background: transparent;
    min-height: 30px;
    padding: 3px 8px;
    text-align: left;
    white-space: normal;
  }
  .nav-item .label {
    flex: 1;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .nav-item.current,
  .nav-item.current:hover:not(:disabled) {
    background: var(--jf-primary-soft);
    color: var(--jf-primary);
    font-weight: 600;
    border-color: transparent;
  }
  .kind {
    font-size: 11.5px;
    color: var(--jf-muted);
    white-space: nowrap;
  }
  .add {
    margin: var(--jf-space-1) var(--jf-space-2);
    align-self: flex-start;
  }
  .included {
    margin: 0 var(--jf-space-2) var(--jf-space-1);
  }
`;
