// `/documents` (filtered list) and `/documents/:id` (meta, text with every fact
// span marked, the facts and projects tables). The text is rendered as text
// nodes cut at span boundaries; nothing from the document is ever parsed as HTML.
import { html, nothing, render, type TemplateResult } from 'lit-html';
import { api, documentPath, regionPath, withQuery, type DocumentDetail, type DocumentList, type Explanation, type RegionList } from '../api.js';
import {
  docTypeLabel,
  formatNumber,
  kindLabel,
  levelLabel,
  measureLabel,
  periodLabel,
  qualifierLabel,
  stageLabel,
  valueText,
} from '../labels.js';
import { navigate, type PageContext } from '../router.js';
import { paragraphAt, paragraphs, type Paragraph, type SpanRef } from '../segments.js';
import { empty, filterControls, formParams, loading, pager, readFilters, regionsCached, setTitle, type Filters } from '../ui.js';
import { documentsTable } from './regions.js';
import type { StoredFact, StoredProject } from '../../../src/api/schemas.js';

const LIMIT = 50;

// ─── list ────────────────────────────────────────────────────────────────────

export async function documentsPage(ctx: PageContext): Promise<void> {
  setTitle('文档');
  const filters = readFilters(ctx.query);
  const offset = Math.max(0, Number(ctx.query.get('offset')) || 0);
  let regions: RegionList | null = null;
  let list: DocumentList | null = null;
  const draw = () => ctx.show(listView(filters, regions, list));
  draw();
  regionsCached()
    .then((r) => {
      regions = r;
      draw();
    })
    .catch(() => {});
  list = await api.documents(
    { region: filters.region || undefined, type: filters.type || undefined, year: filters.year || undefined, limit: LIMIT, offset },
    ctx.signal,
  );
  draw();
}

function listView(filters: Filters, regions: RegionList | null, list: DocumentList | null): TemplateResult {
  const onChange = (event: Event) => {
    const form = event.currentTarget as HTMLFormElement;
    navigate(withQuery('/documents', formParams(form)), { keepScroll: true });
  };
  return html`
    <div class="page-head">
      <h1 class="page-title">文档</h1>
      <p class="page-sub">已入库的报告与新闻。${list ? html`共 <b data-testid="documents-total">${list.total}</b> 份。` : nothing}</p>
    </div>
    <form class="filters panel" data-testid="documents-filters" @change=${onChange} @submit=${(e: Event) => (e.preventDefault(), onChange(e))}>
      ${filterControls(filters, regions)}
      <a class="btn btn-ghost" href="/upload">投稿新文档</a>
    </form>
    ${!list
      ? loading()
      : list.items.length === 0
        ? empty('没有符合条件的文档。', 'documents-empty')
        : html`${documentsTable(list.items, true)}${pager('/documents', { ...filters }, list.total, list.limit || LIMIT, list.offset)}`}
  `;
}

// ─── one document ────────────────────────────────────────────────────────────

/** Ids of marks: facts by ordinal, projects offset so the two never collide. */
const PROJECT_ID_BASE = 1_000_000;

