/**
 * The live dashboard: one static page that opens a graphql-ws connection with the API key given in
 * the URL fragment (never sent to the server in a request line or a log) and shows the workspace's
 * events as they commit, counts per type, and the metrics of any plugin that offers a
 * `dashboardMetrics` subscription (the analytics plugin).
 */
export const DASHBOARD_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kontra live dashboard</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 0; background: #f6f7f9; color: #1d2330; }
  header { display: flex; gap: 1rem; align-items: center; padding: .75rem 1.25rem; background: #1d2330; color: #fff; }
  header h1 { font-size: 1rem; margin: 0; }
  #status { margin-left: auto; font-size: .85rem; }
  #status[data-state="live"]::before { content: "● "; color: #3ecf8e; }
  #status[data-state="offline"]::before { content: "● "; color: #e5484d; }
  main { display: grid; grid-template-columns: minmax(16rem, 1fr) 2fr; gap: 1rem; padding: 1rem 1.25rem; }
  section { background: #fff; border-radius: 8px; padding: .75rem 1rem; box-shadow: 0 1px 2px #0001; }
  h2 { font-size: .9rem; text-transform: uppercase; letter-spacing: .04em; color: #5b6478; margin: 0 0 .5rem; }
  table { width: 100%; border-collapse: collapse; }
  td { padding: .2rem 0; border-bottom: 1px solid #eef0f3; }
  td.count { text-align: right; font-variant-numeric: tabular-nums; }
  #feed { list-style: none; margin: 0; padding: 0; max-height: 70vh; overflow: auto; }
  #feed li { padding: .35rem 0; border-bottom: 1px solid #eef0f3; }
  #feed .type { font-weight: 600; }
  #feed .meta { color: #5b6478; font-size: .8rem; }
  form { display: flex; gap: .5rem; padding: 1rem 1.25rem; }
</style>
</head>
<body>
<header><h1>Kontra live dashboard</h1><span id="status" data-state="offline">offline</span></header>
<form id="login" hidden><input id="key" type="password" placeholder="API key (kontra_…)" size="48"><button>Connect</button></form>
<main>
  <div>
    <section><h2>Metrics</h2><table id="metrics"><tbody></tbody></table></section>
    <section style="margin-top:1rem"><h2>Events by type</h2><table id="counts"><tbody></tbody></table></section>
  </div>
  <section><h2>Live events</h2><ul id="feed"></ul></section>
</main>
<script src="/dashboard/graphql-ws.js"></script>
<script>
(() => {
  const status = document.getElementById('status');
  const feed = document.getElementById('feed');
  const counts = new Map();
  let lastSeq;

  function setStatus(state, text) { status.dataset.state = state; status.textContent = text; }

  function row(table, label, value) {
    const body = table.tBodies[0];
    let tr = [...body.rows].find((r) => r.dataset.label === label);
    if (!tr) {
      tr = body.insertRow();
      tr.dataset.label = label;
      tr.insertCell().textContent = label;
      tr.insertCell().className = 'count';
    }
    tr.cells[1].textContent = value;
  }

  function describe(event) {
    const p = event.payload || {};
    return p.displayName || p.subject || p.title || p.name || event.entityType + ' ' + event.entityId.slice(0, 8);
  }

  function show(event) {
    lastSeq = event.seq;
    counts.set(event.type, (counts.get(event.type) || 0) + 1);
    row(document.getElementById('counts'), event.type, counts.get(event.type));
    const li = document.createElement('li');
    li.dataset.seq = event.seq;
    const type = document.createElement('div');
    type.className = 'type';
    type.textContent = event.type;
    const what = document.createElement('div');
    what.textContent = describe(event);
    const meta = document.createElement('div');
    meta.className = 'meta';
    meta.textContent = '#' + event.seq + ' · ' + new Date(event.occurredAt).toLocaleTimeString();
    li.append(type, what, meta);
    feed.prepend(li);
    while (feed.children.length > 200) feed.lastChild.remove();
  }

  function connect(key) {
    const client = graphqlWs.createClient({
      url: location.origin.replace(/^http/, 'ws') + '/graphql',
      connectionParams: { authorization: 'Bearer ' + key },
      retryAttempts: Infinity,
      shouldRetry: () => true,
      on: {
        connected: () => setStatus('live', 'live'),
        closed: (e) => setStatus('offline', 'offline' + (e && e.reason ? ' (' + e.reason + ')' : '')),
      },
    });
    // After a reconnect, resume after the last event shown: nothing missed, nothing twice.
    const follow = () => client.subscribe(
      { query: 'subscription ($after: BigInt) { events(after: $after) { seq type entityType entityId occurredAt payload } }',
        variables: { after: lastSeq ?? null } },
      { next: (m) => m.data && show(m.data.events), error: () => setTimeout(follow, 1000), complete: () => setTimeout(follow, 1000) },
    );
    follow();
    client.subscribe(
      { query: '{ __schema { subscriptionType { fields { name } } } }' },
      { next: (m) => {
          const fields = (m.data?.__schema?.subscriptionType?.fields || []).map((f) => f.name);
          if (fields.includes('dashboardMetrics')) followMetrics(client);
          else row(document.getElementById('metrics'), 'analytics plugin', 'not installed');
        }, error: () => {}, complete: () => {} },
    );
  }

  function followMetrics(client) {
    client.subscribe(
      { query: 'subscription { dashboardMetrics { asOf metrics { name value } } }' },
      { next: (m) => {
          const data = m.data && m.data.dashboardMetrics;
          if (!data) return;
          for (const metric of data.metrics) row(document.getElementById('metrics'), metric.name, metric.value);
          row(document.getElementById('metrics'), 'as of', new Date(data.asOf).toLocaleTimeString());
        }, error: () => {}, complete: () => {} },
    );
  }

  const key = new URLSearchParams(location.hash.slice(1)).get('key');
  if (key) connect(key);
  else {
    const form = document.getElementById('login');
    form.hidden = false;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const value = document.getElementById('key').value.trim();
      location.hash = 'key=' + encodeURIComponent(value);
      form.hidden = true;
      connect(value);
    });
  }
})();
</script>
</body>
</html>
`;
