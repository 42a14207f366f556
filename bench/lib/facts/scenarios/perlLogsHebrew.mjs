// A Hebrew-speaking user with Perl scripts that read nginx access logs (core Perl only, tests with
// `prove -l t/` and Test::More). The client regex misses IPv6 addresses (a failing test, fixed), the
// report script cannot find its module (a `Can't locate` error, fixed), the report gets a p95, and a
// `--since` option is added last: comparing the timestamps as strings is tried and undone, and the
// zone-offset test is left failing with a question to the user. The user refuses `rm -rf logs/` and
// then states a rule about logs/ in Hebrew. One compaction in the middle, decisions in thinking.
// Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

// A deterministic access log: two days, IPv4 and IPv6 clients, response time in ms as the last field.
function accessLog() {
  let seed = 7331;
  const rand = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  const paths = ['/api/orders', '/api/orders/42', '/api/cart', '/login', '/static/app.js', '/health', '/api/search?q=sfarim'];
  const agents = ['Mozilla/5.0 (X11; Linux x86_64)', 'curl/8.5.0', 'kube-probe/1.29', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1)'];
  const lines = [];
  const ips = new Set();
  const ms = [];
  const COUNT = 2613;
  for (let i = 0; i < COUNT; i++) {
    const v6 = rand() < 0.22;
    const host = 1 + Math.floor(rand() * 180);
    const ip = v6 ? `2001:db8:${(host * 37).toString(16)}::${(host % 16).toString(16)}1` : `198.51.100.${host}`;
    ips.add(ip);
    const secs = Math.floor((i * 172800) / COUNT);
    const day = 9 + Math.floor(secs / 86400);
    const t = secs % 86400;
    const hh = String(Math.floor(t / 3600)).padStart(2, '0');
    const mm = String(Math.floor((t % 3600) / 60)).padStart(2, '0');
    const ss = String(t % 60).padStart(2, '0');
    const path = paths[Math.floor(rand() * paths.length)];
    const slow = rand() < 0.08;
    const time = slow ? 300 + Math.floor(rand() * 900) : 4 + Math.floor(rand() * 160);
    ms.push(time);
    const status = rand() < 0.05 ? 502 : path === '/login' && rand() < 0.3 ? 401 : 200;
    const bytes = status === 200 ? 200 + Math.floor(rand() * 9000) : 0;
    const agent = agents[Math.floor(rand() * agents.length)];
    lines.push(`${ip} - - [${String(day).padStart(2, '0')}/Nov/2026:${hh}:${mm}:${ss} +0200] "GET ${path} HTTP/1.1" ${status} ${bytes} "-" "${agent}" ${time}`);
  }
  ms.sort((a, b) => a - b);
  const rank = Math.floor((95 * ms.length + 99) / 100);
  return { text: lines.join('\n') + '\n', count: COUNT, unique: ips.size, p95: ms[rank - 1] };
}

const LOG = accessLog();

const PARSE_PM =
  'package LogParse;\n# Parses one line of the nginx "timed" log format (combined + $request_time in ms).\nuse strict;\nuse warnings;\n\n' +
  'my $LINE = qr{^(\\d+\\.\\d+\\.\\d+\\.\\d+) \\S+ \\S+ \\[([^\\]]+)\\] "(\\S+) (\\S+) [^"]*" (\\d{3}) (\\d+|-) "[^"]*" "[^"]*" (\\d+)$};\n\n' +
  'sub parse_line {\n    my ($line) = @_;\n    chomp $line;\n    my @f = $line =~ $LINE or return;\n' +
  '    return { ip => $f[0], time => $f[1], method => $f[2], path => $f[3], status => $f[4], bytes => $f[5], ms => $f[6] };\n}\n\n1;\n';

const REPORT =
  '#!/usr/bin/perl\n# logreport FILE...: a short summary of an nginx access log.\nuse strict;\nuse warnings;\nuse LogParse;\n\n' +
  'my ($requests, %ips) = (0);\nwhile (my $line = <>) {\n    my $r = LogParse::parse_line($line) or next;\n    $requests++;\n    $ips{ $r->{ip} }++;\n}\n' +
  'printf "requests: %d\\nunique IPs: %d\\n", $requests, scalar keys %ips;\n';

