import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
  }
  dialog {
    max-width: min(560px, calc(100vw - 32px));
  }
  .field-error:empty {
    display: none;
  }
  h2 {
    margin: 0;
  }
`;
