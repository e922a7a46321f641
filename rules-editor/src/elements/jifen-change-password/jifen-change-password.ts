import { html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { api, ApiError } from '../../api/client';
import { I18nController } from '../../i18n/i18n';
import { shared } from '../../styles/shared';
import { styles } from './jifen-change-password.styles';

/**
 * The signed-in person replaces their password, giving the current one. Shown where it is needed: an
 * account whose password an admin chose cannot approve or reject drafts until its owner has done this.
 *
 * @fires jifen-password-changed - once the server has accepted the new password
 */
@customElement('jifen-change-password')
export class JifenChangePassword extends LitElement {
  static override styles = [shared, styles];

  @state() private error = '';
  @state() private done = false;
  @state() private busy = false;
  private i18n = new I18nController(this);

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const m = this.i18n.m;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const currentPassword = String(data.get('current') ?? '');
    const newPassword = String(data.get('new') ?? '');
    this.error = '';
    if (newPassword !== String(data.get('again') ?? '')) {
      this.error = m.passwordMismatch;
      return;
    }
    this.busy = true;
    try {
      await api.changePassword(currentPassword, newPassword);
      this.done = true;
      form.reset();
      this.dispatchEvent(new CustomEvent('jifen-password-changed', { bubbles: true, composed: true }));
    } catch (error) {
      const field = error instanceof ApiError ? error.fields[0]?.path : undefined;
      this.error = field === 'currentPassword' ? m.passwordCurrentWrong : field === 'newPassword' ? m.passwordTooWeak : error instanceof Error ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const m = this.i18n.m;
    return html`<section class="card stack" aria-labelledby="password-title">
      <h2 id="password-title">${m.passwordTitle}</h2>
      <p class="muted">${m.passwordHelp}</p>
      <form @submit=${this.submit}>
        <label class="field"><span>${m.passwordCurrent}</span><input type="password" name="current" autocomplete="current-password" required /></label>
        <label class="field"><span>${m.passwordNew}</span><input type="password" name="new" autocomplete="new-password" minlength="12" required /></label>
        <label class="field"><span>${m.passwordAgain}</span><input type="password" name="again" autocomplete="new-password" minlength="12" required /></label>
        <button type="submit" class="primary" data-testid="change-password" ?disabled=${this.busy}>${m.passwordSave}</button>
      </form>
      ${this.error ? html`<p class="notice bad" role="alert">${this.error}</p>` : nothing}
      ${this.done ? html`<p class="notice ok" role="status">${m.passwordChanged}</p>` : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-change-password': JifenChangePassword;
  }
  interface GlobalEventHandlersEventMap {
    'jifen-password-changed': CustomEvent<undefined>;
  }
}
