import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { IndicatorKind, RuleSet } from '../../../../server/src/domain/rule-set/schema';
import { I18nController, pick } from '../../i18n/i18n';
import { NO_ERRORS, errorsAt, type ErrorIndex } from '../../model/field-errors';
import { INDICATOR_KINDS } from '../../model/templates';
import { shared } from '../../styles/shared';
import { emitEdit } from '../../ui/fields';
import { COLUMNS, parseCell, tableRows, type Cell, type ColumnKey, type TableRow } from './table-rows';
import { styles } from './jifen-score-table.styles';

type CellError = 'required' | 'notNumber' | 'negative' | 'notPositive';

/**
 * The whole scoring table at a glance: groups, their indicators and each indicator's tiers or bands, with
 * points, caps, conditions in words, department and reference, in one keyboard grid. Cells are edited in
 * place (Enter or typing starts, Enter or Tab confirms, Esc cancels), copied and pasted (several cells at
 * once from Excel); conditions and references open the detailed form. Read-only for a published version.
 *
 * @fires jifen-edit - a cell was changed (one event per cell).
 * @fires jifen-select - the detailed form of an indicator was asked for.
 */
@customElement('jifen-score-table')
export class JifenScoreTable extends LitElement {
  static override styles = [shared, styles];

  @property({ attribute: false }) doc?: RuleSet;
  @property({ attribute: false }) included: readonly RuleSet[] = [];
  @property({ attribute: false }) errors: ErrorIndex = NO_ERRORS;
  @property({ type: Boolean }) readonly = false;

  @state() private query = '';
  @state() private group = '';
  @state() private kind = '';
  @state() private active = { row: 0, col: 0 };
  @state() private editing = false;
  @state() private typed = '';
  @state() private cellError?: CellError;
  @state() private notice = '';

  private i18n = new I18nController(this);
  private rows: TableRow[] = [];
  private rowsFor?: { doc: RuleSet; included: readonly RuleSet[]; lang: string };
  private focusAfterRender = false;

  private get allRows(): TableRow[] {
    const doc = this.doc;
    if (!doc) return [];
    const lang = this.i18n.lang;
    const f = this.rowsFor;
    if (!f || f.doc !== doc || f.included !== this.included || f.lang !== lang) {
      const m = this.i18n.m;
      this.rows = tableRows({ doc, included: this.included, lang, kindTitle: (k) => m.kinds[k], bandTitle: m.tableBand });
      this.rowsFor = { doc, included: this.included, lang };
    }
    return this.rows;
  }

