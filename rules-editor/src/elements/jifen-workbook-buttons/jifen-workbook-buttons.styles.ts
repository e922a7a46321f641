import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    position: relative;
  }
  .upload {
    cursor: pointer;
  }
  .upload:focus-within {
    outline: 3px solid var(--jf-focus);
  }
  .result {
    position: absolute;
    right: 0;
    top: calc(100% + 4px);
    z-index: 5;
    width: min(560px, 90vw);
    max-height: 50vh;
    overflow: auto;
    box-shadow: var(--jf-shadow);
  }
  .result ul {
    margin: 4px 0 0;
    padding-left: 18px;
  }
`;
