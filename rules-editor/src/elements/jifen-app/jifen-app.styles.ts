import { css } from 'lit';

export const styles = css`
  :host {
    min-height: 100vh;
    display: flex;
    flex-direction: column;
  }
  .bar {
    display: flex;
    align-items: center;
    gap: var(--jf-space-5);
    padding: 0 var(--jf-space-5);
    min-height: 52px;
    flex-wrap: wrap;
    row-gap: 0;
    background: #163f6e;
    color: #fff;
  }
  .brand {
    display: inline-flex;
    align-items: center;
    gap: var(--jf-space-2);
    color: #fff;
    text-decoration: none;
    font-weight: 600;
    font-size: 15px;
    white-space: nowrap;
  }
  .mark {
    display: inline-grid;
    place-items: center;
    width: 28px;
    height: 28px;
    border-radius: 6px;
    background: #fff;
    color: #163f6e;
    font-weight: 700;
  }
  .main-nav {
    display: flex;
    gap: var(--jf-space-1);
    flex: 1;
  }
  .main-nav a {
    color: #dbe6f3;
    text-decoration: none;
    padding: 14px 12px;
    border-bottom: 3px solid transparent;
    white-space: nowrap;
  }
  .main-nav a:hover {
    color: #fff;
  }
  .main-nav a.current {
    color: #fff;
    border-bottom-color: #f0a500;
    font-weight: 600;
  }
  .spacer {
    flex: 1;
  }
  .tools {
    gap: var(--jf-space-3);
  }
  .lang {
    display: inline-flex;
  }
  .lang button {
    background: transparent;
    color: #dbe6f3;
    border-color: #4d6f96;
    border-radius: 0;
  }
  .lang button:first-child {
    border-radius: var(--jf-radius) 0 0 var(--jf-radius);
  }
  .lang button:last-child {
    border-radius: 0 var(--jf-radius) var(--jf-radius) 0;
    border-left: 0;
  }
  .lang button[aria-pressed='true'] {
    background: #fff;
    color: #163f6e;
    font-weight: 600;
  }
  .lang button:hover:not([aria-pressed='true']) {
    background: #24558c;
  }
  .who {
    display: flex;
    flex-direction: column;
    line-height: 1.2;
    text-align: right;
  }
  .who .small {
    color: #b9cbe0;
  }
  .tools > button {
    background: transparent;
    color: #fff;
    border-color: #4d6f96;
  }
  .tools > button:hover {
    background: #24558c !important;
  }
  .content {
    flex: 1;
    padding: var(--jf-space-4) var(--jf-space-5) var(--jf-space-6);
    max-width: 1600px;
    width: 100%;
    margin: 0 auto;
    outline: none;
  }
  .loading {
    padding: var(--jf-space-6);
    color: var(--jf-muted);
  }
  .skip {
    position: absolute;
    left: -9999px;
    top: 0;
    background: #fff;
    padding: var(--jf-space-2) var(--jf-space-3);
    z-index: 10;
  }
  .skip:focus {
    left: var(--jf-space-3);
  }
  .overlay {
    position: fixed;
    inset: 0;
    background: rgba(16, 24, 40, 0.45);
    display: grid;
    place-items: center;
    z-index: 20;
  }
  .overlay .card {
    width: min(420px, calc(100vw - 32px));
  }
  /* A phone: the navigation gets a line of its own (scrolling sideways if it must), the account stays short. */
  @media (max-width: 720px) {
    .bar {
      gap: var(--jf-space-3);
      padding: 0 var(--jf-space-3);
    }
    .main-nav {
      order: 3;
      flex: 1 0 100%;
      overflow-x: auto;
    }
    .main-nav a {
      padding: 10px 10px;
    }
    .tools {
      margin-left: auto;
      min-width: 0;
    }
    .who {
      max-width: 38vw;
    }
    .who,
    .who .small {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .content {
      padding: var(--jf-space-3);
    }
  }
  /* Printed pages (a diff for a meeting) carry the content only. */
  @media print {
    .bar,
    .skip {
      display: none;
    }
    .content {
      padding: 0;
      max-width: none;
    }
  }
`;
