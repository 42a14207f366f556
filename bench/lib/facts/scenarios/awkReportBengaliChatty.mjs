// A chatty Bengali user writing in Bengali script with English tech words ("test", "commit", "format"),
// on a bash + awk access-log report tool (report.sh calling report.awk; this box's awk is mawk) tested
// by a hand-written ./test.sh that prints `ok N - name` / `not ok N - name` and a `1..N` plan. Thinking
// in English, replies in Bengali. The user has written the tests for a new first line "total requests
// N, errors M (P%)" (5xx only) before the code; the model weighs counting in awk against a second grep
// in its thinking, and its one-line if/else trips mawk's `syntax error at or near else`, fixed. After a
// commit, sorting the top paths with gawk's PROCINFO["sorted_in"] is tried, fails the new test under mawk
// and is reverted with `git checkout -- report.awk`; an insertion sort in awk replaces it. Installing the
// command with `sudo ln` into /usr/local/bin is refused (~/bin instead), and the symlinked script then
// cannot find report.awk from another directory, fixed with readlink -f. Numbers come from `wc -l` and the
// report's total line over two generated day logs. One mid-session /compact and one at the end.
// Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

/** @type {[string, number][]} */
const PATHS = [
  ['/api/orders', 31],
  ['/api/cart', 17],
  ['/api/users/me', 12],
  ['/login', 9],
  ['/static/app.js', 8],
  ['/api/search', 7],
  ['/health', 6],
  ['/api/orders/export', 3],
  ['/logout', 2],
  ['/favicon.ico', 5],
];
const AGENTS = ['"Mozilla/5.0 (X11; Linux x86_64)"', '"curl/8.5.0"', '"okhttp/4.12.0"', '"Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)"'];

/** One day of nginx combined-format lines, deterministic (an LCG seeded per day). */
function dayLog(day, lines, seed) {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s;
  };
  const weight = PATHS.reduce((sum, [, w]) => sum + w, 0);
  const out = [];
  for (let i = 0; i < lines; i++) {
    let pick = next() % weight;
    let path = PATHS[0][0];
    for (const [p, w] of PATHS) {
      if (pick < w) {
        path = p;
        break;
      }
      pick -= w;
    }
    if (path === '/api/search') path += `?q=${['saree', 'ilish', 'tea', 'mishti', 'book'][next() % 5]}`;
    if (path === '/api/orders' && next() % 4 === 0) path += `?page=${1 + (next() % 9)}`;
    const roll = next() % 1000;
    const status = roll < 20 ? [500, 502, 503, 504][next() % 4] : roll < 78 ? [400, 401, 403, 404][next() % 4] : roll < 110 ? 304 : 200;
    const method = path === '/login' || (path === '/api/cart' && next() % 3 === 0) ? 'POST' : 'GET';
    const secs = Math.floor((i * 86400) / lines);
    const time = [Math.floor(secs / 3600), Math.floor(secs / 60) % 60, secs % 60].map((n) => String(n).padStart(2, '0')).join(':');
    const ip = `10.${next() % 4}.${next() % 256}.${1 + (next() % 254)}`;
    const bytes = status === 304 ? 0 : 200 + (next() % 9000);
    out.push(`${ip} - - [${day}:${time} +0600] "${method} ${path} HTTP/1.1" ${status} ${bytes} "-" ${AGENTS[next() % AGENTS.length]}`);
  }
  return out.join('\n') + '\n';
}

