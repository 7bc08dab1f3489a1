/** The small HTML pages of the authorize step. */
import { escapeXml } from "@wrikekit/core/server";
import type { UserRecord } from "../engine/state.js";

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeXml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;line-height:1.5}code{font-size:1.4rem}</style></head>
<body><h1>${escapeXml(title)}</h1>
${body}
</body>
</html>
`;
}

/** Approve as one of the account's users: a form POSTed back to the authorize URL. */
export function approvalPage(requestToken: string, consumerName: string, users: readonly UserRecord[], problem?: string): string {
  const options = users
    .map((u) => `<option value="${escapeXml(u.uid)}">${escapeXml(`${u.firstName} ${u.lastName} (${u.license}, ${u.uid})`)}</option>`)
    .join("");
  return page(
    "Authorize access to Wrike",
    `${problem === undefined ? "" : `<p role="alert">${escapeXml(problem)}</p>`}
<p>${escapeXml(consumerName)} asks for access to your Wrike account.</p>
<form method="post" action="/rest/auth/authorize">
<input type="hidden" name="oauth_token" value="${escapeXml(requestToken)}">
<label>Sign in as <select name="uid">${options}</select></label>
<button type="submit" name="approve" value="1">Approve</button>
</form>`,
  );
}

/** For oob callbacks: the verifier to type into the application. */
export function verifierPage(verifier: string): string {
  return page("Access approved", `<p>Enter this verifier in the application:</p>\n<p><code id="oauth_verifier">${escapeXml(verifier)}</code></p>`);
}

export function problemPage(message: string): string {
  return page("Cannot authorize", `<p>${escapeXml(message)}</p>`);
}