const PARSE_T =
  'use strict;\nuse warnings;\nuse Test::More;\nuse LogParse;\n\n' +
  'my $r = LogParse::parse_line(q{203.0.113.7 - - [10/Nov/2026:09:15:02 +0200] "GET /api/orders HTTP/1.1" 200 512 "-" "curl/8.5.0" 37});\n' +
  "is($r->{ip}, '203.0.113.7', 'parses an IPv4 client');\nis($r->{ms}, 37, 'response time in ms');\n" +
  'my $v6 = LogParse::parse_line(q{2001:db8::4a - - [10/Nov/2026:09:15:03 +0200] "GET /health HTTP/1.1" 200 2 "-" "kube-probe/1.29" 3});\n' +
  "is($v6 && $v6->{ip}, '2001:db8::4a', 'parses an IPv6 client');\n" +
  'ok(!LogParse::parse_line("garbage\\n"), \'rejects garbage\');\ndone_testing;\n';

const SINCE_T =
  'use strict;\nuse warnings;\nuse Test::More;\nuse LogParse;\n\n' +
  "ok(LogParse::is_since('10/Nov/2026:09:15:02 +0200', '2026-11-10T06:00'), 'keeps a line after --since');\n" +
  "ok(!LogParse::is_since('09/Nov/2026:23:59:59 +0200', '2026-11-10T06:00'), 'skips lines before --since');\n" +
  "ok(!LogParse::is_since('10/Nov/2026:07:30:00 +0200', '2026-11-10T06:00Z'), 'honours the zone offset');\ndone_testing;\n";

const STRING_SINCE = '\n# --since: comparing the timestamps as strings\nsub is_since {\n    my ($time, $since) = @_;\n    return $time ge $since;\n}\n';

const EPOCH_SINCE =
  '\nmy %MON = (Jan => 0, Feb => 1, Mar => 2, Apr => 3, May => 4, Jun => 5, Jul => 6, Aug => 7, Sep => 8, Oct => 9, Nov => 10, Dec => 11);\n\n' +
  'sub epoch_of_log {\n    my ($d, $mon, $y, $H, $M, $S) = $_[0] =~ m{^(\\d\\d)/(\\w{3})/(\\d{4}):(\\d\\d):(\\d\\d):(\\d\\d)} or return;\n' +
  '    return timegm($S, $M, $H, $d, $MON{$mon}, $y);\n}\n\n' +
  'sub epoch_of_iso {\n    my ($y, $m, $d, $H, $M) = $_[0] =~ m{^(\\d{4})-(\\d\\d)-(\\d\\d)T(\\d\\d):(\\d\\d)} or return;\n' +
  '    return timegm(0, $M, $H, $d, $m - 1, $y);\n}\n\n' +
  '# --since: both sides as epoch seconds\nsub is_since {\n    my ($time, $since) = @_;\n    return epoch_of_log($time) >= epoch_of_iso($since);\n}\n';