  /** The rows the search and filters leave; a group row stays while any of its indicators does. */
  private get visible(): TableRow[] {
    const q = this.query.trim().toLowerCase();
    const keep = (r: TableRow) => (!this.group || r.group === this.group) && (!this.kind || r.kind === this.kind) && (!q || r.haystack.includes(q));
    const rows = this.allRows;
    const shown = rows.filter((r) => r.level !== 'group' && keep(r));
    const groups = new Set(shown.map((r) => r.group));
    const filtering = q || this.kind;
    return rows.filter((r) => (r.level === 'group' ? groups.has(r.group) || (!filtering && (!this.group || r.group === this.group)) : shown.includes(r)));
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('doc') && this.editing) return;
    const rows = this.visible;
    if (this.active.row >= rows.length) this.active = { row: Math.max(0, rows.length - 1), col: this.active.col };
  }

  override updated(): void {
    if (!this.focusAfterRender) return;
    this.focusAfterRender = false;
    const target = this.editing ? this.renderRoot.querySelector<HTMLInputElement>('td input') : this.activeCellElement();
    target?.focus();
    if (target instanceof HTMLInputElement) target.setSelectionRange(target.value.length, target.value.length);
  }

  private activeCellElement(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`td[data-row="${this.active.row}"][data-col="${this.active.col}"]`);
  }

  private cellAt(row: number, col: number): Cell | undefined {
    return this.visible[row]?.cells[COLUMNS[col]!];
  }

  private editable(cell: Cell | undefined): boolean {
    return !this.readonly && cell?.edit !== undefined;
  }

  private moveTo(row: number, col: number): void {
    const rows = this.visible;
    this.active = { row: Math.max(0, Math.min(rows.length - 1, row)), col: Math.max(0, Math.min(COLUMNS.length - 1, col)) };
    this.focusAfterRender = true;
  }

  private startEdit(initial?: string): void {
    const cell = this.cellAt(this.active.row, this.active.col);
    if (!this.editable(cell)) return;
    this.editing = true;
    this.cellError = undefined;
    this.typed = initial ?? (cell!.edit!.value === undefined ? '' : String(cell!.edit!.value));
    this.focusAfterRender = true;
  }

  /** Applies what was typed; answers false (and stays in the cell) when it is not a valid value. */
  private commit(): boolean {
    const cell = this.cellAt(this.active.row, this.active.col);
    if (!cell?.edit) return true;
    const parsed = parseCell(cell.edit, this.typed);
    if ('error' in parsed) {
      this.cellError = parsed.error;
      return false;
    }
    if (parsed.value !== cell.edit.value) emitEdit(this, { op: 'set', path: cell.edit.path, value: parsed.value });
    this.editing = false;
    this.cellError = undefined;
    return true;
  }

  private cancel(): void {
    this.editing = false;
    this.cellError = undefined;
    this.focusAfterRender = true;
  }

  private onGridKey = (event: KeyboardEvent) => {
    if (this.editing) return this.onEditKey(event);
    const { row, col } = this.active;
    const last = COLUMNS.length - 1;
    const cell = this.cellAt(row, col);
    const keys: Record<string, () => void> = {
      ArrowUp: () => this.moveTo(row - 1, col),
      ArrowDown: () => this.moveTo(row + 1, col),
      ArrowLeft: () => this.moveTo(row, col - 1),
      ArrowRight: () => this.moveTo(row, col + 1),
      Home: () => this.moveTo(event.ctrlKey ? 0 : row, 0),
      End: () => this.moveTo(event.ctrlKey ? this.visible.length - 1 : row, last),
      PageDown: () => this.moveTo(row + 10, col),
      PageUp: () => this.moveTo(row - 10, col),
      F2: () => this.startEdit(),
      Enter: () => (cell?.form !== undefined && !this.readonly ? this.openForm(cell.form) : this.startEdit()),
      Delete: () => this.clearCell(),
      Backspace: () => this.clearCell(),
    };
    if (event.key === 'Tab') {
      const next = col + (event.shiftKey ? -1 : 1);
      if (next < 0 || next > last) return; // leaves the grid, as Tab does
      event.preventDefault();
      return this.moveTo(row, next);
    }
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      return action();
    }
    if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && this.editable(cell)) {
      event.preventDefault();
      this.startEdit(event.key);
    }
  };

  private onEditKey(event: KeyboardEvent): void {
    const { row, col } = this.active;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      return this.cancel();
    }
    if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      if (!this.commit()) return;
      if (event.key === 'Enter') this.moveTo(row + (event.shiftKey ? -1 : 1), col);
      else this.moveTo(row, col + (event.shiftKey ? -1 : 1));
    }
  }

  private clearCell(): void {
    const cell = this.cellAt(this.active.row, this.active.col);
    if (!this.editable(cell)) return;
    if (cell!.edit!.optional) emitEdit(this, { op: 'set', path: cell!.edit!.path, value: undefined });
    else this.startEdit('');
  }

  private openForm(index: number): void {
    this.dispatchEvent(new CustomEvent('jifen-select', { detail: { name: 'indicator', index }, bubbles: true, composed: true }));
  }

  private onCopy = (event: ClipboardEvent) => {
    if (this.editing) return;
    const cell = this.cellAt(this.active.row, this.active.col);
    event.clipboardData?.setData('text/plain', cell?.edit?.value !== undefined ? String(cell.edit.value) : (cell?.text ?? ''));
    event.preventDefault();
  };

  /** Pastes a block (tab-separated columns, one line per row, as Excel copies) from the active cell. */
  private onPaste = (event: ClipboardEvent) => {
    if (this.editing || this.readonly) return;
    event.preventDefault();
    const text = event.clipboardData?.getData('text/plain') ?? '';
    const lines = text.replace(/\r/g, '').replace(/\n$/, '').split('\n');
    let skipped = 0;
    lines.forEach((line, r) =>
      line.split('\t').forEach((value, c) => {
        const cell = this.cellAt(this.active.row + r, this.active.col + c);
        const parsed = cell?.edit ? parseCell(cell.edit, value) : undefined;
        if (!cell?.edit || !parsed || 'error' in parsed) return void skipped++;
        if (parsed.value !== cell.edit.value) emitEdit(this, { op: 'set', path: cell.edit.path, value: parsed.value });
      }),
    );
    this.notice = skipped ? this.i18n.m.tablePasteSkipped(skipped) : '';
  };

  /** A new search or filter starts again at the first row shown. */
  private filter(change: { query?: string; group?: string; kind?: string }): void {
    this.query = change.query ?? this.query;
    this.group = change.group ?? this.group;
    this.kind = change.kind ?? this.kind;
    this.active = { row: 0, col: this.active.col };
  }

  override render() {
    const m = this.i18n.m;
    if (!this.doc) return nothing;
    const rows = this.visible;
    const indicators = this.allRows.filter((r) => r.level === 'indicator');
    const groups = this.allRows.filter((r) => r.level === 'group');
    const shown = rows.filter((r) => r.level === 'indicator').length;
    return html`<div class="tools">
        <label class="field search"><span class="sr-only">${m.tableSearch}</span>
          <input type="search" placeholder=${m.tableSearch} .value=${this.query} @input=${(e: Event) => this.filter({ query: (e.target as HTMLInputElement).value })} /></label>
        <label class="field"><span class="sr-only">${m.group}</span>
          <select @change=${(e: Event) => this.filter({ group: (e.target as HTMLSelectElement).value })}>
            <option value="">${m.tableAllGroups}</option>
            ${groups.map((g) => html`<option value=${g.group} ?selected=${this.group === g.group}>${g.cells.title?.text}</option>`)}
          </select></label>
        <label class="field"><span class="sr-only">${m.kind}</span>
          <select @change=${(e: Event) => this.filter({ kind: (e.target as HTMLSelectElement).value })}>
            <option value="">${m.tableAllKinds}</option>
            ${INDICATOR_KINDS.map((k: IndicatorKind) => html`<option value=${k} ?selected=${this.kind === k}>${m.kinds[k]}</option>`)}
          </select></label>
        <span class="small muted" role="status">${m.tableShown(shown, indicators.length)}</span>
      </div>
      <p class="small muted" id="help">${this.readonly ? m.scoreTableReadonlyHelp : m.scoreTableHelp}</p>
      ${this.notice ? html`<p class="notice warn small" role="status">${this.notice}</p>` : nothing}
      ${rows.length === 0 ? html`<p class="muted">${m.tableNoMatch}</p>` : nothing}
      <div class="scroll">
        <table role="grid" aria-label=${pick(this.doc.title) + ' · ' + m.scoreTable} aria-describedby="help" aria-readonly=${this.readonly ? 'true' : 'false'}
          aria-rowcount=${rows.length + 1} @keydown=${this.onGridKey} @copy=${this.onCopy} @paste=${this.onPaste}>
          <thead><tr>${COLUMNS.map((c) => html`<th scope="col" class=${c}>${m.tableColumns[c]}</th>`)}</tr></thead>
          <tbody>${rows.map((r, i) => this.renderRow(r, i))}</tbody>
        </table>
      </div>`;
  }

  private renderRow(r: TableRow, i: number) {
    return html`<tr class="level-${r.level} ${r.included ? 'included' : ''}" data-key=${r.key}>${COLUMNS.map((c, j) => this.renderCell(r, r.cells[c], i, j, c))}</tr>`;
  }

  private renderCell(r: TableRow, cell: Cell | undefined, i: number, j: number, column: ColumnKey) {
    const m = this.i18n.m;
    const active = this.active.row === i && this.active.col === j;
    const problems = cell?.edit ? errorsAt(this.errors, cell.edit.path) : [];
    const editing = active && this.editing;
    const label = `${r.cells.title?.text ?? ''} · ${m.tableColumns[column]}`;
    const full = column === 'reference' || column === 'department' ? (cell?.text ?? '') : '';
    const title = [full, ...problems, cell?.form !== undefined && !this.readonly ? m.tableOpenForm : ''].filter(Boolean).join('\n');
    return html`<td role="gridcell" class=${`${column} ${cell?.edit && !this.readonly ? 'editable' : ''} ${problems.length ? 'invalid' : ''}`}
      data-row=${i} data-col=${j} tabindex=${active && !editing ? '0' : '-1'} aria-selected=${active ? 'true' : 'false'}
      aria-readonly=${this.editable(cell) ? 'false' : 'true'} aria-invalid=${problems.length ? 'true' : 'false'} title=${title || nothing}
      @click=${() => this.moveTo(i, j)} @dblclick=${() => this.startEdit()}>
      ${editing
        ? html`<input aria-label=${label} .value=${this.typed} inputmode=${cell?.edit?.type === 'number' ? 'decimal' : 'text'}
            aria-invalid=${this.cellError ? 'true' : 'false'} aria-describedby=${this.cellError ? 'cell-error' : nothing}
            @input=${(e: Event) => ((this.typed = (e.target as HTMLInputElement).value), (this.cellError = undefined))}
            @blur=${() => this.editing && this.commit()} />
          ${this.cellError ? html`<div class="cell-error" id="cell-error" role="alert">${m.tableCellErrors[this.cellError]}</div>` : nothing}`
        : html`${column === 'title' && r.included && r.level === 'indicator' ? html`<span class="badge">${m.tableIncluded}</span> ` : nothing}${cell?.text ?? ''}`}
    </td>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-score-table': JifenScoreTable;
  }
}