export async function documentPage(ctx: PageContext): Promise<void> {
  const id = Number(ctx.params[0]);
  ctx.show(loading());
  if (!Number.isSafeInteger(id) || id < 1) throw new Error('无效的文档编号');
  const doc = await api.document(id, ctx.signal);
  setTitle(doc.title || doc.name);

  const spans: SpanRef[] = [
    ...doc.facts.map((f) => ({ id: f.ordinal, span: f.span })),
    ...doc.projects.map((p) => ({ id: PROJECT_ID_BASE + p.ordinal, span: p.span })),
  ];
  const paras = paragraphs(doc.text, spans);
  const facts = new Map(doc.facts.map((f) => [f.ordinal, f]));
  const projects = new Map(doc.projects.map((p) => [PROJECT_ID_BASE + p.ordinal, p]));

  const at = ctx.query.get('at');
  const atOffset = at !== null && /^\d+$/.test(at) ? Number(at) : null;
  const target = atOffset !== null ? paragraphAt(paras, atOffset) : undefined;

  ctx.show(documentView(doc, paras, facts, projects, target));

  const root = ctx.root;
  const tip = root.querySelector<HTMLElement>('[data-testid="fact-tooltip"]');
  const textEl = root.querySelector<HTMLElement>('[data-testid="document-text"]');
  if (textEl && tip) wireTooltip(textEl, tip, facts, projects);
  if (textEl) {
    textEl.addEventListener('click', (event) => {
      const mark = (event.target as Element).closest<HTMLElement>('mark[data-ids]');
      if (!mark) return;
      const ids = idsOf(mark);
      const first = ids[0];
      if (first !== undefined) activate(root, first, { scrollText: false, scrollRow: true });
    });
  }
  // Why it was typed, placed and dated so: read when the reader opens the block.
  const why = root.querySelector<HTMLDetailsElement>('[data-testid="document-explain"]');
  if (why) {
    why.addEventListener('toggle', () => {
      if (!why.open || why.dataset.loaded) return;
      why.dataset.loaded = '1';
      const body = why.querySelector<HTMLElement>('.explain-body')!;
      render(loading(), body);
      api.explain(id, ctx.signal).then(
        (e) => render(explainView(id, e), body),
        () => render(html`<p class="muted">无法读取判定依据。</p>`, body),
      );
    });
  }
  if (target) {
    const el = root.querySelector<HTMLElement>(`[data-para-start="${target.start}"]`);
    if (el) requestAnimationFrame(() => el.scrollIntoView({ block: 'center' }));
  }
}

function idsOf(el: Element): number[] {
  return (el.getAttribute('data-ids') ?? '')
    .split(' ')
    .filter(Boolean)
    .map(Number);
}

/** Marks a fact (or project) active in the text and in its table, and scrolls to it. */
function activate(root: HTMLElement, id: number, opts: { scrollText: boolean; scrollRow: boolean }): void {
  for (const el of root.querySelectorAll('.is-active')) el.classList.remove('is-active');
  const marks = [...root.querySelectorAll<HTMLElement>('mark[data-ids]')].filter((m) => idsOf(m).includes(id));
  for (const m of marks) m.classList.add('is-active');
  const row = root.querySelector<HTMLElement>(`tr[data-id="${id}"]`);
  row?.classList.add('is-active');
  const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  if (opts.scrollText && marks[0]) marks[0].scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
  if (opts.scrollRow && row) {
    const box = row.closest<HTMLElement>('.side-scroll');
    if (box && box.scrollHeight > box.clientHeight) {
      const top = row.offsetTop - box.clientHeight / 2 + row.offsetHeight / 2;
      box.scrollTo({ top, behavior: smooth ? 'smooth' : 'auto' });
    } else {
      row.scrollIntoView({ block: 'nearest', behavior: smooth ? 'smooth' : 'auto' });
    }
  }
}

function factLine(f: StoredFact): string {
  const parts = [
    `${f.label}（${measureLabel(f.measure)}）`,
    `${periodLabel(f.period)} ${kindLabel(f.kind)}`,
    `${valueText(f)}${f.estimated ? '（预计）' : ''}`,
    `限定：${qualifierLabel(f.qualifier)}`,
  ];
  return parts.join(' · ');
}

function projectLine(p: StoredProject): string {
  const parts = [`项目：${p.name ?? (p.count != null ? `${p.count}个项目` : '未命名')}`, stageLabel(p.stage)];
  if (p.investment) parts.push(`投资 ${valueText({ ...p.investment, value_high: null, text: null })}`);
  return parts.join(' · ');
}

