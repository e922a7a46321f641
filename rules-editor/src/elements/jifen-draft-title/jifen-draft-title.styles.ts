import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  h1 {
    margin: 2px 0;
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--jf-space-2);
    overflow-wrap: anywhere;
  }
  h1 .unnamed {
    font-weight: 500;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 2px var(--jf-space-2);
  }
  .rename-open {
    color: var(--jf-primary);
  }
  .rename {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--jf-space-2);
    margin-top: var(--jf-space-2);
  }
  .name-field {
    flex: 1 1 18rem;
    max-width: 32rem;
  }
  .rename .row {
    /* Level with the input, below its label. */
    margin-top: 1.4rem;
  }
  @media (max-width: 600px) {
    .rename .row {
      margin-top: 0;
    }
  }
  .field-error:empty {
    display: none;
  }
`;
