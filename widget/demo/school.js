// The demo school's page script: shows the widget's last event, as a partner's page would pass the signed
// statement (detail.statement) to its backend to verify against Jifen's /.well-known/jwks.json.
const out = document.getElementById('last-event');

function show(type, detail) {
  if (!out) return;
  const summary =
    type === 'jifen-result'
      ? { type, mode: detail.mode, scenario: detail.scenario, eligible: detail.eligible, score: detail.score, bar: detail.bar, version: detail.version, asOf: detail.asOf, statement: `${detail.statement.slice(0, 40)}…` }
      : { type, code: detail.code, status: detail.status, message: detail.message };
  out.textContent = JSON.stringify(summary, null, 2);
}

document.addEventListener('jifen-result', (event) => show('jifen-result', event.detail));
document.addEventListener('jifen-error', (event) => show('jifen-error', event.detail));
