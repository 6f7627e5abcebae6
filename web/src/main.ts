// The dashboard's entry: routes to pages.
import './styles.css';
import { html } from 'lit-html';
import { startRouter, type PageContext } from './router.js';
import { searchPage } from './pages/search.js';
import { regionPage, regionsPage } from './pages/regions.js';
import { comparePage } from './pages/compare.js';
import { documentPage, documentsPage } from './pages/documents.js';
import { uploadPage } from './pages/upload.js';
import { setTitle } from './ui.js';

function notFound(ctx: PageContext): void {
  setTitle('页面不存在');
  ctx.show(html`<section class="panel error-panel" data-testid="not-found">
    <h1>页面不存在</h1>
    <p>没有这个页面。<a href="/">返回搜索</a></p>
  </section>`);
}

const app = document.getElementById('app');
if (app) {
  startRouter(
    app,
    [
      { pattern: /^\/$/, nav: 'search', page: searchPage },
      { pattern: /^\/search$/, nav: 'search', page: searchPage },
      { pattern: /^\/regions$/, nav: 'regions', page: regionsPage },
      { pattern: /^\/regions\/(\d{6}(?:\d{6})?)$/, nav: 'regions', page: regionPage },
      { pattern: /^\/compare$/, nav: 'compare', page: comparePage },
      { pattern: /^\/documents$/, nav: 'documents', page: documentsPage },
      { pattern: /^\/documents\/(\d+)$/, nav: 'documents', page: documentPage },
      { pattern: /^\/upload$/, nav: 'upload', page: uploadPage },
    ],
    notFound,
  );
}
