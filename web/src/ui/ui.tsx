// Small typed React wrappers around the NL Design System (Utrecht) CSS components.
import {
  Children, isValidElement, useEffect, useId, useRef,
  type ButtonHTMLAttributes, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes, type TextareaHTMLAttributes,
} from 'react';
import { ApiError, type InvalidParam } from '../api/client';

function cx(...parts: (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join(' ');
}

// ---------- Typography ----------

export function Heading({ level, children, id, className }: { level: 1 | 2 | 3 | 4; children: ReactNode; id?: string; className?: string }) {
  const cls = cx(`utrecht-heading-${level}`, className);
  switch (level) {
    case 1: return <h1 id={id} className={cls}>{children}</h1>;
    case 2: return <h2 id={id} className={cls}>{children}</h2>;
    case 3: return <h3 id={id} className={cls}>{children}</h3>;
    default: return <h4 id={id} className={cls}>{children}</h4>;
  }
}

export function Paragraph({ children, lead, small, className }: { children: ReactNode; lead?: boolean; small?: boolean; className?: string }) {
  return <p className={cx('utrecht-paragraph', lead && 'utrecht-paragraph--lead', small && 'utrecht-paragraph--small', className)}>{children}</p>;
}

export function UnorderedList({ children }: { children: ReactNode }) {
  return (
    <ul className="utrecht-unordered-list">
      {Children.map(children, (c) => (isValidElement(c) ? c : c == null || c === false ? null : <li className="utrecht-unordered-list__item">{c}</li>))}
    </ul>
  );
}

// ---------- Buttons ----------

type ButtonVariant = 'primary' | 'secondary' | 'subtle';
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  danger?: boolean;
  busy?: boolean;
  ref?: Ref<HTMLButtonElement>;
}
export function Button({ variant = 'secondary', danger, busy, className, type = 'button', children, disabled, ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      className={cx(
        'utrecht-button',
        `utrecht-button--${variant === 'primary' ? 'primary-action' : variant === 'secondary' ? 'secondary-action' : 'subtle'}`,
        type === 'submit' && 'utrecht-button--submit',
        danger && 'utrecht-button--danger',
        busy && 'utrecht-button--busy',
        disabled && 'utrecht-button--disabled',
        className,
      )}
      aria-busy={busy || undefined}
      disabled={disabled}
      {...rest}
    >
      {children}
    </button>
  );
}

export function ButtonGroup({ children }: { children: ReactNode }) {
  return <div className="utrecht-button-group utrecht-button-group--row">{children}</div>;
}

// ---------- Status / feedback ----------

export type AlertType = 'info' | 'ok' | 'warning' | 'error';
export function Alert({ type = 'info', title, children, role, id }: { type?: AlertType; title?: ReactNode; children?: ReactNode; role?: 'alert' | 'status'; id?: string }) {
  return (
    <div id={id} className={cx('utrecht-alert', `utrecht-alert--${type}`, 'onderdak-alert')} role={role}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          {title && <p className="utrecht-paragraph onderdak-alert__title"><strong>{title}</strong></p>}
          {children}
        </div>
      </div>
    </div>
  );
}

/** Shows an API error (problem+json title/detail) in an alert with role="alert". */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  const heading = title ?? e?.title ?? 'Er ging iets mis';
  const detail = e ? e.detail || e.title : error instanceof Error ? error.message : String(error);
  return (
    <Alert type="error" role="alert" title={heading}>
      {detail && detail !== heading && <p className="utrecht-paragraph">{detail}</p>}
    </Alert>
  );
}

export function Loading({ children = 'Laden…' }: { children?: ReactNode }) {
  return <p className="utrecht-paragraph onderdak-loading" role="status">{children}</p>;
}

export type BadgeStatus = 'success' | 'warning' | 'danger' | 'neutral' | 'active' | 'inactive';
export function StatusBadge({ status = 'neutral', children }: { status?: BadgeStatus; children: ReactNode }) {
  return <span className={cx('utrecht-status-badge', `utrecht-status-badge--${status}`)}>{children}</span>;
}

// ---------- Forms ----------

export interface SummaryError { id?: string; message: string }

