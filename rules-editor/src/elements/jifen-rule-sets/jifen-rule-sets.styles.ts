import { css } from 'lit';

export const styles = css`
  .list {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--jf-space-4);
  }
  h2 {
    margin: 0 0 2px;
  }
  h2 a {
    color: var(--jf-text);
    text-decoration: none;
  }
  h2 a:hover {
    color: var(--jf-primary);
    text-decoration: underline;
  }
  h3 {
    margin: var(--jf-space-3) 0 var(--jf-space-2);
    font-size: 13.5px;
  }
  .meta {
    display: grid;
    grid-template-columns: repeat(5, auto);
    grid-auto-flow: column;
    grid-template-rows: auto auto;
    justify-content: start;
    gap: 2px var(--jf-space-6);
    margin: var(--jf-space-3) 0 0;
    padding: var(--jf-space-3);
    background: var(--jf-surface-alt);
    border-radius: var(--jf-radius);
  }
  .meta dt {
    font-size: var(--jf-text-small);
    color: var(--jf-muted);
  }
  .meta dd {
    margin: 0;
  }
  .drafts {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .drafts li {
    display: flex;
    gap: var(--jf-space-2);
    align-items: baseline;
    flex-wrap: wrap;
    padding: 4px 0;
    border-bottom: 1px solid var(--jf-border);
  }
  .drafts a {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  /* A phone: the version in force reads as a list, each value beside its name, rather than five columns. */
  @media (max-width: 720px) {
    .meta {
      grid-template-columns: 7em minmax(0, 1fr);
      grid-auto-flow: row;
      grid-template-rows: none;
      gap: 2px var(--jf-space-2);
    }
    .meta dd {
      overflow-wrap: anywhere;
    }
  }
`;
