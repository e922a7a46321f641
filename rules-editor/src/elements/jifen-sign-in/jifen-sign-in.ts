import { html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { api } from '../../api/client';
import type { User } from '../../api/types';
import { I18nController } from '../../i18n/i18n';
import { shared } from '../../styles/shared';
import { styles } from './jifen-sign-in.styles';

declare global {
  interface GlobalEventHandlersEventMap {
    'jifen-signed-in': CustomEvent<User>;
  }
}

/**
 * Staff sign-in with user name and password.
 *
 * @fires jifen-signed-in - the user signed in; `detail` is the user.
 */
@customElement('jifen-sign-in')
export class JifenSignIn extends LitElement {
  static override styles = [shared, styles];

  @state() private error = '';
  @state() private busy = false;
  private i18n = new I18nController(this);

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.busy = true;
    this.error = '';
    try {
      const session = await api.login(String(data.get('username') ?? ''), String(data.get('password') ?? ''));
      this.dispatchEvent(new CustomEvent('jifen-signed-in', { detail: session.user, bubbles: true, composed: true }));
    } catch (error) {
      // The server's own words (in the UI's language): a wrong password, or how long a lockout lasts.
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const m = this.i18n.m;
    return html`<form class="card stack" @submit=${this.submit} aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">${m.signIn}</h1>
      <p class="muted small">${m.signInHelp}</p>
      <label class="field"><span>${m.username}</span><input name="username" autocomplete="username" required autofocus /></label>
      <label class="field"><span>${m.password}</span><input name="password" type="password" autocomplete="current-password" required /></label>
      ${this.error ? html`<p class="notice bad" role="alert">${this.error}</p>` : nothing}
      <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? m.signingIn : m.signIn}</button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-sign-in': JifenSignIn;
  }
}
