import { css } from 'lit';

export const styles = css`
  section.card {
    box-shadow: none;
  }
  h3 {
    margin: 0;
  }
`;
