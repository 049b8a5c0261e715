// Issue 16: tabs after the WAI-ARIA Authoring Practices tabs pattern (manual activation is not needed: choosing a tab
// only changes what is shown). Arrow keys move between tabs, Home/End go to the first/last; only the selected tab is in
// the tab order. The caller keeps the selected tab (in the URL) and renders the panel of the selected tab only.
import { type KeyboardEvent, type ReactNode, useId, useRef } from 'react';
import { cx } from './cx';
import './tabs.css';

export interface Tab<T extends string> {
  id: T;
  label: string;
  /** a short count or signal after the label, e.g. "(3)" */
  extra?: string;
}

export function Tabs<T extends string>({
  tabs,
  actief,
  onKies,
  label,
  children,
}: {
  tabs: Tab<T>[];
  actief: T;
  onKies: (id: T) => void;
  /** accessible name of the tab list, e.g. "Onderdelen van het dossier" */
  label: string;
  /** the panel of the selected tab */
  children: ReactNode;
}) {
  const id = useId();
  const refs = useRef(new Map<T, HTMLButtonElement>());
  const kiesEnFocus = (t: T) => {
    onKies(t);
    refs.current.get(t)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent, i: number) => {
    const n = tabs.length;
    const naar =
      e.key === 'ArrowRight'
        ? (i + 1) % n
        : e.key === 'ArrowLeft'
          ? (i - 1 + n) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : null;
    if (naar === null) return;
    e.preventDefault();
    kiesEnFocus(tabs[naar]!.id);
  };
  return (
    <div className="onderdak-tabs">
      <div role="tablist" aria-label={label} className="onderdak-tabs__lijst">
        {tabs.map((t, i) => {
          const gekozen = t.id === actief;
          return (
            <button
              key={t.id}
              ref={(el) => {
                if (el) refs.current.set(t.id, el);
                else refs.current.delete(t.id);
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${t.id}`}
              aria-selected={gekozen}
              aria-controls={gekozen ? `${id}-paneel` : undefined}
              tabIndex={gekozen ? 0 : -1}
              className={cx('onderdak-tabs__tab', gekozen && 'onderdak-tabs__tab--gekozen')}
              onClick={() => onKies(t.id)}
              onKeyDown={(e) => onKeyDown(e, i)}
            >
              {t.label}
              {t.extra && <span className="onderdak-tabs__extra"> {t.extra}</span>}
            </button>
          );
        })}
      </div>
      <div
        role="tabpanel"
        id={`${id}-paneel`}
        aria-labelledby={`${id}-tab-${actief}`}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the APG tabs pattern makes the panel focusable
        tabIndex={0}
        className="onderdak-tabs__paneel"
      >
        {children}
      </div>
    </div>
  );
}
