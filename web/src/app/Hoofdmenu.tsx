// Issue 16: the main menu — one row at desktop widths (groups with more than one page open as disclosure submenus) and
// a "Menu" button below 64em. WAI-ARIA disclosure pattern: buttons with aria-expanded/aria-controls, Escape closes and
// returns focus to the button that opened, a click outside closes, choosing a page closes everything.
import { Link, useRouterState } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState } from 'react';
import type { Gebruiker } from '../api/types';
import { cx } from '../ui/cx';
import { type MenuItem, menuVoor } from './menu';
import './menu.css';

/** With this many items or fewer the menu never collapses behind the "Menu" button (a client has one). */
const ALTIJD_ZICHTBAAR = 3;

function MenuLink({ item, sub }: { item: MenuItem; sub?: boolean }) {
  return (
    <li className={cx('utrecht-nav-list__item', sub && 'onderdak-nav__subitem')}>
      <Link
        to={item.pad}
        className={cx('utrecht-nav-list__link onderdak-nav__link', sub && 'onderdak-nav__sublink')}
        activeOptions={{ exact: item.pad === '/' }}
        activeProps={{ 'aria-current': 'page', className: 'onderdak-nav__link--current' }}
      >
        {item.label}
      </Link>
    </li>
  );
}

function isActief(pad: string, pathname: string): boolean {
  return pad === '/' ? pathname === '/' : pathname === pad || pathname.startsWith(`${pad}/`);
}

export function Hoofdmenu({ gebruiker }: { gebruiker: Gebruiker }) {
  const groepen = menuVoor(gebruiker);
  const aantal = groepen.reduce((n, g) => n + g.items.length, 0);
  const klein = aantal <= ALTIJD_ZICHTBAAR;
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const [open, setOpen] = useState(false);
  const [openGroep, setOpenGroep] = useState<string | null>(null);
  const navRef = useRef<HTMLElement>(null);
  const menuKnopRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  const lijstId = `${id}-lijst`;

  // a page was chosen (or the URL changed otherwise): close the menu and the submenus; when the focus was on a link
  // that is now hidden, it moves to the new page's content
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on a change of page only
  useEffect(() => {
    const inMenu = navRef.current?.contains(document.activeElement) ?? false;
    if (inMenu && (open || openGroep !== null)) document.getElementById('hoofdinhoud')?.focus();
    setOpen(false);
    setOpenGroep(null);
  }, [pathname]);

  // a click outside the menu closes an open submenu (and the collapsed menu)
  useEffect(() => {
    if (!open && openGroep === null) return;
    const buiten = (e: MouseEvent) => {
      if (navRef.current && !navRef.current.contains(e.target as Node)) {
        setOpenGroep(null);
        setOpen(false);
      }
    };
    document.addEventListener('mousedown', buiten);
    return () => document.removeEventListener('mousedown', buiten);
  }, [open, openGroep]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    if (openGroep !== null) {
      e.stopPropagation();
      const knop = document.getElementById(`${id}-${openGroep}-knop`);
      setOpenGroep(null);
      knop?.focus();
    } else if (open) {
      e.stopPropagation();
      setOpen(false);
      menuKnopRef.current?.focus();
    }
  };

  return (
    <nav
      ref={navRef}
      className={cx('utrecht-nav-bar onderdak-nav', klein && 'onderdak-nav--klein', open && 'onderdak-nav--open')}
      aria-label="Hoofdmenu"
      onKeyDown={onKeyDown}
    >
      <div className="utrecht-nav-bar__content">
        {!klein && (
          <button
            ref={menuKnopRef}
            type="button"
            className="onderdak-nav__menuknop"
            aria-expanded={open}
            aria-controls={lijstId}
            onClick={() => setOpen((o) => !o)}
          >
            <span aria-hidden="true" className="onderdak-nav__menuicoon">
              {open ? '✕' : '☰'}
            </span>{' '}
            Menu
          </button>
        )}
        <ul id={lijstId} className="utrecht-nav-list onderdak-nav__list">
          {groepen.map((g) => {
            if (g.items.length === 1) return <MenuLink key={g.groep} item={g.items[0]!} />;
            const subId = `${id}-${g.groep}-sub`;
            const isOpen = openGroep === g.groep;
            const actief = g.items.some((i) => isActief(i.pad, pathname));
            return (
              <li key={g.groep} className="utrecht-nav-list__item onderdak-nav__groep">
                <button
                  id={`${id}-${g.groep}-knop`}
                  type="button"
                  className={cx('onderdak-nav__link onderdak-nav__groepknop', actief && 'onderdak-nav__link--current')}
                  aria-expanded={isOpen}
                  aria-controls={subId}
                  onClick={() => setOpenGroep(isOpen ? null : g.groep)}
                >
                  {g.label}
                  <span aria-hidden="true" className="onderdak-nav__chevron" />
                </button>
                <ul id={subId} className="onderdak-nav__sub" hidden={!isOpen}>
                  {g.items.map((i) => (
                    <MenuLink key={i.pad} item={i} sub />
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}