const SMALL = [
  '10.0.0.1 - - [01/Jun/2024:10:00:01 +0600] "GET /api/orders HTTP/1.1" 200 512 "-" "curl/8.5.0"',
  '10.0.0.2 - - [01/Jun/2024:10:00:02 +0600] "GET /api/users/me HTTP/1.1" 200 220 "-" "curl/8.5.0"',
  '10.0.0.1 - - [01/Jun/2024:10:00:03 +0600] "GET /api/orders?page=2 HTTP/1.1" 200 498 "-" "curl/8.5.0"',
  '10.0.0.3 - - [01/Jun/2024:10:00:04 +0600] "POST /login HTTP/1.1" 401 40 "-" "okhttp/4.12.0"',
  '10.0.0.3 - - [01/Jun/2024:10:00:05 +0600] "POST /login HTTP/1.1" 200 88 "-" "okhttp/4.12.0"',
  '10.0.0.4 - - [01/Jun/2024:10:00:06 +0600] "GET /health HTTP/1.1" 200 2 "-" "curl/8.5.0"',
  '10.0.0.1 - - [01/Jun/2024:10:00:07 +0600] "GET /api/orders HTTP/1.1" 502 166 "-" "curl/8.5.0"',
  '10.0.0.2 - - [01/Jun/2024:10:00:08 +0600] "GET /api/users/me HTTP/1.1" 200 220 "-" "curl/8.5.0"',
  '10.0.0.5 - - [01/Jun/2024:10:00:09 +0600] "GET /static/app.js HTTP/1.1" 304 0 "-" "Mozilla/5.0"',
  '10.0.0.1 - - [01/Jun/2024:10:00:10 +0600] "GET /api/orders HTTP/1.1" 200 530 "-" "curl/8.5.0"',
  '10.0.0.2 - - [01/Jun/2024:10:00:11 +0600] "GET /api/users/me HTTP/1.1" 503 0 "-" "curl/8.5.0"',
  '10.0.0.1 - - [01/Jun/2024:10:00:12 +0600] "GET /api/orders?page=3 HTTP/1.1" 200 470 "-" "curl/8.5.0"',
].join('\n');

const REPORT_AWK = `# report.awk: nginx combined log থেকে ছোট রিপোর্ট (ops-এর dashboard এই output grep করে)
# ব্যবহার: awk -v top=5 -f report.awk access.log ...
{
    total++
    path = $7
    sub(/\\?.*/, "", path)
    hits[path]++
    status = $9
    byclass[substr(status, 1, 1) "xx"]++
}

END {
    print "total requests " total
    print "status:"
    n = split("2xx 3xx 4xx 5xx", order, " ")
    for (i = 1; i <= n; i++)
        printf "  %s %d\\n", order[i], byclass[order[i]]
    print "top paths:"
    shown = 0
    for (p in hits) {
        if (shown++ >= top)
            break
        printf "  %6d %s\\n", hits[p], p
    }
}
`;

const REPORT_SH = `#!/usr/bin/env bash
# report.sh: access log থেকে রিপোর্ট। ব্যবহার: ./report.sh [-n TOP] LOG...
set -euo pipefail

top=5
if [[ \${1:-} == -n ]]; then
    top=$2
    shift 2
fi
if [[ $# -eq 0 ]]; then
    echo "usage: $0 [-n TOP] LOG..." >&2
    exit 2
fi

awk -v top="$top" -f report.awk "$@"
`;

const TEST_SH = `#!/usr/bin/env bash
# test.sh: হাতে লেখা ছোট test runner। প্রতিটা check একটা "ok N - name" বা "not ok N - name" লাইন।
cd "$(dirname "$0")"
n=0
failed=0

check() { # name expected actual
    n=$((n + 1))
    if [[ "$2" == "$3" ]]; then
        echo "ok $n - $1"
    else
        echo "not ok $n - $1"
        echo "#   expected: $2"
        echo "#   got:      $3"
        failed=$((failed + 1))
    fi
}

./report.sh > /dev/null 2>&1
check "usage without args exits 2" 2 "$?"

out=$(./report.sh tests/fixtures/small.log)
check "status block" "2xx 8|3xx 1|4xx 1|5xx 2" "$(sed -n '/^status:/,/^top/p' <<< "$out" | grep xx | awk '{print $1, $2}' | paste -sd'|')"
check "summary line counts 5xx as errors" "total requests 12, errors 2 (16.7%)" "$(head -n 1 <<< "$out")"
check "empty log gives 0%" "total requests 0, errors 0 (0.0%)" "$(./report.sh /dev/null | head -n 1)"

echo "1..$n"
exit $failed
`;

const README =
  '# logreport\n\nnginx access log থেকে দৈনিক রিপোর্ট: মোট request, status class, সবচেয়ে বেশি hit হওয়া path।\n\n' +
  '    ./report.sh -n 5 logs/access-2024-06-01.log\n    ./test.sh\n';

