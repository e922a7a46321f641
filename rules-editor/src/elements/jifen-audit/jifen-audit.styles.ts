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
  /* An entry the last check found altered, inserted or out of place: what it says is not what was recorded. */
  tr.broken td {
    background: var(--jf-danger-soft);
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
  /* Each change in staff's words, the exact pointer under it for an auditor who needs it. */
  ul.patch {
    margin: 0 0 var(--jf-space-2);
    padding-left: 1.1em;
    min-width: 16em;
  }
  ul.patch li + li {
    margin-top: var(--jf-space-1);
  }
  ul.patch .where {
    overflow-wrap: anywhere;
  }
  ul.patch code.pointer {
    display: block;
    color: var(--jf-muted);
    font-size: 0.85em;
    overflow-wrap: anywhere;
  }
  .draft-name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  /* A phone: filters two to a line; each entry is a block of its own (number, time and action first). */
  @media (max-width: 720px) {
    .filters {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
    td.seq::before {
      content: '#';
    }
    details pre {
      max-width: 100%;
    }
  }
`;
