import type { Context } from 'hono';
import { accepts } from 'hono/accepts';
import { html } from 'hono/html';
import type { ErrorBody } from './error-body';

/** What each status means to a person, Chinese first. */
const TEXT: Record<number, { zh: string; en: string; hint: { zh: string; en: string } }> = {
  400: { zh: '请求有误', en: 'Bad request', hint: { zh: '请检查地址后重试。', en: 'Check the address and try again.' } },
  401: { zh: '需要登录', en: 'Sign-in required', hint: { zh: '请先登录。', en: 'Please sign in first.' } },
  403: { zh: '无权访问', en: 'Not allowed', hint: { zh: '您没有访问此页面的权限。', en: 'You may not open this page.' } },
  404: { zh: '页面不存在', en: 'Page not found', hint: { zh: '该页面不存在或尚未公开。', en: 'This page does not exist or is not public.' } },
  422: { zh: '地址有误', en: 'Invalid address', hint: { zh: '地址中的参数不正确。', en: 'A value in the address is not valid.' } },
  429: { zh: '请求过于频繁', en: 'Too many requests', hint: { zh: '请稍后再试。', en: 'Please wait a moment and try again.' } },
  500: { zh: '服务器出错', en: 'Server error', hint: { zh: '错误已记录，请稍后再试。', en: 'The error has been logged; please try again later.' } },
};
const OTHER = { zh: '出错了', en: 'Something went wrong', hint: { zh: '请稍后再试。', en: 'Please try again later.' } };

/**
 * Whether an error should answer as a page: a browser's GET (its `Accept` prefers `text/html` to JSON)
 * outside `/api/`. API paths, other methods and clients that accept anything keep the JSON shape.
 *
 * @example
 * wantsErrorPage(c); // true for Chromium navigating to /nope, false for fetch('/nope')
 */
export function wantsErrorPage(c: Context): boolean {
  if (c.req.method !== 'GET') return false;
  const path = c.req.path;
  if (path === '/api' || path.startsWith('/api/')) return false;
  return accepts(c, { header: 'Accept', supports: ['application/json', 'text/html'], default: 'application/json' }) === 'text/html';
}

/**
 * A small bilingual error page for people: the status in words, the error's own message and fields
 * (escaped by the template), and a way home. Styled by the public stylesheet, so the strict page CSP holds.
 *
 * @example
 * c.html(renderErrorPage(404, errorBody('not_found', 'Request: no route GET /nope')), 404);
 */
export function renderErrorPage(status: number, body: ErrorBody) {
  const text = TEXT[status] ?? OTHER;
  const { message, messageZh, fields = [] } = body.error;
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text.zh} · ${text.en}</title>
<link rel="stylesheet" href="/public/assets/notice.css">
</head>
<body>
<main class="error-page">
<p class="error-status">${status}</p>
<h1>${text.zh} <span class="en">${text.en}</span></h1>
<p>${text.hint.zh} <span class="en">${text.hint.en}</span></p>
<p class="error-message">${messageZh} <span class="en">${message}</span></p>
${fields.length > 0 ? html`<ul class="error-fields">${fields.map((f) => html`<li><code>${f.path}</code> ${f.messageZh ?? ''} <span class="en">${f.message}</span></li>`)}</ul>` : ''}
<p><a href="/editor/">返回首页 <span class="en">Home</span></a></p>
</main>
</body>
</html>`;
}