/** One shared tooltip: filled with text for the facts under the pointer. */
function wireTooltip(textEl: HTMLElement, tip: HTMLElement, facts: Map<number, StoredFact>, projects: Map<number, StoredProject>): void {
  const hide = () => {
    tip.hidden = true;
  };
  textEl.addEventListener('mouseover', (event) => {
    const mark = (event.target as Element).closest<HTMLElement>('mark[data-ids]');
    if (!mark) return hide();
    const lines = idsOf(mark)
      .map((id) => {
        const f = facts.get(id);
        if (f) return factLine(f);
        const p = projects.get(id);
        return p ? projectLine(p) : '';
      })
      .filter(Boolean);
    render(html`${lines.map((l) => html`<div class="tip-line">${l}</div>`)}`, tip);
    tip.hidden = false;
    const r = mark.getBoundingClientRect();
    const host = tip.offsetParent?.getBoundingClientRect() ?? { left: 0, top: 0 };
    const width = Math.min(360, window.innerWidth - 16);
    tip.style.maxWidth = `${width}px`;
    const left = Math.max(8, Math.min(r.left, window.innerWidth - width - 8));
    tip.style.left = `${left - host.left}px`;
    tip.style.top = `${r.bottom - host.top + 6}px`;
  });
  textEl.addEventListener('mouseleave', hide);
}

function documentView(
  doc: DocumentDetail,
  paras: Paragraph[],
  facts: Map<number, StoredFact>,
  projects: Map<number, StoredProject>,
  target: Paragraph | undefined,
): TemplateResult {
  const speaker = doc.speaker_name ? `${doc.speaker_name}${doc.speaker_title ? `（${doc.speaker_title}）` : ''}` : '—';
  const markClass = (ids: number[]) => {
    const kinds = new Set(ids.map((id) => (id >= PROJECT_ID_BASE ? 'project' : (facts.get(id)?.kind ?? 'actual'))));
    return ['span', ...[...kinds].map((k) => `span-${k}`), ids.length > 1 ? 'is-multi' : ''].filter(Boolean).join(' ');
  };
  return html`
    <p class="crumbs"><a href="/documents">文档</a> / ${doc.title || doc.name}</p>
    <header class="panel doc-head" data-testid="document-meta">
      <h1 class="page-title" data-testid="document-title">${doc.title || doc.name}</h1>
      <dl class="meta-grid">
        <div><dt>类型</dt><dd><span class="tag">${docTypeLabel(doc.doc_type)}</span></dd></div>
        <div><dt>地区</dt><dd>${doc.region_code
          ? html`<a href=${regionPath(doc.region_code)} data-testid="document-region">${doc.region_name ?? doc.region_code}</a>
              <span class="muted small">${doc.region_code} ${levelLabel(doc.region_level)}</span>`
          : html`${doc.region_name ?? '—'} <span class="muted small">${levelLabel(doc.region_level)}</span>`}</dd></div>
        <div><dt>日期</dt><dd>${doc.date ?? '—'}</dd></div>
        <div><dt>报告期</dt><dd>${periodLabel(doc.review_period) || '—'}</dd></div>
        <div><dt>计划期</dt><dd>${periodLabel(doc.plan_period) || '—'}</dd></div>
        <div><dt>报告人</dt><dd>${speaker}</dd></div>
        <div><dt>文件</dt><dd class="small" data-testid="document-file">${doc.name}
          <span class="muted">${FORMAT_LABELS[doc.format]}${doc.encoding ? ` · ${doc.encoding}` : ''}${doc.pages ? ` · ${doc.pages.length} 页` : ''}</span>
          ${doc.original
            ? html`<a href=${`/api/documents/${doc.id}/original`} download data-testid="document-original">下载原件</a>`
            : nothing}</dd></div>
        <div><dt>抽取</dt><dd>${doc.fact_count} 条指标 · ${doc.project_count} 个项目</dd></div>
      </dl>
      ${disclosureBlock(doc.meta.disclosure ?? null)}
      <details class="explain" data-testid="document-explain">
        <summary>判定依据 <span class="muted small">类型、地区、日期、报告期从哪些字句判定</span></summary>
        <div class="explain-body"></div>
      </details>
    </header>

    <div class="doc-layout">
      <section class="panel doc-text-panel">
        <h2 class="section-title">原文 <span class="section-note"><span class="legend legend-actual"></span>实际 <span class="legend legend-target"></span>目标 <span class="legend legend-project"></span>项目</span></h2>
        <div class="doc-text" data-testid="document-text" lang="zh-CN">
          ${paras.map(
            (p) => html`<p class=${p === target ? 'para is-target' : 'para'} data-para-start=${String(p.start)} data-para-end=${String(p.end)}
              >${p.segments.map((s) =>
                s.ids.length === 0
                  ? s.text
                  : html`<mark
                      class=${markClass(s.ids)}
                      data-testid=${s.ids.some((id) => id < PROJECT_ID_BASE) ? 'fact-span' : 'project-span'}
                      data-ids=${s.ids.join(' ')}
                      data-start=${String(s.start)}
                      data-end=${String(s.end)}
                      >${s.text}</mark
                    >`,
              )}</p
            >`,
          )}
        </div>
        <div class="fact-tip" data-testid="fact-tooltip" role="tooltip" hidden></div>
      </section>

      <aside class="panel side">
        <h2 class="section-title">指标数据 <span class="section-note">${facts.size} 条 · 点击行定位原文</span></h2>
        ${facts.size === 0 ? empty('未抽取到指标。', 'facts-empty') : factsTable([...facts.values()].sort((a, b) => a.span[0] - b.span[0] || a.ordinal - b.ordinal))}
      </aside>
    </div>

    ${projects.size === 0
      ? nothing
      : html`<section class="panel">
          <h2 class="section-title">项目 <span class="section-note">${projects.size} 个</span></h2>
          ${projectsTable([...projects.values()])}
        </section>`}
  `;
}

