import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { api, setUnauthorizedHandler } from '../../api/client';
import type { Role, User } from '../../api/types';
import { applyDocumentLang, I18nController, setLang } from '../../i18n/i18n';
import { BASE, currentRoute, href, navigate, onRouteChange, startRouter, type Route } from '../../model/router';
import { shared } from '../../styles/shared';
import '../jifen-approvals/jifen-approvals';
import '../jifen-audit/jifen-audit';
import '../jifen-compare/jifen-compare';
import '../jifen-draft-editor/jifen-draft-editor';
import '../jifen-review/jifen-review';
import '../jifen-rule-set/jifen-rule-set';
import '../jifen-rule-sets/jifen-rule-sets';
import '../jifen-sign-in/jifen-sign-in';
import '../jifen-version-table/jifen-version-table';
import { styles } from './jifen-app.styles';

/**
 * The rules editor: signs the user in, shows the screen the URL names, and offers what the user's roles
 * allow (editors edit drafts, approvers decide, auditors read diffs and the audit trail, admins keep the
 * working-day calendar).
 */
@customElement('jifen-app')
export class JifenApp extends LitElement {
  static override styles = [shared, styles];

  @state() private user: User | null = null;
  @state() private checked = false;
  @state() private expired = false;
  @state() private route: Route = currentRoute();

  private i18n = new I18nController(this);
  private unsubscribe?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    applyDocumentLang();
    startRouter();
    this.unsubscribe = onRouteChange((route) => {
      this.route = route;
      window.scrollTo(0, 0);
    });
    this.addEventListener('click', this.onLinkClick);
    setUnauthorizedHandler(() => {
      if (this.user) this.expired = true;
    });
    void api.me().then(
      (session) => {
        this.user = session?.user ?? null;
        this.checked = true;
      },
      () => (this.checked = true),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    setUnauthorizedHandler(null);
  }

  /** Links inside the app change the screen without reloading the page (and ask the leave guard). */
  private onLinkClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
    if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
    if (anchor.classList.contains('skip')) {
      // Fragment links cannot reach into shadow roots; move focus by hand.
      event.preventDefault();
      this.renderRoot.querySelector<HTMLElement>('#content')?.focus();
      return;
    }
    const url = new URL(anchor.href, location.href);
    if (url.origin !== location.origin || !url.pathname.startsWith(BASE)) return;
    event.preventDefault();
    void navigate(url.pathname + url.search);
  };

  private has(...roles: Role[]): boolean {
    return this.user?.roles.some((r) => roles.includes(r) || r === 'admin') ?? false;
  }

  private async signOut(): Promise<void> {
    if (!(await navigate(BASE))) return;
    await api.logout();
    this.user = null;
  }

  override render() {
    const m = this.i18n.m;
    if (!this.checked) return html`<p class="loading">${m.loading}</p>`;
    return html`
      <a class="skip" href="#content">${m.skipToContent}</a>
      <header class="bar">
        <a class="brand" href=${BASE}><span class="mark" aria-hidden="true">积</span><span>${m.appTitle}</span></a>
        ${this.user ? this.renderNav() : html`<span class="spacer"></span>`}
        <div class="row tools">
          <div class="lang" role="group" aria-label=${m.language}>
            <button type="button" class="small" lang="zh-CN" aria-pressed=${this.i18n.lang === 'zh' ? 'true' : 'false'} @click=${() => setLang('zh')}>中文</button>
            <button type="button" class="small" lang="en" aria-pressed=${this.i18n.lang === 'en' ? 'true' : 'false'} @click=${() => setLang('en')}>English</button>
          </div>
          ${this.user
            ? html`<span class="who" title=${this.user.username}>${this.user.displayName}
                  <span class="small">${this.user.roles.map((r) => m.roles[r]).join(' · ')}</span></span>
                <button type="button" class="small" @click=${this.signOut}>${m.signOut}</button>`
            : nothing}
        </div>
      </header>
      <div id="content" class="content" tabindex="-1">
        ${this.user ? this.renderRoute(this.user) : html`<jifen-sign-in @jifen-signed-in=${this.onSignedIn}></jifen-sign-in>`}
      </div>
      ${this.expired
        ? html`<div class="overlay" role="dialog" aria-modal="true" aria-label=${m.sessionExpired}>
            <div class="card"><p class="notice warn">${m.sessionExpired}</p>
              <jifen-sign-in @jifen-signed-in=${this.onSignedIn}></jifen-sign-in></div>
          </div>`
        : nothing}
    `;
  }

  private onSignedIn = (event: CustomEvent<User>) => {
    this.user = event.detail;
    this.expired = false;
  };

  private renderNav(): TemplateResult {
    const m = this.i18n.m;
    const r = this.route.name;
    const link = (route: Route, label: string, current: boolean) =>
      html`<a href=${href(route)} class=${current ? 'current' : ''} aria-current=${current ? 'page' : 'false'}>${label}</a>`;
    return html`<nav class="main-nav" aria-label=${m.mainNav}>
      ${link({ name: 'home' }, m.ruleSets, r === 'home' || r === 'ruleSet' || r === 'version' || r === 'draft' || r === 'compare')}
      ${this.has('approver') ? link({ name: 'approvals' }, m.approvals, r === 'approvals' || r === 'review') : nothing}
      ${this.has('auditor') ? link({ name: 'audit' }, m.auditTrail, r === 'audit') : nothing}
      ${link({ name: 'calendar' }, m.calendarNav, r === 'calendar')}
    </nav>`;
  }

  private renderRoute(user: User): TemplateResult {
    const route = this.route;
    switch (route.name) {
      case 'home':
        return html`<jifen-rule-sets .user=${user}></jifen-rule-sets>`;
      case 'ruleSet':
        return html`<jifen-rule-set .user=${user} ruleSetId=${route.id}></jifen-rule-set>`;
      case 'version':
        return html`<jifen-version-table ruleSetId=${route.id} .version=${route.version}></jifen-version-table>`;
      case 'draft':
        return html`<jifen-draft-editor .user=${user} ruleSetId=${route.id} draftId=${route.draft}></jifen-draft-editor>`;
      case 'review':
        return html`<jifen-review .user=${user} ruleSetId=${route.id} draftId=${route.draft}></jifen-review>`;
      case 'compare':
        return html`<jifen-compare ruleSetId=${route.id} from=${route.from ?? ''} to=${route.to ?? ''}></jifen-compare>`;
      case 'approvals':
        return html`<jifen-approvals .user=${user}></jifen-approvals>`;
      case 'audit':
        return html`<jifen-audit></jifen-audit>`;
      case 'calendar':
        // Loaded on demand: admins open it about once a year.
        void import('../jifen-calendar/jifen-calendar');
        return html`<jifen-calendar .user=${user}></jifen-calendar>`;
      case 'notFound':
        return html`<p class="notice warn">${this.i18n.m.notFound} <a href=${BASE}>${this.i18n.m.ruleSets}</a></p>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-app': JifenApp;
  }
}
