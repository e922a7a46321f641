import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RuleSet } from '../../../../server/src/domain/rule-set/schema';
import { I18nController } from '../../i18n/i18n';
import { NO_ERRORS, type ErrorIndex } from '../../model/field-errors';
import { shared } from '../../styles/shared';
import { bilingualField, fieldErrors, textField } from '../../ui/fields';
import { styles } from './jifen-general-form.styles';

/**
 * What the rule set says about itself: titles, owner, the policy document it implements, and the rule sets
 * it includes (read only: an include is pinned to a published version). The date the version takes effect
 * is the approver's to set: the form shows the date proposed, not the one copied from the version before.
 *
 * @fires jifen-edit - an edit of the document.
 */
@customElement('jifen-general-form')
export class JifenGeneralForm extends LitElement {
  static override styles = [shared, styles];

  @property({ attribute: false }) doc?: RuleSet;
  @property({ attribute: false }) errors: ErrorIndex = NO_ERRORS;
  /** The date proposed for the version to take effect (the approver sets it); unknown until the versions load. */
  @property({ attribute: false }) proposedEffectiveFrom?: string;

  private i18n = new I18nController(this);

  override render() {
    const doc = this.doc;
    if (!doc) return nothing;
    const m = this.i18n.m;
    const e = this.errors;
    return html`<div class="stack">
      <h2>${m.general}</h2>
      ${fieldErrors(e, [])}
      ${bilingualField(this, { label: m.title, path: ['title'], value: doc.title, errors: e })}
      ${bilingualField(this, { label: m.description, path: ['description'], value: doc.description, errors: e, optional: true })}
      <div class="grid two">
        ${textField(this, { label: m.owner, path: ['owner'], value: doc.owner, errors: e })}
        ${textField(this, { label: m.id, path: ['id'], value: doc.id, errors: e, readonly: true })}
      </div>
      <fieldset>
        <legend>${m.reference}</legend>
        <div class="grid two">
          ${textField(this, { label: m.refDocument, path: ['reference', 'document'], value: doc.reference?.document, errors: e })}
          ${textField(this, { label: m.refClause, path: ['reference', 'clause'], value: doc.reference?.clause, optional: true, errors: e })}
        </div>
      </fieldset>
      <dl class="facts">
        <dt>${m.versionToPublish}</dt><dd>${doc.version}</dd>
        <dt>${m.effectiveFrom}</dt>
        <dd data-testid="proposed-effective-from">${this.proposedEffectiveFrom ? m.proposedEffectiveFrom(this.proposedEffectiveFrom) : m.effectiveSetOnApproval}
          <div class="small muted">${m.effectiveFromDecided}</div></dd>
        <dt>${m.includes}</dt>
        <dd>${(doc.includes ?? []).length === 0
          ? m.none
          : (doc.includes ?? []).map((inc) => html`<div>${m.includeLine(inc.ruleSetId, inc.version)}</div>`)}
          ${fieldErrors(e, ['includes'])}</dd>
      </dl>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-general-form': JifenGeneralForm;
  }
}
