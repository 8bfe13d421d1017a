/**
 * The inbox web page served at `GET /`: messages grouped per phone number, newest first, the
 * verification code large. Self-contained (inline CSS and script, no external assets) because
 * the sandbox must work offline; it polls `/api/messages` every second.
 *
 * @module
 */
import { inboxScript } from './inbox-script.js';

const styles = `
  :root { --accent: #ff6a00; --ink: #1f2329; --muted: #646a73; --line: #e4e6eb; --bg: #f4f5f7; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC",
    "PingFang SC", sans-serif; color: var(--ink); background: var(--bg); }
  header { position: sticky; top: 0; z-index: 1; display: flex; align-items: center; gap: 16px;
    padding: 14px 28px; background: #fff; border-bottom: 1px solid var(--line); }
  .brand { display: flex; align-items: center; gap: 10px; font-size: 17px; font-weight: 650; }
  .logo { height: 28px; padding: 0 8px; border-radius: 7px; background: var(--accent); color: #fff;
    display: grid; place-items: center; font-size: 12px; font-weight: 700; letter-spacing: .04em; }
  .endpoint { font: 12px ui-monospace, "SFMono-Regular", Menlo, monospace; color: var(--muted);
    background: var(--bg); padding: 3px 8px; border-radius: 6px; }
  .spacer { flex: 1; }
  .status { display: flex; align-items: center; gap: 6px; color: var(--muted); font-size: 13px; }
  .dot { width: 8px; height: 8px; border-radius: 50%; background: #b3b8c2; }
  .status.live .dot { background: #2ea043; box-shadow: 0 0 0 3px rgba(46,160,67,.18); }
  button { font: inherit; font-weight: 600; color: #fff; background: var(--ink); border: 0;
    border-radius: 8px; padding: 7px 16px; cursor: pointer; }
  button:hover { background: #3a3f47; }
  main { padding: 24px 28px; display: grid; gap: 20px; align-items: start;
    grid-template-columns: repeat(auto-fill, minmax(380px, 1fr)); }
  .empty { grid-column: 1 / -1; text-align: center; color: var(--muted); padding: 72px 0; }
  .empty strong { display: block; color: var(--ink); font-size: 16px; margin-bottom: 4px; }
  .group { background: #fff; border: 1px solid var(--line); border-radius: 12px; overflow: hidden; }
  .group-head { display: flex; align-items: center; gap: 10px; padding: 12px 16px;
    border-bottom: 1px solid var(--line); background: #fafbfc; }
  .phone { font-size: 16px; font-weight: 650; font-variant-numeric: tabular-nums; }
  .badge { font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: .04em;
    padding: 2px 8px; border-radius: 999px; background: #fff1e6; color: #b34a00; }
  .badge.overseas { background: #e8f1ff; color: #1f5fbf; }
  .count { margin-left: auto; color: var(--muted); font-size: 12px; }
  .message { padding: 14px 16px; border-top: 1px solid var(--line); }
  .message:first-of-type { border-top: 0; }
  .message.fresh { animation: fresh 2s ease-out; }
  @keyframes fresh { from { background: #fff4e0; } to { background: #fff; } }
  .code-row { display: flex; align-items: baseline; gap: 12px; margin-bottom: 6px; min-height: 18px; }
  .code { font: 700 34px/1.1 ui-monospace, "SFMono-Regular", Menlo, monospace; letter-spacing: .12em;
    color: var(--accent); }
  .code-label { color: var(--muted); font-size: 12px; white-space: nowrap; }
  .text { margin: 0 0 8px; word-break: break-word; }
  .text mark { background: #fff1e6; color: inherit; border-radius: 3px; padding: 0 2px; }
  .meta { display: flex; flex-wrap: wrap; gap: 6px; font-size: 12px; color: var(--muted); }
  .meta span { background: var(--bg); border-radius: 6px; padding: 1px 7px; }
  .time { margin-left: auto; color: var(--muted); font-size: 12px; font-variant-numeric: tabular-nums;
    white-space: nowrap; }
`;

/** The complete inbox page. */
export function inboxPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SMS inbox · Aliyun SMS sandbox</title>
<style>${styles}</style>
</head>
<body>
<header>
  <div class="brand"><div class="logo">SMS</div>Aliyun SMS sandbox</div>
  <span class="endpoint" data-testid="endpoint"></span>
  <span class="spacer"></span>
  <span class="status" data-testid="status"><span class="dot"></span><span data-testid="total">Connecting…</span></span>
  <button type="button" data-testid="clear">Clear</button>
</header>
<main data-testid="inbox"></main>
<script>${inboxScript}</script>
</body>
</html>`;
}
