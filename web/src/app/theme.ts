// Municipality theme: CSS custom properties on <html> (inline style beats the .utrecht-theme token sheet).

function parseHex(hex: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  let h = m[1];
  if (h.length === 3)
    h = h
      .split('')
      .map((c) => c + c)
      .join('');
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}
function toHex([r, g, b]: [number, number, number]): string {
  return (
    '#' +
    [r, g, b]
      .map((v) =>
        Math.max(0, Math.min(255, Math.round(v)))
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')
  );
}
function luminance([r, g, b]: [number, number, number]): number {
  const f = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}
/** Contrast ratio against white. */
function contrastWithWhite(rgb: [number, number, number]): number {
  return 1.05 / (luminance(rgb) + 0.05);
}
function darken(rgb: [number, number, number], factor: number): [number, number, number] {
  return [rgb[0] * factor, rgb[1] * factor, rgb[2] * factor];
}

const VARS = [
  '--onderdak-primary',
  '--onderdak-primary-dark',
  '--onderdak-primary-light',
  '--utrecht-button-primary-action-background-color',
  '--utrecht-button-primary-action-border-color',
  '--utrecht-button-primary-action-hover-background-color',
  '--utrecht-button-primary-action-hover-border-color',
  '--utrecht-button-primary-action-active-background-color',
  '--utrecht-button-primary-action-focus-background-color',
  '--utrecht-button-secondary-action-color',
  '--utrecht-button-secondary-action-border-color',
  '--utrecht-link-color',
  '--utrecht-link-hover-color',
  '--utrecht-link-visited-color',
  '--utrecht-heading-color',
  '--utrecht-status-badge-active-background-color',
];

/** Applies the tenant's primary colour; darkens it until white text on it (and it on white) reaches 4.5:1. */
export function applyTheme(primair: string | undefined | null): void {
  const root = document.documentElement;
  let rgb = primair ? parseHex(primair) : null;
  if (!rgb) {
    for (const v of VARS) root.style.removeProperty(v);
    return;
  }
  let guard = 0;
  while (contrastWithWhite(rgb) < 4.5 && guard++ < 20) rgb = darken(rgb, 0.9);
  const p = toHex(rgb);
  const dark = toHex(darken(rgb, 0.75));
  const light = toHex([rgb[0] + (255 - rgb[0]) * 0.9, rgb[1] + (255 - rgb[1]) * 0.9, rgb[2] + (255 - rgb[2]) * 0.9]);
  const set = (k: string, v: string) => root.style.setProperty(k, v);
  set('--onderdak-primary', p);
  set('--onderdak-primary-dark', dark);
  set('--onderdak-primary-light', light);
  set('--utrecht-button-primary-action-background-color', p);
  set('--utrecht-button-primary-action-border-color', p);
  set('--utrecht-button-primary-action-hover-background-color', dark);
  set('--utrecht-button-primary-action-hover-border-color', dark);
  set('--utrecht-button-primary-action-active-background-color', dark);
  set('--utrecht-button-primary-action-focus-background-color', dark);
  set('--utrecht-button-secondary-action-color', p);
  set('--utrecht-button-secondary-action-border-color', p);
  set('--utrecht-link-color', p);
  set('--utrecht-link-hover-color', dark);
  set('--utrecht-link-visited-color', dark);
  set('--utrecht-heading-color', '#1a1a1a');
  set('--utrecht-status-badge-active-background-color', p);
}
