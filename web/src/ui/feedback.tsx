// Alerts, error messages and loading states.
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { ApiError } from '../api/client';
import { cx } from './cx';

export type AlertType = 'info' | 'ok' | 'warning' | 'error';
export function Alert({
  type = 'info',
  title,
  children,
  role,
  id,
}: {
  type?: AlertType;
  title?: ReactNode;
  children?: ReactNode;
  role?: 'alert' | 'status';
  id?: string;
}) {
  return (
    <div id={id} className={cx('utrecht-alert', `utrecht-alert--${type}`, 'onderdak-alert')} role={role}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          {title && (
            <p className="utrecht-paragraph onderdak-alert__title">
              <strong>{title}</strong>
            </p>
          )}
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

/** Inline page-level error with 403/404 wording. */
export function PaginaFout({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.status === 403) return <ErrorAlert error={error} title="Geen toegang" />;
  if (error instanceof ApiError && error.status === 404) return <ErrorAlert error={error} title="Niet gevonden" />;
  return <ErrorAlert error={error} />;
}

export function Loading({ children = 'Laden…' }: { children?: ReactNode }) {
  return (
    <p className="utrecht-paragraph onderdak-loading" role="status">
      {children}
    </p>
  );
}

export interface SummaryError {
  id?: string;
  message: string;
}

/**
 * Error summary: announced (role="alert") and focused when it appears; each error links to its field.
 */
export function ErrorSummary({
  errors,
  title = 'Er zijn fouten gevonden',
}: {
  errors: SummaryError[];
  title?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const titelId = useId();
  const key = errors.map((e) => e.id + e.message).join('|');
  // biome-ignore lint/correctness/useExhaustiveDependencies: key is the deliberate trigger: focus the summary again whenever the list of errors changes.
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [key, errors.length]);
  if (!errors.length) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className="utrecht-alert utrecht-alert--error onderdak-alert onderdak-error-summary"
      role="alert"
      aria-labelledby={titelId}
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <p className="utrecht-paragraph onderdak-alert__title" id={titelId}>
            <strong>{title}</strong>
          </p>
          <ul className="utrecht-unordered-list">
            {errors.map((e, i) => (
              <li key={i} className="utrecht-unordered-list__item">
                {e.id ? <FoutLink id={e.id} message={e.message} /> : e.message}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/** A link from the error summary to its field: focuses and scrolls to the field. */
function FoutLink({ id, message }: { id: string; message: string }) {
  return (
    <a
      className="utrecht-link"
      href={`#${id}`}
      onClick={(ev) => {
        const el = document.getElementById(id);
        if (el) {
          ev.preventDefault();
          el.focus();
          el.scrollIntoView({ block: 'center' });
        }
      }}
    >
      {message}
    </a>
  );
}
