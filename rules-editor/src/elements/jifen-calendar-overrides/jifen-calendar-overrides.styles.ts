import { css } from 'lit';

export const styles = css`
  .scroll {
    overflow-x: auto;
  }
  .add {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--jf-space-3);
  }
  .add .grow {
    flex: 1 1 14rem;
  }
  .add button {
    margin-top: 20px;
  }
  .field > label {
    font-size: var(--jf-text-small);
    color: var(--jf-muted);
    font-weight: 500;
  }
  input[aria-invalid='true'] {
    border-color: var(--jf-danger);
  }
  .field-error p {
    margin: 0;
  }
`;
