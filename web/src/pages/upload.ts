// `/upload` (投稿): send a document (text, web page, PDF, Word) to POST /api/documents with the bearer token.
import { html, nothing, type TemplateResult } from 'lit-html';
import { api, ApiRequestError, documentPath, type UploadResult } from '../api.js';
import { docTypeLabel, periodLabel } from '../labels.js';
import type { PageContext } from '../router.js';
import { invalidateCatalog, setTitle } from '../ui.js';

const TOKEN_KEY = 'zhengbao.token';

function storedToken(): string {
  try {
    return localStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}
function storeToken(token: string): void {
  try {
    if (token) localStorage.setItem(TOKEN_KEY, token);
    else localStorage.removeItem(TOKEN_KEY);
  } catch {
    /* private mode: the token is just not remembered */
  }
}

const STATUS_HINTS: Record<number, string> = {
  400: '请求不完整：请选择文件后再提交。',
  401: '令牌缺失或不正确，请填写服务器启动时给出的投稿令牌。',
  403: '服务器未开启投稿。',
  413: '文件过大。',
  415: '文件类型不支持，请上传 .txt、.html、.pdf 或 .docx 文件。',
  422: '文件无法读取（编码、空文件或非文本），或抽取结果无效。',
};

type State =
  | { phase: 'idle' }
  | { phase: 'sending'; name: string }
  | { phase: 'done'; result: UploadResult }
  | { phase: 'failed'; status: number; message: string };

export function uploadPage(ctx: PageContext): void {
  setTitle('投稿');
  let state: State = { phase: 'idle' };
  const draw = () => ctx.show(view(state, onSubmit));

  async function onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const fileInput = form.querySelector<HTMLInputElement>('input[name=file]');
    const tokenInput = form.querySelector<HTMLInputElement>('input[name=token]');
    const file = fileInput?.files?.[0];
    const token = tokenInput?.value.trim() ?? '';
    if (!file) {
      state = { phase: 'failed', status: 0, message: '请选择一个文件（.txt、.html、.pdf 或 .docx）。' };
      draw();
      return;
    }
    // Browsers can send only ISO-8859-1 in a header; say so rather than fail obscurely.
    if (/[^\x20-\x7e]/.test(token)) {
      state = { phase: 'failed', status: 0, message: '令牌只能包含英文字母、数字和常用符号（ASCII）。' };
      draw();
      return;
    }
    storeToken(token);
    state = { phase: 'sending', name: file.name };
    draw();
    try {
      const { result } = await api.upload(file, token);
      invalidateCatalog();
      state = { phase: 'done', result };
      if (fileInput) {
        fileInput.value = '';
        fileInput.dispatchEvent(new Event('change'));
      }
    } catch (error) {
      state =
        error instanceof ApiRequestError
          ? { phase: 'failed', status: error.status, message: error.message }
          : { phase: 'failed', status: 0, message: String(error) };
    }
    if (ctx.current) draw();
  }

  draw();
}

function onFileChange(event: Event): void {
  const input = event.currentTarget as HTMLInputElement;
  const label = input.closest('.file-drop')?.querySelector<HTMLElement>('.file-name');
  const file = input.files?.[0];
  if (label) label.textContent = file ? `${file.name}（${(file.size / 1024).toFixed(1)} KB）` : '未选择文件';
}

function view(state: State, onSubmit: (e: SubmitEvent) => void): TemplateResult {
  const sending = state.phase === 'sending';
  return html`
    <div class="page-head">
      <h1 class="page-title">投稿</h1>
      <p class="page-sub">上传一份报告：文本（UTF-8、GBK、Big5，简体或繁体）、保存的网页、PDF 或 Word（.docx）。系统会抽取其中的指标与项目并入库，原件一并保存。需要管理员令牌。</p>
    </div>
    <form class="panel upload-form" data-testid="upload-form" @submit=${onSubmit}>
      <div class="field">
        <span class="field-label">文件（.txt / .html / .pdf / .docx）</span>
        <label class="file-drop">
          <input class="visually-hidden" type="file" name="file" accept=".txt,.text,.html,.htm,.pdf,.docx,text/plain,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document" required data-testid="upload-file" @change=${onFileChange} />
          <span class="btn btn-ghost">选择文件</span>
          <span class="file-name" data-testid="upload-file-name">未选择文件</span>
        </label>
      </div>
      <label class="field">
        <span class="field-label">令牌</span>
        <input
          type="password"
          name="token"
          .value=${storedToken()}
          autocomplete="off"
          placeholder="Bearer 令牌（保存在本浏览器）"
          data-testid="upload-token"
        />
      </label>
      <div class="form-actions">
        <button class="btn btn-primary" type="submit" ?disabled=${sending} data-testid="upload-submit">${sending ? '上传中…' : '上传'}</button>
      </div>
    </form>
    ${outcome(state)}
  `;
}

function outcome(state: State): TemplateResult | typeof nothing {
  switch (state.phase) {
    case 'idle':
      return nothing;
    case 'sending':
      return html`<div class="notice" role="status" data-testid="upload-sending">正在上传 ${state.name}…</div>`;
    case 'failed':
      return html`<div class="notice notice-error" role="alert" data-testid="upload-error">
        <b>上传失败${state.status ? `（${state.status}）` : ''}：</b><span data-testid="upload-error-message">${state.message}</span>
        ${STATUS_HINTS[state.status] ? html`<p class="small">${STATUS_HINTS[state.status]}</p>` : nothing}
      </div>`;
    case 'done': {
      const d = state.result.document;
      return html`<div class="notice notice-ok" role="status" data-testid="upload-success">
        <p><b>${state.result.status === 'added' ? '已入库' : '内容相同的文档已存在'}：</b>
          <a href=${documentPath(d.id)} data-testid="upload-document-link">${d.title || d.name}</a></p>
        <p class="small">${docTypeLabel(d.doc_type)} · ${d.region_name ?? '未识别地区'} · ${d.date ?? periodLabel(d.review_period) ?? ''}
          · ${d.fact_count} 条指标 · ${d.project_count} 个项目</p>
      </div>`;
    }
  }
}
