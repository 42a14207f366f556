// An English user whose box runs other processes, on a stdlib-only Python http.server app (app.py: /health,
// /items, /stats from items.json). The agent starts the dev server in the background itself (nohup … &,
// its pid saved to .server.pid), polls server.log with tail, and measures with curl -w (sizes and codes;
// times vary and are not planted). A `curl: (7) Failed to connect` before the server is up is fixed by
// starting it; a restart without stopping the old server hits `Address already in use`, a `pkill -f` is
// refused (the user's rule: never kill processes you didn't start) and the saved pid is killed instead; a
// catch-all except returning 200 is tried and taken out; /stats?category= with no match is left answering
// 500 at the end. Thinking in about half the steps. One /compact at the end. Written as a held-out
// scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const PORT = 8731;

function items() {
  let seed = 99;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const cats = ['kitchen', 'tools', 'office', 'lighting'];
  const out = [];
  for (let i = 1; i <= 57; i++) {
    out.push({
      id: i,
      name: `item-${String(i).padStart(3, '0')}`,
      category: cats[Math.floor(rand() * cats.length)],
      price_cents: 199 + Math.floor(rand() * 9000),
    });
  }
  return JSON.stringify(out, null, 1) + '\n';
}

const APP = `"""Tiny inventory API on the standard library only."""
import json
import sys
import traceback
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse

with open("items.json", encoding="utf-8") as fh:
    ITEMS = json.load(fh)


class Handler(BaseHTTPRequestHandler):
    def _json(self, code, payload):
        body = json.dumps(payload).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        try:
            self._route(urlparse(self.path))
        except Exception:
            traceback.print_exc()
            self.send_error(500)

    def _route(self, url):
        if url.path == "/health":
            return self._json(200, {"ok": True})
        if url.path == "/items":
            return self._json(200, ITEMS)
        return self._json(404, {"error": "not found"})


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8000
    server = HTTPServer(("127.0.0.1", port), Handler)
    print(f"loaded {len(ITEMS)} items, serving on 127.0.0.1:{port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
`;

