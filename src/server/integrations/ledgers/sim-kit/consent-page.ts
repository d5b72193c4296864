/**
 * The consent page a simulator shows at its authorize URL: which app asks, for what, an
 * organisation picker and "Allow access" / "Cancel" buttons. It posts back to the same URL.
 */

export interface ConsentPage {
  readonly vendor: string;
  readonly appName: string;
  readonly scope: string;
  readonly action: string;
  readonly organisations: readonly { readonly id: string; readonly name: string }[];
  readonly hidden: Readonly<Record<string, string>>;
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export function renderConsentPage(page: ConsentPage): string {
  const hidden = Object.entries(page.hidden)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n      ');
  const options = page.organisations
    .map(
      (org, i) =>
        `<option value="${escapeHtml(org.id)}"${i === 0 ? ' selected' : ''}>${escapeHtml(org.name)}</option>`,
    )
    .join('\n          ');
  const scopes = page.scope
    .split(/\s+/)
    .filter((s) => s.length > 0)
    .map((s) => `<li>${escapeHtml(s)}</li>`)
    .join('');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>${escapeHtml(page.vendor)} (simulator): connect ${escapeHtml(page.appName)}</title>
    <style>
      body { font-family: system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; color: #1f2933; }
      button { font-size: 1rem; padding: 0.5rem 1.25rem; margin-right: 0.5rem; }
      .allow { background: #13b5ea; color: #fff; border: 0; border-radius: 4px; }
    </style>
  </head>
  <body>
    <h1>${escapeHtml(page.appName)} wants to access your ${escapeHtml(page.vendor)} data</h1>
    <p>This is a local simulator; no real data leaves this machine.</p>
    <p>Requested permissions:</p>
    <ul>${scopes}</ul>
    <form method="post" action="${escapeHtml(page.action)}">
      ${hidden}
      <label for="organisation">Organisation</label>
      <select id="organisation" name="organisation">
          ${options}
      </select>
      <p>
        <button class="allow" type="submit" name="decision" value="allow">Allow access</button>
        <button type="submit" name="decision" value="deny">Cancel</button>
      </p>
    </form>
  </body>
</html>
`;
}
