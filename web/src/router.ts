// A small history-API router: same-origin links are followed without a reload,
// every page gets an AbortSignal and cleanup hooks so a slow fetch or a chart
// from the page before never touches the page now shown.
import { html, render, type TemplateResult } from 'lit-html';

export interface PageContext {
  /** Path parameters from the route pattern. */
  params: string[];
  query: URLSearchParams;
  root: HTMLElement;
  signal: AbortSignal;
  /** Runs when the user leaves the page (charts are disposed here). */
  onCleanup(fn: () => void): void;
  /** Renders into the page's root unless the user has already left it. */
  show(template: TemplateResult): void;
  /** True while this page is the one on screen. */
  readonly current: boolean;
}

export interface Route {
  pattern: RegExp;
  nav: string | null;
  page: (ctx: PageContext) => void | Promise<void>;
}

let routes: Route[] = [];
let controller: AbortController | null = null;
let cleanups: (() => void)[] = [];
let appRoot: HTMLElement;
let notFound: (ctx: PageContext) => void;

export function startRouter(root: HTMLElement, table: Route[], fallback: (ctx: PageContext) => void): void {
  appRoot = root;
  routes = table;
  notFound = fallback;
  document.addEventListener('click', onLinkClick);
  window.addEventListener('popstate', () => void renderCurrent());
  void renderCurrent();
}

/** Goes to an app path (pushState), or replaces the current entry. */
export function navigate(url: string, options: { replace?: boolean; keepScroll?: boolean } = {}): void {
  const target = new URL(url, location.href);
  if (target.origin !== location.origin) {
    location.assign(target.href);
    return;
  }
  const next = target.pathname + target.search + target.hash;
  if (options.replace) history.replaceState(null, '', next);
  else history.pushState(null, '', next);
  void renderCurrent().then(() => {
    if (!options.keepScroll && !target.searchParams.has('at')) window.scrollTo(0, 0);
  });
}

function onLinkClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = (event.target as Element | null)?.closest?.('a');
  if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
  const href = anchor.getAttribute('href');
  if (!href || !href.startsWith('/') || href.startsWith('//') || href.startsWith('/api/')) return;
  event.preventDefault();
  navigate(href);
}

async function renderCurrent(): Promise<void> {
  controller?.abort();
  for (const fn of cleanups.splice(0)) {
    try {
      fn();
    } catch {
      /* a failing cleanup must not block the next page */
    }
  }
  const mine = new AbortController();
  controller = mine;
  const path = decodeURIComponentSafe(location.pathname.replace(/\/+$/, '') || '/');
  let match: RegExpExecArray | null = null;
  const route = routes.find((r) => (match = r.pattern.exec(path)) !== null);
  setActiveNav(route?.nav ?? null);
  const ctx: PageContext = {
    params: match ? [...(match as RegExpExecArray).slice(1)].map((p) => p ?? '') : [],
    query: new URLSearchParams(location.search),
    root: appRoot,
    signal: mine.signal,
    onCleanup: (fn) => void cleanups.push(fn),
    show: (template) => {
      if (controller === mine) render(template, appRoot);
    },
    get current() {
      return controller === mine;
    },
  };
  try {
    if (route) await route.page(ctx);
    else notFound(ctx);
  } catch (error) {
    if ((error as Error)?.name === 'AbortError' || controller !== mine) return;
    ctx.show(errorView(error));
  }
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function setActiveNav(nav: string | null): void {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('[data-nav]')) {
    const active = a.dataset.nav === nav;
    a.classList.toggle('is-active', active);
    if (active) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

export function errorView(error: unknown): TemplateResult {
  const message = error instanceof Error ? error.message : String(error);
  const status = (error as { status?: number })?.status;
  return html`<section class="panel error-panel" data-testid="page-error">
    <h1>出错了</h1>
    <p class="error-text">${status ? `HTTP ${status}：` : ''}${message}</p>
    <p><a href="/">返回首页</a></p>
  </section>`;
}
