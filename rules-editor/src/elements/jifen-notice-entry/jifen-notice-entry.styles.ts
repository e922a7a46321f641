import { css } from 'lit';

export const styles = css`
  textarea {
    width: 100%;
    font: inherit;
    padding: 6px 8px;
    border: 1px solid var(--jf-border);
    border-radius: var(--jf-radius);
    resize: vertical;
  }
  textarea[aria-invalid='true'],
  input[aria-invalid='true'] {
    border-color: var(--jf-danger);
  }
  .year {
    max-width: 10rem;
  }
  input[type='file'] {
    max-width: 100%;
  }
  .read-back {
    border-top: 1px solid var(--jf-border);
    padding-top: var(--jf-space-3);
  }
  ul.plain {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  ul.plain li {
    padding: 2px 0;
  }
  .scroll {
    overflow-x: auto;
  }
  .nowrap {
    white-space: nowrap;
  }
  .old {
    text-decoration: line-through;
    color: var(--jf-muted);
  }
  .confirm-box {
    border: 2px solid var(--jf-warning);
    border-radius: var(--jf-radius);
    padding: var(--jf-space-3);
    background: var(--jf-warning-soft);
  }
  .field-error p {
    margin: 0;
  }
`;
