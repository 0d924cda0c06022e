import { randomBytes } from 'node:crypto';

/** The HTML pages the demo renders itself: the callback, and the platform's sign-in page. */

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * JSON that is safe inside an inline `<script>`: no `</script>`, no `<!--`, and no line
 * separators that older engines read as line ends.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * A strict policy: nothing loads but the nonce-tagged inline style and script, no framing, and
 * Trusted Types so the script could not write HTML even by mistake.
 */
export function pageHeaders(nonce: string, formAction: string): Record<string, string> {
  return {
    'Content-Security-Policy': [
      "default-src 'none'",
      `script-src 'nonce-${nonce}'`,
      `style-src 'nonce-${nonce}'`,
      "img-src 'self'",
      `form-action ${formAction}`,
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "require-trusted-types-for 'script'",
      "trusted-types 'none'",
    ].join('; '),
    // The URL carries the state; it must not travel to anyone in a Referer.
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
  };
}

const STYLE = `
  :root { color-scheme: light dark; --fg: #1b1f24; --bg: #f4f5f7; --card: #fff; --muted: #4d5560;
    --line: #c9ced6; --accent: #1a56db; --accent-fg: #fff; --danger: #b42318; --ok: #067647; }
  @media (prefers-color-scheme: dark) { :root { --fg: #eceff3; --bg: #16191d; --card: #22262c;
    --muted: #b4bcc7; --line: #4a525c; --accent: #7aa7ff; --accent-fg: #0b1220; --danger: #ff8a7a; --ok: #6fdc9b; } }
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
    color: var(--fg); background: var(--bg); }
  main { max-width: 34rem; margin: 2rem auto; padding: 1.5rem; background: var(--card);
    border: 1px solid var(--line); border-radius: 12px; }
  header { display: flex; gap: .75rem; align-items: center; }
  header img { width: 40px; height: 40px; }
  h1 { font-size: 1.25rem; margin: 0; }
  p { margin: .75rem 0; }
  .muted { color: var(--muted); font-size: .9rem; }
  fieldset { border: 1px solid var(--line); border-radius: 8px; margin: 1rem 0; padding: .75rem 1rem; }
  legend { font-weight: 600; padding: 0 .25rem; }
  [hidden] { display: none !important; }
  .choice { display: flex; gap: .5rem; align-items: flex-start; padding: .35rem 0; }
  .choice input { margin-top: .3rem; width: 1.1rem; height: 1.1rem; }
  .choice small { display: block; color: var(--muted); }
  .field { display: grid; gap: .2rem; margin: .5rem 0 .5rem 1.6rem; }
  input[type=text], input[type=search], select { font: inherit; padding: .45rem .6rem; border: 1px solid var(--muted);
    border-radius: 6px; background: var(--card); color: var(--fg); min-height: 44px; }
  .stack { display: grid; gap: .35rem; margin: 1rem 0 0; }
  .row { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; }
  input[aria-invalid=true] { border-color: var(--danger); }
  .actions { display: flex; gap: .75rem; justify-content: flex-end; margin-top: 1.25rem; }
  button { font: inherit; font-weight: 600; min-height: 44px; min-width: 6rem; padding: .5rem 1rem;
    border-radius: 6px; border: 1px solid var(--accent); cursor: pointer; }
  button.primary { background: var(--accent); color: var(--accent-fg); }
  button.secondary { background: transparent; color: var(--accent); }
  :focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
  .alert { border-left: 4px solid var(--danger); padding: .5rem .75rem; background: transparent; }
  .status-completed { color: var(--ok); }
  .status-failed { color: var(--danger); }
`;

export function renderPage(options: { title: string; nonce: string; body: string; script?: string }): string {
  const { title, nonce, body, script } = options;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
${script ? `<script nonce="${nonce}">${script}</script>` : ''}
</body>
</html>
`;
}

/** A page that only explains (an unknown, reused or expired state): nothing to post. */
export function noticePage(nonce: string, title: string, message: string): string {
  return renderPage({
    title,
    nonce,
    body: `<h1>${escapeHtml(title)}</h1>\n<p role="alert">${escapeHtml(message)}</p>\n<p class="muted">You can close this window and start again from the page you came from.</p>`,
  });
}
