import { JifenEligibility } from './jifen-eligibility.component';
import type { JifenErrorDetail, JifenResultDetail } from './types';

export { JifenEligibility };
export type { JifenErrorDetail, JifenResultDetail, WidgetResult } from './types';

// A page may load the script twice (two embeds); defining the tag again would throw.
if (!customElements.get('jifen-eligibility')) customElements.define('jifen-eligibility', JifenEligibility);

declare global {
  interface HTMLElementTagNameMap {
    'jifen-eligibility': JifenEligibility;
  }
  interface GlobalEventHandlersEventMap {
    'jifen-result': CustomEvent<JifenResultDetail>;
    'jifen-error': CustomEvent<JifenErrorDetail>;
  }
}
