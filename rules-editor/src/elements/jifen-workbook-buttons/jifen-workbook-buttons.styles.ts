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
  /* On a phone the notice spans the screen instead of hanging off its left edge. */
  @media (max-width: 700px) {
    .result {
      position: fixed;
      left: 8px;
      right: 8px;
      top: auto;
      bottom: 8px;
      width: auto;
    }
  }
  .result .spread {
    flex-wrap: nowrap;
    align-items: flex-start;
  }
  .result ul {
    margin: 4px 0 0;
    padding-left: 18px;
  }
`;