function rowHandlers(id: number) {
  const go = (event: Event) => {
    const root = (event.currentTarget as HTMLElement).closest<HTMLElement>('#app') ?? document.body;
    activate(root, id, { scrollText: true, scrollRow: false });
  };
  return {
    click: go,
    key: (event: KeyboardEvent) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        go(event);
      }
    },
  };
}

function factValue(f: StoredFact): string {
  if (f.qualifier === 'qualitative' || f.value == null) return f.text ?? '—';
  if (f.qualifier === 'range' && f.value_high != null) return `${formatNumber(f.value)}—${formatNumber(f.value_high)}`;
  return formatNumber(f.value);
}

/** The 政府信息公开 block of a portal page, the fields it gave. */
const DISCLOSURE_LABELS: Array<[keyof NonNullable<DocumentDetail['meta']['disclosure']>, string]> = [
  ['index_number', '索引号'],
  ['subject', '主题分类'],
  ['publisher', '发布机构'],
  ['document_number', '文号'],
  ['written', '成文日期'],
  ['published', '发布日期'],
  ['validity', '有效性'],
  ['scope', '公开范围'],
  ['keywords', '关键字'],
];

function disclosureBlock(d: DocumentDetail['meta']['disclosure'] | null): TemplateResult | typeof nothing {
  if (!d) return nothing;
  const fields = DISCLOSURE_LABELS.filter(([key]) => d[key] != null);
  return html`<dl class="meta-grid disclosure" data-testid="document-disclosure" aria-label="政府信息公开">
    ${fields.map(([key, label]) => html`<div><dt>${label}</dt><dd class="small">${String(d[key])}</dd></div>`)}
  </dl>`;
}

/** 文件 line: what the text was read from. */
const FORMAT_LABELS: Record<DocumentDetail['format'], string> = { text: '文本', html: '网页', pdf: 'PDF', docx: 'Word' };

function factsTable(facts: StoredFact[]): TemplateResult {
  const paged = facts.some((f) => f.page !== undefined);
  return html`<div class="side-scroll">
    <table class="table table-compact" data-testid="facts-table">
      <thead>
        <tr><th>指标</th><th>期间</th><th>类别</th><th>口径</th><th class="num">数值</th><th>单位</th><th>限定</th><th>预计</th>${paged ? html`<th class="num">页</th>` : nothing}</tr>
      </thead>
      <tbody>
        ${facts.map((f) => {
          const h = rowHandlers(f.ordinal);
          return html`<tr
            class="fact-row"
            data-testid="fact-row"
            data-id=${String(f.ordinal)}
            data-ordinal=${String(f.ordinal)}
            data-start=${String(f.span[0])}
            data-end=${String(f.span[1])}
            tabindex="0"
            title=${f.quote}
            @click=${h.click}
            @keydown=${h.key}
          >
            <td class="label-cell">${f.label}</td>
            <td class="nowrap">${periodLabel(f.period)}</td>
            <td><span class=${`kind kind-${f.kind}`}>${kindLabel(f.kind)}</span></td>
            <td class="nowrap">${measureLabel(f.measure)}</td>
            <td class="num">${factValue(f)}</td>
            <td>${f.unit}</td>
            <td>${qualifierLabel(f.qualifier)}</td>
            <td>${f.estimated ? '是' : ''}</td>
            ${paged ? html`<td class="num" data-testid="fact-page">${f.page ?? ''}</td>` : nothing}
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}

