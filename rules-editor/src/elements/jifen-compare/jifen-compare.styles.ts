import { css } from 'lit';

export const styles = css`
  h1 {
    margin: 4px 0 0;
  }
  .pick {
    align-items: flex-end;
  }
  .pick .field {
    min-width: 240px;
  }
  .print-only {
    display: none;
  }
  @media print {
    .no-print {
      display: none !important;
    }
    .print-only {
      display: inline;
    }
    div.print-only {
      display: block;
    }
    .card {
      border: none;
      box-shadow: none;
      padding: 0;
    }
  }
  .arrow {
    padding-bottom: 6px;
    color: var(--jf-muted);
  }
`;
