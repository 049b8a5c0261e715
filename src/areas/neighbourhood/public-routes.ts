// Issue 17 — exactly these API paths work without a session (docs/adr/0019-buurt-en-locaties.md): the public
// facility page, its melding form and the reporter's view by tracking code. The session middleware (src/app.ts)
// does not read the session cookie for them, so they never act for a logged-in user and need no CSRF token; a
// cross-site form cannot post to them either, because they only accept application/json (a CORS preflight).
export const PUBLIC_NO_SESSION_PATHS = /^\/v1\/(openbare-locaties\/[^/]+(\/meldingen)?|openbare-meldingen\/[^/]+)$/;

export const isPublicNoSessionPath = (path: string) => PUBLIC_NO_SESSION_PATHS.test(path);

/** The largest body the public melding form accepts (far below the API's 1 MB). */
export const PUBLIC_MAX_BODY_BYTES = 16 * 1024;
