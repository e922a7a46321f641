import { css } from 'lit';

export const styles = css`
  .intro {
    max-width: 60rem;
  }
  ul.years {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
    gap: var(--jf-space-3);
  }
  li.year {
    border: 1px solid var(--jf-border);
    border-radius: var(--jf-radius);
    padding: var(--jf-space-3);
  }
  li.year.statutory {
    border-color: var(--jf-warning);
  }
  li.year p {
    margin: var(--jf-space-2) 0;
  }
  .num-year {
    font-size: 1.1rem;
    font-variant-numeric: tabular-nums;
  }
  ul.notices {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ul.notices li {
    padding: var(--jf-space-2) 0;
    border-bottom: 1px solid var(--jf-border);
  }
  ul.notices p {
    margin: 2px 0 0;
  }
`;