/**
 * Error summary: announced (role="alert") and focused when it appears; each error links to its field.
 */
export function ErrorSummary({ errors, title = 'Er zijn fouten gevonden' }: { errors: SummaryError[]; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const titelId = useId();
  const key = errors.map((e) => e.id + e.message).join('|');
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [key, errors.length]);
  if (!errors.length) return null;
  return (
    <div ref={ref} tabIndex={-1} className="utrecht-alert utrecht-alert--error onderdak-alert onderdak-error-summary" role="alert" aria-labelledby={titelId}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <p className="utrecht-paragraph onderdak-alert__title" id={titelId}><strong>{title}</strong></p>
          <ul className="utrecht-unordered-list">
            {errors.map((e, i) => (
              <li key={i} className="utrecht-unordered-list__item">
                {e.id ? (
                  <a
                    className="utrecht-link"
                    href={`#${e.id}`}
                    onClick={(ev) => {
                      const el = document.getElementById(e.id!);
                      if (el) { ev.preventDefault(); el.focus(); el.scrollIntoView({ block: 'center' }); }
                    }}
                  >
                    {e.message}
                  </a>
                ) : e.message}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/**
 * Field errors of one form: client-side checks plus the server's problem+json invalidParams (by body field name).
 * `ids` maps field names to element ids, so the summary can link to them.
 */
export class FormErrors {
  readonly byName = new Map<string, string>();
  readonly general: string[] = [];
  constructor(private ids: Record<string, string> = {}) {}

  static from(error: unknown, ids: Record<string, string> = {}, client: Record<string, string | undefined> = {}): FormErrors {
    const fe = new FormErrors(ids);
    for (const [k, v] of Object.entries(client)) if (v) fe.byName.set(k, v);
    if (error instanceof ApiError) {
      const params: InvalidParam[] = error.invalidParams;
      for (const p of params) if (!fe.byName.has(p.name)) fe.byName.set(p.name, p.reason || p.code);
      if (!params.length) fe.general.push(error.detail || error.title);
    } else if (error instanceof Error) {
      fe.general.push(error.message);
    }
    return fe;
  }
  get(name: string): string | undefined { return this.byName.get(name); }
  get hasErrors(): boolean { return this.byName.size > 0 || this.general.length > 0; }
  summary(): SummaryError[] {
    const out: SummaryError[] = [];
    for (const [name, message] of this.byName) out.push({ id: this.ids[name] ?? this.findId(name), message });
    for (const g of this.general) out.push({ message: g });
    return out;
  }
  private findId(name: string): string | undefined {
    // `regiobinding.jarenInRegio` → field registered as `jarenInRegio`, etc.
    const last = name.split('.').pop() ?? name;
    return this.ids[last];
  }
}

interface FieldShellProps {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  optional?: boolean;
  kind?: 'checkbox' | 'radio';
  children: (aria: { 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}
function FieldShell({ id, label, description, error, optional, kind, children }: FieldShellProps) {
  const descId = description ? `${id}-omschrijving` : undefined;
  const errId = error ? `${id}-fout` : undefined;
  const describedBy = [errId, descId].filter(Boolean).join(' ') || undefined;
  const aria = { 'aria-describedby': describedBy, 'aria-invalid': error ? (true as const) : undefined };
  if (kind === 'checkbox') {
    return (
      <div className={cx('utrecht-form-field', 'utrecht-form-field--checkbox', error && 'utrecht-form-field--invalid')}>
        <div className="utrecht-form-field__input onderdak-checkbox-row">
          {children(aria)}
          <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>{label}</label>
        </div>
        {description && <div id={descId} className="utrecht-form-field-description">{description}</div>}
        {error && <div id={errId} className="utrecht-form-field-error-message">{error}</div>}
      </div>
    );
  }
  return (
    <div className={cx('utrecht-form-field', error && 'utrecht-form-field--invalid')}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
          {optional && <span className="onderdak-optioneel"> (niet verplicht)</span>}
        </label>
      </div>
      {description && <div id={descId} className="utrecht-form-field-description">{description}</div>}
      {error && <div id={errId} className="utrecht-form-field-error-message">{error}</div>}
      <div className="utrecht-form-field__input">{children(aria)}</div>
    </div>
  );
}

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  optional?: boolean;
}
export function TextField({ id, label, description, error, optional, className, type = 'text', ...rest }: TextFieldProps) {
  return (
    <FieldShell id={id} label={label} description={description} error={error} optional={optional}>
      {(aria) => (
        <input
          id={id}
          type={type}
          className={cx('utrecht-textbox', 'utrecht-textbox--html-input', error && 'utrecht-textbox--invalid', type === 'password' && 'utrecht-textbox--password', className)}
          {...aria}
          {...rest}
        />
      )}
    </FieldShell>
  );
}

export interface TextareaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  id: string; label: ReactNode; description?: ReactNode; error?: string; optional?: boolean;
}
export function TextareaField({ id, label, description, error, optional, required, rows = 3, ...rest }: TextareaFieldProps) {
  return (
    <FieldShell id={id} label={label} description={description} error={error} optional={optional}>
      {(aria) => (
        <textarea
          id={id}
          rows={rows}
          required={required}
          className={cx('utrecht-textarea', 'utrecht-textarea--html-textarea', error && 'utrecht-textarea--invalid')}
          {...aria}
          {...rest}
        />
      )}
    </FieldShell>
  );
}

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  id: string; label: ReactNode; description?: ReactNode; error?: string; optional?: boolean; children: ReactNode;
}
export function SelectField({ id, label, description, error, optional, required, children, ...rest }: SelectFieldProps) {
  return (
    <FieldShell id={id} label={label} description={description} error={error} optional={optional}>
      {(aria) => (
        <select
          id={id}
          required={required}
          className={cx('utrecht-select', 'utrecht-select--html-select', error && 'utrecht-select--invalid')}
          {...aria}
          {...rest}
        >
          {children}
        </select>
      )}
    </FieldShell>
  );
}

export interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> {
  id: string; label: ReactNode; description?: ReactNode; error?: string;
}
export function CheckboxField({ id, label, description, error, ...rest }: CheckboxFieldProps) {
  return (
    <FieldShell id={id} label={label} description={description} error={error} kind="checkbox">
      {(aria) => <input id={id} type="checkbox" className="utrecht-checkbox utrecht-checkbox--html-input" {...aria} {...rest} />}
    </FieldShell>
  );
}

export function Fieldset({ legend, children, error, id, description }: { legend: ReactNode; children: ReactNode; error?: string; id?: string; description?: ReactNode }) {
  const errId = error && id ? `${id}-fout` : undefined;
  const descId = description && id ? `${id}-omschrijving` : undefined;
  return (
    <fieldset
      id={id}
      className={cx('utrecht-form-fieldset', 'utrecht-form-fieldset--html-fieldset', error && 'utrecht-form-fieldset--invalid')}
      aria-describedby={[errId, descId].filter(Boolean).join(' ') || undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      {description && <div id={descId} className="utrecht-form-field-description">{description}</div>}
      {error && <div id={errId} className="utrecht-form-field-error-message">{error}</div>}
      {children}
    </fieldset>
  );
}

export function RadioGroup<V extends string>({
  idPrefix, name, legend, options, value, onChange, error,
}: {
  idPrefix: string; name: string; legend: ReactNode; options: { value: V; label: ReactNode }[];
  value: V | ''; onChange: (v: V) => void; error?: string;
}) {
  return (
    <Fieldset legend={legend} error={error} id={`${idPrefix}-${name}`}>
      <div className="onderdak-radiogroup">
        {options.map((o, i) => {
          const id = i === 0 ? `${idPrefix}-${name}-eerste` : `${idPrefix}-${name}-${o.value}`;
          return (
            <div key={o.value} className="utrecht-form-field utrecht-form-field--radio">
              <div className="utrecht-form-field__input onderdak-checkbox-row">
                <input
                  id={id}
                  type="radio"
                  name={`${idPrefix}-${name}`}
                  value={o.value}
                  checked={value === o.value}
                  onChange={() => onChange(o.value)}
                  className={cx('utrecht-radio-button', 'utrecht-radio-button--html-input', value === o.value && 'utrecht-radio-button--checked', error && 'utrecht-radio-button--invalid')}
                />
                <label htmlFor={id} className={cx('utrecht-form-label', 'utrecht-form-label--radio', value === o.value && 'utrecht-form-label--checked')}>{o.label}</label>
              </div>
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}

// ---------- Data display ----------

export function DataList({ items }: { items: [ReactNode, ReactNode][] }) {
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows">
      {items.map(([k, v], i) => (
        <div key={i} className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{k}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{v ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

/** `captionHidden`: the caption is for assistive technology only (a visible heading already names the table). */
export function Table({ caption, children, className, captionHidden }: { caption?: ReactNode; children: ReactNode; className?: string; captionHidden?: boolean }) {
  return (
    <div className="utrecht-table-container utrecht-table-container--overflow-inline">
      <table className={cx('utrecht-table', 'utrecht-table--html-table', className)}>
        {caption && <caption className={cx('utrecht-table__caption', captionHidden && 'onderdak-sr-only')}>{caption}</caption>}
        {children}
      </table>
    </div>
  );
}
export function THead({ children }: { children: ReactNode }) {
  return <thead className="utrecht-table__header">{children}</thead>;
}
export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="utrecht-table__body">{children}</tbody>;
}
export function Tr({ children }: { children: ReactNode }) {
  return <tr className="utrecht-table__row">{children}</tr>;
}
export function Th({ children, scope = 'col', numeric, ariaSort }: { children: ReactNode; scope?: 'col' | 'row'; numeric?: boolean; ariaSort?: 'ascending' | 'descending' | 'none' }) {
  return (
    <th scope={scope} aria-sort={ariaSort} className={cx('utrecht-table__header-cell', numeric && 'utrecht-table__header-cell--numeric-column')}>
      {children}
    </th>
  );
}
export function Td({ children, numeric, colSpan }: { children?: ReactNode; numeric?: boolean; colSpan?: number }) {
  return <td colSpan={colSpan} className={cx('utrecht-table__cell', numeric && 'utrecht-table__cell--numeric-data')}>{children}</td>;
}

export function Pagination({ pagina, paginaGrootte, totaal, onPagina, label = 'Paginering' }: {
  pagina: number; paginaGrootte: number; totaal: number; onPagina: (p: number) => void; label?: string;
}) {
  const aantal = Math.max(1, Math.ceil(totaal / Math.max(1, paginaGrootte)));
  const vorige = pagina > 1;
  const volgende = pagina < aantal;
  return (
    <nav className="utrecht-pagination onderdak-pagination" aria-label={label}>
      <button
        type="button"
        className={cx('utrecht-pagination__relative-link', 'utrecht-pagination__relative-link--prev', 'onderdak-linkbutton', !vorige && 'utrecht-pagination__relative-link--disabled')}
        disabled={!vorige}
        onClick={() => onPagina(pagina - 1)}
      >
        Vorige
      </button>
      <span className="onderdak-pagination__status" aria-current="page">Pagina {pagina} van {aantal}</span>
      <button
        type="button"
        className={cx('utrecht-pagination__relative-link', 'utrecht-pagination__relative-link--next', 'onderdak-linkbutton', !volgende && 'utrecht-pagination__relative-link--disabled')}
        disabled={!volgende}
        onClick={() => onPagina(pagina + 1)}
      >
        Volgende
      </button>
    </nav>
  );
}

/** Horizontal occupancy bar with a text alternative. */
export function BezettingsBalk({ bezet, totaal, label }: { bezet: number; totaal: number; label?: string }) {
  const pct = totaal > 0 ? Math.min(100, Math.round((bezet / totaal) * 100)) : 0;
  return (
    <div className="onderdak-bar" role="img" aria-label={label ?? `${pct}% bezet (${bezet} van ${totaal})`}>
      <div className="onderdak-bar__fill" style={{ width: `${pct}%` }} />
    </div>
  );
}

export function Card({ children, labelledBy, className }: { children: ReactNode; labelledBy?: string; className?: string }) {
  return <section aria-labelledby={labelledBy} className={cx('onderdak-card', className)}>{children}</section>;
}