function projectsTable(projects: StoredProject[]): TemplateResult {
  return html`<div class="table-wrap">
    <table class="table" data-testid="projects-table">
      <thead>
        <tr><th>项目</th><th>阶段</th><th class="num">投资</th><th>地点</th><th>投资方</th><th>行业</th><th>时间</th></tr>
      </thead>
      <tbody>
        ${projects.map((p) => {
          const h = rowHandlers(PROJECT_ID_BASE + p.ordinal);
          return html`<tr
            class="fact-row"
            data-testid="project-row"
            data-id=${String(PROJECT_ID_BASE + p.ordinal)}
            tabindex="0"
            title=${p.quote}
            @click=${h.click}
            @keydown=${h.key}
          >
            <td>${p.name ?? (p.count != null ? `${p.count} 个项目` : '—')}</td>
            <td>${stageLabel(p.stage)}</td>
            <td class="num">${p.investment ? valueText({ ...p.investment, value_high: null, text: null }) : '—'}</td>
            <td>${p.location ?? '—'}</td>
            <td>${p.investor ?? '—'}</td>
            <td>${p.industry ?? '—'}</td>
            <td>${p.date ?? '—'}</td>
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}

const DECISION_LABELS: Record<Explanation['decisions'][number]['field'], string> = {
  title: '标题',
  doc_type: '类型',
  region: '地区',
  date: '日期',
  review_period: '报告期',
  plan_period: '计划期',
};
const SECTION_LABELS: Record<Explanation['sections'][number]['kind'], string> = { preamble: '开头', review: '回顾', plan: '计划' };

/** Each decision with the cues weighed: the winning ones first (＋), each with its rule, weight and the words read, linked to where they stand. */
function explainView(id: number, e: Explanation): TemplateResult {
  return html`<div class="explain-grid">
    ${e.decisions.map(
      (d) => html`<div class="explain-decision" data-field=${d.field}>
        <h3>${DECISION_LABELS[d.field]}：<span class="explain-value">${d.field === 'doc_type' && d.value ? `${docTypeLabel(d.value as DocumentDetail['doc_type'])}（${d.value}）` : (d.value ?? '—')}</span></h3>
        ${d.cues.length === 0
          ? html`<p class="muted small">无线索，取默认值</p>`
          : html`<ul class="explain-cues">
              ${d.cues.map(
                (c) => html`<li class=${c.value === d.value ? 'cue is-winner' : 'cue'}>
                  <span class="cue-weight">${c.value === d.value ? '＋' : '　'}${c.weight}</span>
                  <code class="cue-rule">${c.rule}</code>
                  ${c.span ? html`<a href=${documentPath(id, c.span[0])}>「${c.text}」</a>` : html`<span>「${c.text}」</span>`}
                  <span class="muted small">→ ${c.value ?? '—'}</span>
                </li>`,
              )}
            </ul>`}
      </div>`,
    )}
    <div class="explain-decision">
      <h3>分段</h3>
      <ul class="explain-cues">
        ${e.sections.map(
          (s) => html`<li class="cue"><span class="tag">${SECTION_LABELS[s.kind]}</span> ${s.period ?? ''}
            <a href=${documentPath(id, s.span[0])}>${s.heading ?? '（首个标题之前）'}</a></li>`,
        )}
      </ul>
    </div>
  </div>`;
}

