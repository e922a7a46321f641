import { css } from 'lit';

export const styles = css`
  form {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: var(--jf-space-3);
    align-items: end;
  }
`;
