import { css } from 'lit';
import { stackedTables } from './stacked-tables';
import { statusMarks } from './status-marks';

/**
 * The editor's common look: controls, tables, cards, dialogs. Colours and spacing come from the tokens
 * in tokens.css.
 */
const common = css`
  :host {
    display: block;
    color: var(--jf-text);
    font-family: var(--jf-font);
    font-size: var(--jf-text-size);
    line-height: 1.5;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  h1,
  h2,
  h3,
  h4 {
    margin: 0 0 var(--jf-space-3);
    line-height: 1.3;
    font-weight: 600;
  }
  h1 {
    font-size: 20px;
  }
  h2 {
    font-size: 17px;
  }
  h3 {
    font-size: 15px;
  }
  h4 {
    font-size: 14px;
  }
  p {
    margin: 0 0 var(--jf-space-3);
  }
  a {
    color: var(--jf-primary);
  }
  :focus-visible {
    outline: 3px solid var(--jf-focus);
    outline-offset: 1px;
  }

  button,
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--jf-space-1);
    min-height: 32px;
    padding: 4px 12px;
    border: 1px solid var(--jf-border-strong);
    border-radius: var(--jf-radius);
    background: var(--jf-surface);
    color: var(--jf-text);
    font: inherit;
    cursor: pointer;
    text-decoration: none;
    white-space: nowrap;
  }
  button:hover:not(:disabled),
  .button:hover {
    background: var(--jf-surface-alt);
    border-color: var(--jf-muted);
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  button.primary,
  .button.primary {
    background: var(--jf-primary);
    border-color: var(--jf-primary);
    color: var(--jf-on-primary);
  }
  button.primary:hover:not(:disabled),
  .button.primary:hover {
    background: var(--jf-primary-hover);
  }
  button.danger {
    color: var(--jf-danger);
    border-color: var(--jf-danger);
  }
  button.danger:hover:not(:disabled) {
    background: var(--jf-danger-soft);
  }
  button.ghost {
    border-color: transparent;
    background: transparent;
  }
  button.small {
    min-height: 26px;
    padding: 1px 8px;
    font-size: var(--jf-text-small);
  }
  button.icon {
    min-width: 28px;
    padding: 2px 6px;
  }

  input,
  select,
  textarea {
    font: inherit;
    color: var(--jf-text);
    background: var(--jf-surface);
    border: 1px solid var(--jf-border-strong);
    border-radius: var(--jf-radius);
    padding: 4px 8px;
    min-height: 32px;
    max-width: 100%;
  }
  input[type='checkbox'],
  input[type='radio'] {
    min-height: 0;
    width: 16px;
    height: 16px;
    margin: 0;
    accent-color: var(--jf-primary);
  }
  textarea {
    width: 100%;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--jf-danger);
    background: var(--jf-danger-soft);
  }
  input:read-only:not([type='checkbox']) {
    background: var(--jf-surface-alt);
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-width: 0;
  }
  .field > span:first-child,
  .label {
    font-size: var(--jf-text-small);
    color: var(--jf-muted);
    font-weight: 500;
  }
  .field input:not([type='checkbox']):not([type='radio']),
  .field select {
    width: 100%;
  }
  .item-buttons {
    flex-wrap: nowrap;
    gap: var(--jf-space-1);
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: var(--jf-space-2);
    cursor: pointer;
  }
  .field-error {
    color: var(--jf-danger);
    font-size: var(--jf-text-small);
    margin: 2px 0 0;
  }
  fieldset {
    border: 1px solid var(--jf-border);
    border-radius: var(--jf-radius);
    margin: 0;
    padding: var(--jf-space-2) var(--jf-space-3) var(--jf-space-3);
    min-width: 0;
  }
  legend {
    padding: 0 var(--jf-space-1);
    font-size: var(--jf-text-small);
    color: var(--jf-muted);
    font-weight: 600;
  }

  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(160px, 1fr));
    gap: var(--jf-space-3);
    align-items: start;
  }
  .grid.two {
    grid-template-columns: repeat(2, minmax(0, 1fr));
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--jf-space-2);
  }
  .spread {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--jf-space-3);
    flex-wrap: wrap;
  }
  .stack > * + * {
    margin-top: var(--jf-space-3);
  }
  .muted {
    color: var(--jf-muted);
  }
  .small {
    font-size: var(--jf-text-small);
  }
  .mono {
    font-family: var(--jf-font-mono);
    font-size: 12.5px;
  }
  .num {
    font-variant-numeric: tabular-nums;
    text-align: right;
  }

  .card {
    background: var(--jf-surface);
    border: 1px solid var(--jf-border);
    border-radius: var(--jf-radius);
    box-shadow: var(--jf-shadow);
    padding: var(--jf-space-4);
  }
  .empty {
    color: var(--jf-muted);
    padding: var(--jf-space-4);
    text-align: center;
    border: 1px dashed var(--jf-border);
    border-radius: var(--jf-radius);
  }

  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: 6px 8px;
    border-bottom: 1px solid var(--jf-border);
  }
  th {
    font-size: var(--jf-text-small);
    color: var(--jf-muted);
    font-weight: 600;
    background: var(--jf-surface-alt);
  }
  dialog {
    border: 1px solid var(--jf-border);
    border-radius: 8px;
    padding: var(--jf-space-5);
    max-width: min(720px, calc(100vw - 48px));
    width: 100%;
    box-shadow: 0 12px 40px rgba(16, 24, 40, 0.25);
    color: var(--jf-text);
  }
  dialog::backdrop {
    background: rgba(16, 24, 40, 0.4);
  }
  .actions {
    display: flex;
    justify-content: flex-end;
    flex-wrap: wrap;
    gap: var(--jf-space-2);
    margin-top: var(--jf-space-4);
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  pre {
    margin: 0;
    padding: var(--jf-space-3);
    background: var(--jf-surface-alt);
    border: 1px solid var(--jf-border);
    border-radius: var(--jf-radius);
    overflow: auto;
    max-height: 360px;
    font-family: var(--jf-font-mono);
    font-size: 12.5px;
  }
`;

/** What every element includes first: the common look, badges and notices, tables that stack on a phone. */
export const shared = [common, statusMarks, stackedTables];
