/**
 * THE one HTML escaping function of the report. Every piece of text that reaches report HTML (contract
 * text, names, file paths, messages, list names, settings) goes through it — via the `html` template
 * below, which escapes every interpolated value unless it is markup that `html` itself produced.
 * Escapes the five characters that matter in text and in quoted attribute values.
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Markup built by `html`; the only kind of value inserted without escaping. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolation = string | number | boolean | SafeHtml | null | undefined | readonly Interpolation[];

/**
 * Tagged template for report markup: html`<td>${text}</td>` escapes `text`. Arrays are joined; null,
 * undefined and false render nothing. Attribute values must be quoted with double quotes.
 */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

function render(v: Interpolation): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

/** Joins already-safe fragments. */
export function joinHtml(parts: readonly SafeHtml[], separator = ''): SafeHtml {
  return new SafeHtml(parts.map((p) => p.value).join(separator));
}
