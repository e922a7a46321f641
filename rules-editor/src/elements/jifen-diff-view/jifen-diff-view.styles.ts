import { css } from 'lit';

export const styles = css`
  .changes td:first-child {
    width: 50%;
  }
  td.before {
    background: var(--jf-danger-soft);
    word-break: break-word;
  }
  td.after {
    background: var(--jf-success-soft);
    word-break: break-word;
  }
  @media print {
    details {
      display: none;
    }
    table {
      font-size: 10pt;
    }
    tr {
      break-inside: avoid;
    }
    td.before,
    td.after {
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
  }
  summary {
    cursor: pointer;
    font-weight: 600;
    margin-bottom: var(--jf-space-2);
  }
`;
