import { css } from 'lit';

export const styles = css`
  h2 {
    margin: 0;
    font-size: 1.1rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--jf-space-3);
    align-items: center;
  }
  input[type='file'] {
    max-width: 100%;
  }
`;