export const scenario = {
  name: 'awk-report-bengali-chatty',
  about:
    'held out: chatty Bengali user (Bengali script + English tech words), bash report.sh + mawk report.awk, hand-written ./test.sh with ok/not ok rows; thinking in English, replies in Bengali; tests written before the code; counting 5xx in awk weighed against a second grep; a one-line if/else syntax error under mawk fixed; PROCINFO sorted_in tried and reverted with git checkout; insertion sort; sudo ln refused, ~/bin symlink cannot open report.awk, fixed with readlink -f; wc -l and total line numbers; one mid and one final /compact',
  requires: ['bash', 'awk', 'git', 'wc'],
  files: {
    '.gitignore': '*.tmp\n',
    'README.md': README,
    'report.sh': REPORT_SH,
    'report.awk': REPORT_AWK,
    'test.sh': TEST_SH,
    'tests/fixtures/small.log': SMALL + '\n',
    'logs/access-2024-06-01.log': dayLog('01/Jun/2024', 9311, 6011),
    'logs/access-2024-06-02.log': dayLog('02/Jun/2024', 8876, 6022),
  },
  build(k, { edit }) {
    const errReq = k.request('প্রথম লাইনে error rate যোগ করে দাও');
    const format = k.constraint('বাকি লাইনগুলোর format একদম বদলাবে না');
    const tools = k.constraint('python বা নতুন কোনো tool আনবে না, শুধু bash আর awk');
    k.error('./test.sh: Permission denied', 'resolved');
    k.error('not ok 3 - summary line counts 5xx as errors', 'resolved');
    k.error('not ok 4 - empty log gives 0%', 'resolved');
    k.number('9311');
    k.number('8876');
    const inAwk = k.decision(
      'count the 5xx lines inside report.awk in the same pass',
      'a second grep would read every log file a second time',
      'a separate grep -c for 5xx in report.sh',
    );
    k.error('awk: report.awk: line 15: syntax error at or near else', 'resolved');
    k.file('report.awk');
    k.number('18187');
    k.number('411');
    k.number('2.3%');
    const commitReq = k.request('commit করে দাও please');
    const topReq = k.request('count অনুযায়ী বড় থেকে ছোট sort করো');
    k.file('test.sh');
    const procinfo = k.rejected(
      'PROCINFO["sorted_in"] = "@val_num_desc"',
      'mawk treats PROCINFO as an ordinary array, so the for-in order stays whatever its hash gives',
    );
    k.error('not ok 5 - top paths sorted by count', 'resolved');
    const insertion = k.decision(
      'a small insertion sort over the paths in the END block',
      'sorting in report.sh would mean cutting the top-paths block out of the awk output and stitching it back',
      'piping the top-paths lines through sort -k1,1nr in report.sh',
    );
    k.number('5844');
    const installReq = k.request('logreport নামে একটা command বানিয়ে দাও যাতে যেকোনো folder থেকে চালানো যায়');
    const sudo = k.refusal('না না, sudo চালাবে না! এটা অফিসের shared server, আমার sudo নেই আর চাইও না। ~/bin-এ রাখো, ওটা আমার PATH-এ আছে');
    k.error('awk: cannot open report.awk (No such file or directory)', 'resolved');
    k.file('report.sh');
    const readmeReq = k.request('README-তে install আর cron-এর একটা উদাহরণ লিখে দাও');
    k.file('README.md');
    k.lastRequest(readmeReq);
    k.check('./test.sh', 'passing');
    k.not('decisions', procinfo.what, 'tried and reverted with git checkout: a rejected approach');
    k.not('rejected', insertion.choice, 'the approach that was kept is not a dead end');
    k.not('errors', 'আমার sudo নেই', "a user's refusal is not a tool error");
    k.not('constraints', topReq, 'a request is not a standing rule');
    k.not('numbers', '2024', 'a date in the log file names, not a measurement');

    const tests = './test.sh';
    const sudoLn = 'sudo ln -sf "$PWD/report.sh" /usr/local/bin/logreport';
    const fromRoot =
      'mkdir -p ~/bin && ln -sf "$PWD/report.sh" ~/bin/logreport && p=$PWD && (cd / && ~/bin/logreport "$p/tests/fixtures/small.log" | head -n 2)';
    const countOld = '    status = $9\n    byclass[substr(status, 1, 1) "xx"]++\n';
    const countNew = '    status = $9\n    byclass[substr(status, 1, 1) "xx"]++\n    if (status ~ /^5/)\n        errors++\n';
    const totalOld = '    print "total requests " total\n';
    const totalBad = '    if (total > 0) pct = 100 * errors / total else pct = 0\n    printf "total requests %d, errors %d (%.1f%%)\\n", total, errors, pct\n';
    const totalGood =
      '    if (total > 0) pct = 100 * errors / total; else pct = 0\n    printf "total requests %d, errors %d (%.1f%%)\\n", total, errors, pct\n';
    const topOld = '    shown = 0\n    for (p in hits) {\n        if (shown++ >= top)\n            break\n        printf "  %6d %s\\n", hits[p], p\n    }\n';
    const topSorted =
      '    # insertion sort: count desc, ties by path (mawk has no asort / sorted_in)\n    m = 0\n    for (p in hits) {\n        j = ++m\n' +
      '        while (j > 1 && (hits[keys[j - 1]] < hits[p] || (hits[keys[j - 1]] == hits[p] && keys[j - 1] > p))) {\n' +
      '            keys[j] = keys[j - 1]\n            j--\n        }\n        keys[j] = p\n    }\n' +
      '    for (i = 1; i <= m && i <= top; i++)\n        printf "  %6d %s\\n", hits[keys[i]], keys[i]\n';
    const topTest =
      'check "top paths sorted by count" "5 /api/orders|3 /api/users/me|2 /login" ' +
      "\"$(./report.sh -n 3 tests/fixtures/small.log | sed -n '/^top paths:/,$p' | tail -n +2 | awk '{print $1, $2}' | paste -sd'|')\"\n\necho \"1..$n\"\n";
    const here = 'here=$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")\nawk -v top="$top" -f "$here/report.awk" "$@"\n';

    return [
      {
        user:
          'হ্যালো! 😊 কেমন আছো? আমাদের logreport tool টা নিয়ে আবার একটু help লাগবে। ops team চাইছে রিপোর্টের একদম উপরেই error rate দেখা যাক। ' +
          `তাই ${errReq}, ঠিক এইভাবে: \`total requests N, errors M (P%)\`। errors মানে শুধু 5xx — 4xx গুলো client-এর দোষ, ওগুলো গুনবে না। ` +
          'আমি test.sh-এ test গুলো আগেই লিখে রেখেছি, এখন fail করছে, ওগুলো pass করাতে হবে।\n\n' +
          `দুটো জিনিস খুব জরুরি: ${format}, ops-এর dashboard ওগুলো grep করে পড়ে। আর ${tools}। অনেক ধন্যবাদ আগে থেকেই! 🙏`,
        model: [
          [think('The user wrote the tests before the code. Run ./test.sh and see what fails.'), bash(tests, 'Run the tests')],
          [
            think('No exec bit on the scripts in this checkout. chmod both and run again.'),
            bash('chmod +x test.sh report.sh && ./test.sh', 'Make the scripts executable and rerun'),
          ],
          [
            think(
              '3 and 4 fail as expected: the first line has no errors part, and an empty log prints a bare "total requests ". Which awk is this, and how big are the real logs?',
            ),
            bash('awk -W version 2>&1 | head -n 1; wc -l logs/*.log', 'awk flavour and log sizes'),
          ],
          [
            think(
              `mawk, so nothing gawk-only. Two ways to get the 5xx count: ${inAwk.alternative}, or ${inAwk.choice}. ` +
                `The nightly logs on the server are much bigger than these, and ${inAwk.reason}. So count in awk: a status starting with 5 bumps errors, ` +
                'the END block prints the new first line. An empty log must give 0.0%, so guard the division.',
            ),
            edit('report.awk', countOld, countNew),
          ],
          [think('Now the END block: only the first line changes, the status and top paths lines stay as they are.'), edit('report.awk', totalOld, totalBad)],
          [think(''), bash(tests, 'Run the tests')],
          [think('mawk wants a ; (or a newline) before else when the if body sits on the same line.'), edit('report.awk', totalBad, totalGood)],
          [think(''), bash(tests, 'Run the tests')],
          [think('All four ok. Look at the real logs too.'), bash('./report.sh logs/access-2024-06-0*.log | head -n 1', 'First line over both days')],
          [
            think(''),
            say(
              'হয়ে গেছে! ✅ প্রথম লাইন এখন `total requests N, errors M (P%)` — শুধু 5xx গোনা হচ্ছে, 4xx না। খালি log-এ 0.0% দেখায়, ভাগ করার আগে check আছে।\n\n' +
                'কয়েকটা কথা:\n- scripts-এ exec bit ছিল না, `chmod +x` দিয়েছি (git-এ mode change হিসেবে দেখাবে)\n' +
                '- এখানে awk হলো mawk; if/else এক লাইনে লিখতে গিয়ে একবার syntax error খেয়েছিলাম, ঠিক করে দিয়েছি\n' +
                '- বাকি লাইনগুলো (status, top paths) একদম আগের মতো\n\n`./test.sh`: চারটাই ok। আসল দুই দিনের log-এর প্রথম লাইনটা উপরে আছে।',
            ),
          ],
        ],
      },
      {
        user:
          `ওয়াও, দারুণ!! 🎉 একদম perfect। ${commitReq}। আর আরেকটা জিনিস খেয়াল করলাম — top paths গুলো এলোমেলো order-এ আসে। ` +
          `${topReq}, আর এটার জন্য test.sh-এ একটা test-ও যোগ করে দিও 😊`,
        model: [
          [
            think('Commit first, as asked.'),
            bash(
              'git add report.awk report.sh test.sh && git commit -qm "report: total line with 5xx errors and error rate" && git log --oneline -1',
              'Commit',
            ),
          ],
          [
            think('Test first: -n 3 over the fixture. /api/orders 5 (query strings are stripped), /api/users/me 3, /login 2: no ties in the top three.'),
            edit('test.sh', '\necho "1..$n"\n', '\n' + topTest),
          ],
          [
            think('gawk can order a for-in by value: PROCINFO["sorted_in"] set before the loop, one line.'),
            edit('report.awk', '    print "top paths:"\n    shown = 0\n', `    print "top paths:"\n    ${procinfo.what}\n    shown = 0\n`),
          ],
          [think(''), bash('./test.sh 2>&1 | tail -n 5', 'Run the tests')],
          [
            think(`Of course: this is mawk, and ${procinfo.why}. Put report.awk back to the commit and sort by hand.`),
            bash('git checkout -- report.awk && git status --short', 'Revert report.awk'),
          ],
          [
            think(
              `Options: ${insertion.alternative}, or ${insertion.choice}. The first is out: ${insertion.reason}, and the dashboard reads those lines. ` +
                'There are only a few hundred distinct paths, so an O(n²) insertion sort is nothing. Ties by path name, so the order is stable.',
            ),
            edit('report.awk', topOld, topSorted),
          ],
          [think(''), bash('./test.sh 2>&1 | tail -n 6', 'Run the tests')],
          [think('Green. The real logs, top three.'), bash('./report.sh -n 3 logs/access-2024-06-0*.log | tail -n 4', 'Top paths over both days')],
          [
            think(''),
            say(
              'হয়ে গেছে 🙂\n- commit করেছি (প্রথম লাইনের কাজটা)\n' +
                '- প্রথমে gawk-এর `PROCINFO["sorted_in"]` দিয়ে চেষ্টা করেছিলাম, কিন্তু এখানকার mawk ওটা চুপচাপ ignore করে — নতুন test fail করলো, তাই `git checkout -- report.awk` দিয়ে ফিরিয়ে দিয়েছি\n' +
                '- এখন END block-এ ছোট একটা insertion sort: count বড় থেকে ছোট, সমান হলে path-এর নাম অনুযায়ী\n' +
                '- test.sh-এ test 5 যোগ হয়েছে, পাঁচটাই ok\n\nsort-এর কাজটা এখনো commit করিনি।',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis:
            'The user (chatty, writes Bengali) maintains a bash + awk access-log report. The first line now carries 5xx errors and the error rate; top paths are sorted by count.',
          intent:
            'Add "total requests N, errors M (P%)" (5xx only) as the first line so the tests pass; commit; sort the top paths by count with a test. Keep the other lines\' format; only bash and awk.',
          concepts: ['mawk (no gawk extensions)', 'hand-written ok/not ok test runner', 'insertion sort in awk'],
          files: ['report.awk: errors count, guarded percentage, sorted top paths', 'test.sh: top paths test'],
          errors: ['An if/else on one line was a syntax error under mawk; fixed', 'The first sorting attempt did not work under mawk and was reverted'],
          solving: 'Errors are counted in the same awk pass; top paths sorted by hand inside awk.',
          messages: [
            "Add the error rate to the first line (5xx only); tests already written; keep the other lines' format; only bash and awk",
            'Commit, then sort top paths by count and add a test',
          ],
          pending: ['The sorting change is not committed yet'],
          current: 'All five tests ok.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `অসাধারণ 😍 এবার এটা cron থেকে রোজ রাতে চালাতে চাই। ${installReq}।`,
        model: [
          [
            think("A symlink on the PATH is simplest; /usr/local/bin is on every PATH, cron's default one included."),
            bash(sudoLn, 'Install logreport into /usr/local/bin'),
          ],
          [think('No sudo. ~/bin then, and try it from another directory the way cron would call it.'), bash(fromRoot, 'Install into ~/bin and run it from /')],
          [
            think(
              "report.sh passes -f report.awk relative to the caller's directory. Resolve the script's own directory through the symlink with readlink -f.",
            ),
            edit('report.sh', 'awk -v top="$top" -f report.awk "$@"\n', here),
          ],
          [think(''), bash(fromRoot, 'Run it from / again')],
          [think(''), bash('./test.sh 2>&1 | tail -n 3', 'Run the tests')],
          [
            think(''),
            say(
              'ঠিক আছে, sudo ছাড়াই করেছি 👍\n- `~/bin/logreport` হলো repo-র `report.sh`-এর symlink\n' +
                '- symlink দিয়ে অন্য folder থেকে চালাতে গিয়ে `report.awk` খুঁজে পাচ্ছিল না; এখন report.sh নিজের আসল folder `readlink -f` দিয়ে বের করে\n' +
                '- `./test.sh`: সব ok\n\ncron-এ PATH ছোট থাকে, তাই crontab-এ পুরো path (`$HOME/bin/logreport`) লিখো।',
            ),
          ],
        ],
        refuse: { [sudoLn]: sudo },
      },
      {
        user: `তুমি সত্যিই জিনিয়াস 😄 শেষ কাজ: ${readmeReq}, crontab-এর লাইন সহ। তারপর আজকের মতো শেষ!`,
        model: [
          [
            think('A short Install and cron section; the crontab line with the full path and a dated output file (% must be escaped in crontab).'),
            edit(
              'README.md',
              '    ./test.sh\n',
              '    ./test.sh\n\n## Install\n\n    mkdir -p ~/bin && ln -sf "$PWD/report.sh" ~/bin/logreport\n\n' +
                '## cron\n\nরোজ রাত ১টায় আগের দিনের log-এর রিপোর্ট:\n\n' +
                '    0 1 * * * $HOME/bin/logreport -n 10 /var/log/nginx/access.log.1 > $HOME/reports/$(date +\\%F).txt 2>&1\n',
            ),
          ],
          [think(''), say('README-তে `Install` আর `cron` section যোগ করেছি, crontab-এর লাইন সহ (crontab-এ `%` কে `\\%` লিখতে হয়)। শুভ রাত্রি! 🌙')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis:
            'Continuation: logreport is installed as a symlink in ~/bin (no sudo) and finds report.awk through readlink -f; the README documents install and cron.',
          intent:
            "Report tool work: error rate line, sorted top paths, a logreport command runnable from anywhere, README. Keep the other lines' format; only bash and awk.",
          concepts: ['readlink -f through a symlink', 'crontab escaping of %'],
          files: ['report.sh: resolves its own directory', 'README.md: Install and cron sections'],
          errors: ['The symlinked command could not find report.awk from another directory; fixed'],
          solving: 'The user refused sudo; installed into ~/bin instead.',
          messages: [
            'Earlier messages are in the previous summary',
            'Make a logreport command usable from any folder',
            'Document install and cron in the README',
          ],
          pending: ['The sorting and install changes are not committed'],
          current: 'README updated.',
          next: 'None.',
        }),
      },
    ];
  },
};