export const scenario = {
  name: 'perl-logs-hebrew',
  about:
    "held out: Hebrew-speaking user, core-Perl log report with prove/Test::More, IPv6 regex bug and Can't locate fixed, a refused rm -rf logs/, a Hebrew rule mid-session, one mid-session /compact, a test left failing",
  requires: ['perl', 'prove', 'git'],
  files: {
    'README.md': '# nginx-logtools\n\n    perl bin/logreport logs/access.log\n\nTests: `prove -l t/`. Core Perl only (runs on the log server).\n',
    'lib/LogParse.pm': PARSE_PM,
    'bin/logreport': REPORT,
    't/parse.t': PARSE_T,
    'logs/access.log': LOG.text,
  },
  build(k, { edit, write }) {
    const fixTests = k.request('תריץ את הבדיקות ותתקן את מה שנכשל');
    const core = k.constraint('רק מודולים שמגיעים עם perl עצמו, בלי CPAN');
    k.error("Failed test 'parses an IPv6 client'", 'resolved');
    const clientPick = k.decision(
      'take the client field up to the first space',
      'nginx writes the remote address with no spaces in it, IPv4 or IPv6',
      'a full IPv6 address pattern',
    );
    k.file('lib/LogParse.pm');
    const report = k.request('תוסיף לדוח גם p95 של זמן התגובה במילישניות');
    k.error("Can't locate LogParse.pm in @INC", 'resolved');
    k.file('bin/logreport');
    const rankPick = k.decision('nearest-rank p95', 'it always reports a response time that really happened', 'interpolating between the two nearest ranks');
    k.number(String(LOG.count));
    k.number(String(LOG.unique));
    k.number(String(LOG.p95));
    const refusal = k.refusal('לא, אל תמחק את logs/ — יש שם גם לוגים שלא נמצאים ב-git. תמחק רק את הקובץ ששמת שם');
    const rule = k.constraint('אל תיגע בשום דבר בתוך logs/');
    const p95Test = k.request('תוסיף בדיקה ל-p95');
    k.file('t/p95.t');
    const since = k.request('תוסיף לדוח אפשרות --since כדי לספור רק מזמן מסוים');
    k.lastRequest(since);
    const strings = k.rejected('comparing the timestamps as strings', 'the log writes dd/Mon/yyyy, so string order is not time order');
    k.error("Failed test 'keeps a line after --since'", 'resolved');
    const timegmPick = k.decision("Time::Local's timegm on the fields the regex already captures", 'Time::Local is core Perl', 'Time::Piece strptime');
    k.error("Failed test 'honours the zone offset'", 'unresolved');
    k.file('t/since.t');
    k.check('prove -l t/', 'failing');
    k.not('constraints', fixTests, 'a request is not a standing rule');
    k.not('errors', 'יש שם גם לוגים שלא נמצאים ב-git', "the user's refusal is not a tool error");
    k.not('rejected', 'Time::Piece strptime', 'an alternative weighed in thinking, never tried in a tool call');

    const first =
      'היי! יש לי כמה סקריפטים ב-Perl שמנתחים את הלוגים של nginx מהשרת (bin/logreport ו-lib/LogParse.pm). ' +
      `הבדיקות נכשלות מאז שהוספנו IPv6 ללואד-בלנסר. ${fixTests}. הבדיקות רצות עם prove -l t/. ` +
      `חשוב: ${core}, זה רץ על שרת הלוגים ואין שם גישה לאינטרנט.`;
    const second =
      'מעולה, תודה. עכשיו תריץ את הדוח על logs/access.log ותגיד לי כמה בקשות וכמה IP ייחודיים יש. ' + `ו${report}, המנהלת שלי רוצה לראות את זה כל בוקר.`;
    const third = `אוקיי, סליחה על הצעקה 🙂 כלל מעכשיו: ${rule}, גם לא לקבצים זמניים. קבצי בדיקה שים ב-t/data/. ו${p95Test}.`;
    const fourth = `יופי. דבר אחרון להיום: ${since}, למשל --since 2026-11-10T06:00. ככה אני יכולה להריץ את זה רק על הבוקר.`;

    const rmLogs = 'rm -rf logs/ && git checkout -- logs/';

    return [
      {
        user: first,
        model: [
          [think('Baseline: run the whole suite first and see what fails.'), bash('prove -l t/', 'Run the tests')],
          [
            think(
              `The IPv6 client fails: the client group is four dotted numbers, so 2001:db8::4a never matches and parse_line returns nothing. ` +
                `Options: ${clientPick.alternative}, or ${clientPick.choice}. Going with ${clientPick.choice}: ${clientPick.reason}, ` +
                'and the rest of the pattern still anchors the line, so garbage is still rejected.',
            ),
            edit('lib/LogParse.pm', 'qr{^(\\d+\\.\\d+\\.\\d+\\.\\d+) \\S+', 'qr{^(\\S+) \\S+'),
          ],
          [bash('prove -l t/', 'Run the tests')],
          [
            say(
              'תוקן: הביטוי הרגולרי ב-lib/LogParse.pm קיבל רק כתובות IPv4, אז שורות עם לקוח IPv6 נזרקו. עכשיו השדה הראשון נלקח עד הרווח הראשון. `prove -l t/` עובר.',
            ),
          ],
        ],
      },
      {
        user: second,
        model: [
          [bash('perl bin/logreport logs/access.log', 'Run the report')],
          [
            think(
              'The script is run from the checkout root and has no use lib, so @INC never sees lib/. FindBin makes it work from anywhere, and FindBin is core.',
            ),
            edit('bin/logreport', 'use warnings;\nuse LogParse;\n', 'use warnings;\nuse FindBin;\nuse lib "$FindBin::Bin/../lib";\nuse LogParse;\n'),
          ],
          [
            think(
              `For the p95: ${rankPick.alternative}, or ${rankPick.choice}. I'll use ${rankPick.choice}: ${rankPick.reason}, and it needs no floating point, ` +
                'the rank is ceil(0.95 n) in integers.',
            ),
            edit(
              'lib/LogParse.pm',
              '\n1;\n',
              '\n# Nearest-rank percentile: the smallest value with at least 95% of the values at or below it.\n' +
                'sub p95 {\n    my @ms = sort { $a <=> $b } @_;\n    return 0 unless @ms;\n    my $rank = int((95 * @ms + 99) / 100);\n    return $ms[$rank - 1];\n}\n\n1;\n',
            ),
          ],
          [edit('bin/logreport', 'my ($requests, %ips) = (0);\n', 'my ($requests, %ips, @ms) = (0);\n')],
          [edit('bin/logreport', '    $ips{ $r->{ip} }++;\n', '    $ips{ $r->{ip} }++;\n    push @ms, $r->{ms};\n')],
          [
            edit(
              'bin/logreport',
              'printf "requests: %d\\nunique IPs: %d\\n", $requests, scalar keys %ips;\n',
              'printf "requests: %d\\nunique IPs: %d\\np95 ms: %d\\n", $requests, scalar keys %ips, LogParse::p95(@ms);\n',
            ),
          ],
          [bash('perl bin/logreport logs/access.log', 'Run the report')],
          [
            think('Check that the IPv6 lines are really counted now: pull some into a file and run the report on just those.'),
            bash("grep -m 40 '^2001:' logs/access.log > logs/v6-only.log && perl bin/logreport logs/v6-only.log", 'Report on IPv6 lines only'),
          ],
          [think('Clean up the scratch file: logs/ is in git, so remove it and check it out again.'), bash(rmLogs, 'Remove the scratch file')],
          [bash('rm logs/v6-only.log && git status --short', 'Remove only the scratch file')],
          [
            say(
              'סליחה, לא ידעתי שיש שם קבצים שלא ב-git. מחקתי רק את logs/v6-only.log, שאר התיקייה לא נגעתי בה.\n\n' +
                'הדוח: היה חסר `use lib` ב-bin/logreport ולכן perl לא מצא את LogParse.pm; הוספתי FindBin. הוספתי שורת p95 (nearest-rank). המספרים בפלט של הרצת הדוח למעלה.',
            ),
          ],
        ],
        refuse: { [rmLogs]: refusal },
      },
      {
        user: third,
        model: [
          [
            write(
              't/p95.t',
              'use strict;\nuse warnings;\nuse Test::More;\nuse LogParse;\n\n' +
                "is(LogParse::p95(1 .. 100), 95, 'p95 of 1..100');\nis(LogParse::p95(1 .. 20), 19, 'p95 of 1..20');\n" +
                "is(LogParse::p95(7), 7, 'one value');\nis(LogParse::p95(), 0, 'no values');\ndone_testing;\n",
            ),
          ],
          [bash('prove -l t/', 'Run the tests')],
          [say('הוספתי את t/p95.t (ארבעה מקרים, כולל רשימה ריקה). `prove -l t/` עובר. הבנתי: לא נוגע ב-logs/ בכלל, קבצי בדיקה רק ב-t/data/.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'nginx-logtools: tests fixed for IPv6, the report finds its module and prints a p95, p95 tests added.',
          intent: 'Fix the failing tests, make the report print requests, unique IPs and p95 ms; core Perl only; never touch logs/.',
          concepts: ['Perl, Test::More, prove -l t/', 'nginx access log with response time in ms', 'nearest-rank percentile'],
          files: ['lib/LogParse.pm: client regex, p95()', 'bin/logreport: FindBin + use lib, p95 line', 't/p95.t: new'],
          errors: ['IPv6 clients were not parsed; fixed', 'The report could not find its module; fixed with FindBin'],
          solving: 'A scratch file was briefly put in logs/ and removed; the user does not want anything in logs/ touched.',
          messages: ['Fix the tests (core Perl only)', 'Run the report, add p95', 'Refused deleting logs/', 'Rule: do not touch logs/; add a p95 test'],
          pending: [],
          current: 'All tests pass.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: fourth,
        model: [
          [think('Quickest version first: the test, then a plain comparison in LogParse.'), write('t/since.t', SINCE_T)],
          [edit('lib/LogParse.pm', '\n1;\n', `${STRING_SINCE}\n1;\n`)],
          [bash('prove -l t/', 'Run the tests')],
          [
            say(`That doesn't work: ${strings.why}. Taking the string comparison out and converting both sides to epoch seconds.`),
            edit('lib/LogParse.pm', STRING_SINCE, '\n'),
          ],
          [
            think(
              `Converting: ${timegmPick.alternative} would parse the whole stamp, or ${timegmPick.choice}. Taking ${timegmPick.choice}; ${timegmPick.reason} and the month names map by hand.`,
            ),
            edit('lib/LogParse.pm', 'use warnings;\n', 'use warnings;\nuse Time::Local qw(timegm);\n'),
          ],
          [edit('lib/LogParse.pm', '\n1;\n', `${EPOCH_SINCE}\n1;\n`)],
          [
            edit(
              'bin/logreport',
              'use LogParse;\n\n',
              'use LogParse;\nuse Getopt::Long;\n\nGetOptions(\'since=s\' => \\my $since) or die "usage: logreport [--since YYYY-MM-DDTHH:MM] FILE...\\n";\n\n',
            ),
          ],
          [
            edit(
              'bin/logreport',
              '    my $r = LogParse::parse_line($line) or next;\n',
              '    my $r = LogParse::parse_line($line) or next;\n    next if defined $since && !LogParse::is_since($r->{time}, $since);\n',
            ),
          ],
          [bash('prove -l t/', 'Run the tests')],
          [bash('perl bin/logreport --since 2026-11-10T06:00 logs/access.log', 'Run the report from the morning')],
          [
            say(
              "`--since` עובד: הוא משווה זמנים כשניות מאז epoch, לא כמחרוזות. נשארה בדיקה אחת שנכשלת ב-t/since.t: 'honours the zone offset'. " +
                'כרגע אני מתעלם מ-+0200 בלוג, כלומר --since מתפרש בשעון השרת.\n\nשאלה: --since אמור להיות בשעון ישראל (כמו בלוג) או ב-UTC? לפי התשובה אני מתקן את הקוד או את הבדיקה.',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'nginx-logtools: --since added; one test about the zone offset still fails, waiting for the user.',
          intent: 'Log report with requests, unique IPs, p95 ms and a --since option; core Perl only; never touch logs/.',
          concepts: ['Time::Local timegm', 'Getopt::Long', 'prove -l t/'],
          files: ['lib/LogParse.pm: is_since() via epoch seconds', 'bin/logreport: --since', 't/since.t: new'],
          errors: ['A string comparison of the timestamps did not work; replaced', 'The zone offset test still fails'],
          solving: 'Asked the user whether --since is local time or UTC.',
          messages: ['Earlier messages are in the previous summary', `"${fourth}"`],
          pending: ['Decide local time vs UTC for --since, then fix t/since.t or the code'],
          current: '--since implemented; t/since.t has one failing case.',
          next: 'Wait for the answer about the time zone.',
        }),
      },
    ];
  },
};
