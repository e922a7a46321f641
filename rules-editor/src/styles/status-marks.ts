import { css } from 'lit';

/** Badges (a state beside a name) and notices (a line of news above a form), each in the tokens' ok, bad, warn and info colours. */
export const statusMarks = css`
  .badge {
    display: inline-block;
    padding: 0 8px;
    border-radius: 999px;
    font-size: var(--jf-text-small);
    line-height: 20px;
    background: var(--jf-surface-alt);
    border: 1px solid var(--jf-border);
    color: var(--jf-muted);
    white-space: nowrap;
  }
  .badge.ok {
    background: var(--jf-success-soft);
    border-color: transparent;
    color: var(--jf-success);
  }
  .badge.bad {
    background: var(--jf-danger-soft);
    border-color: transparent;
    color: var(--jf-danger);
  }
  .badge.warn {
    background: var(--jf-warning-soft);
    border-color: transparent;
    color: var(--jf-warning);
  }
  .badge.info {
    background: var(--jf-primary-soft);
    border-color: transparent;
    color: var(--jf-primary);
  }

  .notice {
    padding: var(--jf-space-2) var(--jf-space-3);
    border-radius: var(--jf-radius);
    background: var(--jf-primary-soft);
    color: var(--jf-text);
  }
  .notice.bad {
    background: var(--jf-danger-soft);
    color: var(--jf-danger);
  }
  .notice.ok {
    background: var(--jf-success-soft);
    color: var(--jf-success);
  }
  .notice.warn {
    background: var(--jf-warning-soft);
    color: var(--jf-warning);
  }
`;
