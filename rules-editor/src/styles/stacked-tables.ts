import { css } from 'lit';

/**
 * A phone: a table marked .stacked reads as one block per row, nothing scrolls sideways. The cells marked
 * .lead come first, on one line, as the row's title; every other cell sits under the name of its column
 * (its data-label). The header row stays for screen readers only.
 */
export const stackedTables = css`
  @media (max-width: 720px) {
    table.stacked,
    table.stacked tbody {
      display: block;
    }
    table.stacked.card {
      padding: 0 var(--jf-space-3);
    }
    table.stacked thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    table.stacked tr {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      column-gap: var(--jf-space-2);
      padding: var(--jf-space-2) 0;
      border-bottom: 1px solid var(--jf-border);
    }
    table.stacked tr:last-child {
      border-bottom: 0;
    }
    table.stacked td {
      flex: 1 0 100%;
      min-width: 0;
      max-width: 100%;
      padding: 2px 0;
      border: 0;
      overflow-wrap: anywhere;
      text-align: left;
    }
    table.stacked td[data-label] {
      padding-left: 104px;
    }
    table.stacked td[data-label]::before {
      content: attr(data-label);
      float: left;
      margin-left: -104px;
      width: 96px;
      white-space: normal;
      text-align: left;
      color: var(--jf-muted);
      font-family: var(--jf-font);
      font-size: var(--jf-text-small);
      font-weight: 500;
      line-height: 21px;
    }
    table.stacked td.lead {
      order: -1;
      flex: 0 1 auto;
      font-weight: 600;
    }
    table.stacked td.lead .small {
      font-weight: 400;
    }
    table.stacked td:empty {
      display: none;
    }
  }
`;