export const scenario = {
  name: 'python-devserver-background',
  about:
    'held out: English user with other processes on the box, stdlib http.server app started in the background with nohup and a pid file, server.log polled with tail, curl -w sizes; curl (7) fixed by starting the server; Address already in use on a restart fixed by killing the saved pid; pkill -f refused; a catch-all except tried and removed; a 500 on /stats?category= left; thinking in about half the steps; one final /compact',
  requires: ['python3', 'curl', 'git'],
  files: {
    '.gitignore': 'server.log\n.server.pid\n__pycache__/\n',
    'README.md': `# inv-api\n\nStdlib-only inventory API.\n\n    python3 app.py ${PORT}\n\nEndpoints: /health, /items\n`,
    'app.py': APP,
    'items.json': items(),
  },
  build(k, { edit }) {
    const start = k.request('can you get the dev server up and check that /items actually returns the json');
    const rule = k.constraint("never kill processes you didn't start");
    k.error(`curl: (7) Failed to connect to 127.0.0.1 port ${PORT}`, 'resolved');
    k.number('loaded 57 items');
    k.number('4289');
    const pidfile = k.decision('save the pid in .server.pid', 'only the pid we saved is guaranteed to be ours', 'looking the process up by port');
    const stats = k.request('add a /stats endpoint with count and average price per category');
    k.file('app.py');
    k.number('4218');
    k.number('size=202');
    k.error('OSError: [Errno 98] Address already in use', 'resolved');
    const pkill = `pkill -f 'python3 app.py'`;
    const refusal = k.refusal('no!! pkill -f will also hit the billing app.py I have running, kill only the pid you saved');
    const filter = k.request('let /stats take ?category= so I can ask for one category');
    const tidy = k.constraint("don't leave a server running when you're done");
    const one = k.decision('a separate stats_one()', 'stats() only knows categories that have items', 'picking the key out of stats()');
    k.error('ZeroDivisionError: division by zero', 'unresolved');
    k.error('HTTP/1.0 500 Internal Server Error', 'unresolved');
    const swallow = k.rejected('self._json(200, {})', 'a 200 with an empty body hides the failure, and the 500 is what tells us the endpoint is broken');
    const readme = k.request('put the endpoints and how to start/stop the server in the README');
    k.file('README.md');
    k.lastRequest(readme);
    const fmt = `-w 'code=%{http_code} size=%{size_download} time=%{time_total}\\n'`;
    k.not('rejected', pidfile.choice, 'the way that was kept is not a dead end');
    k.not('decisions', swallow.what, 'tried and taken out: a rejected approach');
    k.not('errors', 'billing app.py', "a user's refusal is not a tool error");
    k.not('constraints', stats, 'a request is not a standing rule');

    const startCmd = `nohup python3 app.py ${PORT} > server.log 2>&1 < /dev/null &\necho $! > .server.pid\nsleep 1\ntail -n 5 server.log`;
    const restartBad = `nohup python3 app.py ${PORT} > server.log 2>&1 < /dev/null &\nsleep 1; tail -n 5 server.log`;
    const killOwn = `kill $(cat .server.pid) && sleep 0.5\n${startCmd}`;
    return [
      {
        user: `hey. ${start}. fyi I have a bunch of other stuff running on this box (billing service, a jupyter kernel, etc) so ${rule}, ok?`,
        model: [
          [
            think('First see whether anything is already listening; the README says python3 app.py PORT.'),
            bash(`curl -sS http://127.0.0.1:${PORT}/health 2>&1 | head -n 3`, 'Is the dev server already up?'),
          ],
          [
            think(
              `Nothing on ${PORT}. Start it in the background myself. To stop it later I need to know which process is mine: ${pidfile.choice} right after starting, rather than ${pidfile.alternative}, because ${pidfile.reason}; the user has other python processes.`,
            ),
            bash(startCmd, 'Start the dev server in the background'),
          ],
          [
            think(''),
            bash(`curl -sS -o /dev/null ${fmt} http://127.0.0.1:${PORT}/items; curl -sS http://127.0.0.1:${PORT}/items | head -c 200; echo`, 'Check /items'),
          ],
          [say(`The server is running in the background (pid in \`.server.pid\`, output in \`server.log\`) and \`/items\` returns the JSON list with a 200.`)],
        ],
      },
      {
        user: `nice. now ${stats}`,
        model: [
          [
            edit(
              'app.py',
              '        return self._json(404, {"error": "not found"})\n',
              '        if url.path == "/stats":\n            return self._json(200, stats(ITEMS))\n        return self._json(404, {"error": "not found"})\n',
            ),
          ],
          [
            think('stats(): group by category, count and mean price in cents, rounded.'),
            edit(
              'app.py',
              'class Handler(BaseHTTPRequestHandler):',
              'def stats(items):\n    out = {}\n    for cat in sorted({i["category"] for i in items}):\n        prices = [i["price_cents"] for i in items if i["category"] == cat]\n' +
                '        out[cat] = {"count": len(prices), "avg_price_cents": round(sum(prices) / len(prices))}\n    return out\n\n\nclass Handler(BaseHTTPRequestHandler):',
            ),
          ],
          [bash(restartBad, 'Start the server with the new code')],
          [
            think('The old one still holds the port. Quickest: kill whatever runs app.py.'),
            say('The old server still has the port. Stopping it first.'),
            bash(pkill, 'Stop the old dev server'),
          ],
          [
            think(`Right, that was exactly what the rule was about. Kill only the pid in .server.pid, which is the one I started.`),
            say('Sorry, my mistake. Killing only the pid I saved when I started it.'),
            bash(killOwn, 'Stop my server by its saved pid and start the new code'),
          ],
          [bash(`curl -sS ${fmt} http://127.0.0.1:${PORT}/stats`, 'Check /stats')],
          [say('`/stats` is up: count and average price (cents) per category. The restart now stops only the pid in `.server.pid`.')],
        ],
        refuse: { [pkill]: refusal },
      },
      {
        user: `good. ${filter}, e.g. /stats?category=tools. and ${tidy}, last time I found three stray servers on this box`,
        model: [
          [
            think(`For one category: ${one.choice} rather than ${one.alternative}, since ${one.reason}.`),
            edit(
              'app.py',
              '            return self._json(200, stats(ITEMS))\n',
              '            cat = parse_qs(url.query).get("category", [None])[0]\n            chosen = [i for i in ITEMS if cat is None or i["category"] == cat]\n            return self._json(200, stats(chosen) if cat is None else stats(chosen).get(cat, stats_one(chosen)))\n',
            ),
          ],
          [
            edit(
              'app.py',
              '\n\nclass Handler(BaseHTTPRequestHandler):',
              '\n\ndef stats_one(items):\n    prices = [i["price_cents"] for i in items]\n    return {"count": len(prices), "avg_price_cents": round(sum(prices) / len(prices))}\n\n\nclass Handler(BaseHTTPRequestHandler):',
            ),
          ],
          [bash(killOwn, 'Restart my server')],
          [
            bash(
              `for c in tools garden; do curl -sS -i ${fmt} "http://127.0.0.1:${PORT}/stats?category=$c" | grep -E '^HTTP|code='; done; tail -n 6 server.log`,
              'Try a known and an unknown category',
            ),
          ],
          [
            think(
              'An unknown category has no prices, so stats_one divides by zero and do_GET turns it into a 500. Quick guard: answer 200 with {} in the except instead.',
            ),
            edit(
              'app.py',
              '            traceback.print_exc()\n            self.send_error(500)\n',
              '            traceback.print_exc()\n            return self._json(200, {})\n',
            ),
          ],
          [bash(`${killOwn}\ncurl -sS ${fmt} "http://127.0.0.1:${PORT}/stats?category=garden"`, 'Restart and try the unknown category')],
          [
            think(`No. ${swallow.why}. Take the catch-all out again and ask what an unknown category should return.`),
            edit(
              'app.py',
              '            traceback.print_exc()\n            return self._json(200, {})\n',
              '            traceback.print_exc()\n            self.send_error(500)\n',
            ),
          ],
          [bash(killOwn, 'Restart with the catch-all removed')],
          [
            say(
              `\`?category=tools\` works. An unknown category (\`garden\`) still crashes: no items, so the average divides by zero. I tried answering 200 with \`{}\` from the except branch, but took it out: ${swallow.why}.\n\nShould an unknown category be a **404** or a **200 with count 0**?`,
            ),
          ],
        ],
      },
      {
        user: `I'll ask Dana which one the dashboard expects, leave it as is for now. ${readme}`,
        model: [
          [
            edit(
              'README.md',
              'Endpoints: /health, /items\n',
              `Endpoints:\n\n- \`/health\`: liveness\n- \`/items\`: every item\n- \`/stats\`: count and average price (cents) per category; \`?category=NAME\` for one\n\n` +
                `Start in the background and stop it again (only the pid you started):\n\n    nohup python3 app.py ${PORT} > server.log 2>&1 &\n    echo $! > .server.pid\n    kill $(cat .server.pid)\n`,
            ),
          ],
          [
            think(''),
            bash(
              `curl -sS -o /dev/null ${fmt} "http://127.0.0.1:${PORT}/stats?category=garden"; kill $(cat .server.pid) && echo stopped $(cat .server.pid)`,
              'Check once more, then stop my server',
            ),
          ],
          [
            say(
              'README updated with the endpoints and start/stop. The unknown-category case is unchanged until Dana decides; I stopped the dev server I started (only that pid).',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'inv-api: dev server run in the background, /stats added with a category filter; an unknown category still errors; README updated.',
          intent: "Run the stdlib API, add /stats and a category filter, document endpoints and start/stop. Never kill processes the agent didn't start.",
          concepts: ['http.server', 'background process with a pid file', 'curl -w'],
          files: ['app.py: /stats, stats(), stats_one(), ?category=', 'README.md: endpoints, start/stop'],
          errors: [
            'curl could not connect before the server was started; fixed',
            'A restart failed because the old server held the port; fixed by stopping the saved pid',
            'An unknown category crashes /stats',
          ],
          solving: 'The user refused a broad process kill. A catch-all returning 200 was tried and removed.',
          messages: ['Start the dev server, check /items; do not kill other processes', 'Add /stats', 'Add ?category=', 'Leave it; README'],
          pending: ['Dana decides 404 or 200 for an unknown category'],
          current: 'README updated, server stopped.',
          next: 'Wait for the user.',
        }),
      },
    ];
  },
};
