import { css } from 'lit';

export const styles = css`
  form {
    max-width: 380px;
    margin: 8vh auto 0;
    padding: var(--jf-space-5);
  }
  button[type='submit'] {
    width: 100%;
    min-height: 38px;
  }
  input {
    min-height: 36px;
  }
`;
