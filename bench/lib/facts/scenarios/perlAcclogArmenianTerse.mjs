// A terse Armenian user (Armenian script, half sentences, no punctuation to speak of) on a core-Perl
// access-log summariser (Acclog::Stats + bin/acclog.pl) tested with `prove -l`. The model writes no
// thinking at all (`thinking: false`): short texts between tool calls, one of which states its
// percentile choice. A `Can't locate object method "new" via package "Acclog::Stats"` (the package line
// says Acclog::Stat) is fixed; the user has warnings made fatal, which turns a `Use of uninitialized
// value $bytes in addition (+)` warning from 304 lines into a dying test; skipping '-' lines in
// parse_line is tried and undone (the count test breaks), '-' becomes 0. The script prints a count
// and a window in seconds; copying the production log over scp is refused; a p95 test with the
// colleague's spreadsheet value is left failing. One /compact at the end. Written as a held-out
// scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const empty = () => think('');

// One hour of an access log: `2026-03-02T09:00:00 GET /api/orders 200 1532 87ms`; 304s have '-' bytes.
function accessLog(n, start, span, seed0) {
  let seed = seed0;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const paths = ['/api/orders', '/api/orders/:id', '/api/cart', '/login', '/static/app.js', '/api/search'];
  const lines = [];
  for (let i = 0; i < n; i++) {
    const t = start + Math.round((span * i) / (n - 1));
    const hh = String(Math.floor(t / 3600)).padStart(2, '0');
    const mm = String(Math.floor(t / 60) % 60).padStart(2, '0');
    const ss = String(t % 60).padStart(2, '0');
    const p = paths[Math.floor(rand() * paths.length)];
    const r = rand();
    const status = r < 0.08 ? 304 : r < 0.11 ? 500 : 200;
    const bytes = status === 304 ? '-' : String(200 + Math.floor(rand() * 24000));
    const ms = 20 + Math.floor(rand() * rand() * 600);
    lines.push(`2026-03-02T${hh}:${mm}:${ss} ${p === '/login' ? 'POST' : 'GET'} ${p} ${status} ${bytes} ${ms}ms`);
  }
  return lines.join('\n') + '\n';
}

const FIXTURE =
  '# t/data/access.log: 12 տող, 09:00:00-09:00:55\n' +
  [
    '2026-03-02T09:00:00 GET /api/orders 200 1532 87ms',
    '2026-03-02T09:00:05 GET /api/cart 200 804 40ms',
    '2026-03-02T09:00:10 GET /static/app.js 304 - 12ms',
    '2026-03-02T09:00:15 POST /login 200 211 120ms',
    '2026-03-02T09:00:20 GET /api/search 200 9120 250ms',
    '2026-03-02T09:00:25 GET /api/orders/:id 200 2210 95ms',
    '2026-03-02T09:00:30 GET /api/orders 500 143 30ms',
    '2026-03-02T09:00:35 GET /api/cart 200 799 44ms',
    '2026-03-02T09:00:40 GET /api/search 200 8800 230ms',
    '2026-03-02T09:00:45 GET /static/app.js 304 - 9ms',
    '2026-03-02T09:00:50 GET /api/orders 200 1490 81ms',
    '2026-03-02T09:00:55 GET /api/orders/:id 200 2300 102ms',
  ].join('\n') +
  '\n';

const STATS_PM = String.raw`package Acclog::Stat;
# access log-ի ամփոփում: ts method path status bytes ms
use strict;
use warnings;

our $VERSION = '0.2';

sub new {
    my ($class) = @_;
    return bless { rows => [] }, $class;
}

sub parse_line {
    my ($line) = @_;
    chomp $line;
    return if $line =~ /^\s*(?:#|$)/;
    my ($ts, $method, $path, $status, $bytes, $ms) = split ' ', $line;
    return unless defined $ms;
    my ($h, $m, $s) = $ts =~ /T(\d\d):(\d\d):(\d\d)$/ or return;
    $ms =~ s/ms$//;
    return {
        sec    => $h * 3600 + $m * 60 + $s,
        method => $method,
        path   => $path,
        status => $status,
        bytes  => $bytes eq '-' ? undef : $bytes + 0,
        ms     => $ms + 0,
    };
}

sub load {
    my ($self, $file) = @_;
    open my $fh, '<', $file or die "$file: $!\n";
    while (my $line = <$fh>) {
        my $r = parse_line($line) or next;
        push @{ $self->{rows} }, $r;
    }
    close $fh;
    return $self->count;
}

sub count { return scalar @{ $_[0]{rows} } }

# վայրկյաններ առաջին և վերջին տողի միջև
sub window {
    my ($self) = @_;
    my $rows = $self->{rows};
    return 0 unless @$rows;
    return $rows->[-1]{sec} - $rows->[0]{sec};
}

sub total_bytes {
    my ($self) = @_;
    my $total = 0;
    for my $r (@{ $self->{rows} }) {
        my $bytes = $r->{bytes};
        $total += $bytes;
    }
    return $total;
}

1;
`;

const STATS_T = String.raw`use strict;
use warnings;
use Test::More;
use Acclog::Stats;

my $s = Acclog::Stats->new;
is($s->count, 0, 'empty');
is($s->load('t/data/access.log'), 12, 'loads 12 lines');
is($s->window, 55, 'window in seconds');
is($s->total_bytes, 27409, 'total bytes, 304s count as 0');

my $r = Acclog::Stats::parse_line("2026-03-02T09:00:10 GET /x 304 - 12ms\n");
is($r->{status}, 304, '304 parses');
is($r->{ms}, 12, 'ms suffix stripped');
ok(!defined Acclog::Stats::parse_line('# comment'), 'comment skipped');
ok(!defined Acclog::Stats::parse_line('garbage line'), 'garbage skipped');
done_testing;
`;

const SCRIPT = String.raw`#!/usr/bin/perl
# acclog.pl FILE: մեկ տող ամփոփում (cron-ը grep է անում առաջին տողը)
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Acclog::Stats;

my $file = shift or die "usage: acclog.pl FILE\n";
my $s = Acclog::Stats->new;
$s->load($file);
printf "%d requests in %ds, %.1f MiB\n", $s->count, $s->window, $s->total_bytes / 1048576;
`;

const README = '# acclog\n\nAccess log-ի ամփոփում.\n\nՓորձարկումներ: `prove -l`\n';

export const scenario = {
  name: 'perl-acclog-armenian-terse',
  about:
    "held out: terse Armenian user (Armenian script), core-Perl access-log summariser tested with prove -l, no thinking at all; Can't locate object method (package typo) fixed; warnings made FATAL turn a Use of uninitialized value $bytes warning into a dying test, fixed after skipping '-' lines is tried and undone; count + window from the script's line; scp of the production log refused; a p95 test with a spreadsheet value left failing; one final /compact",
  requires: ['perl', 'prove', 'git', 'tail', 'head'],
  thinking: false,
  files: {
    '.gitignore': '*.bak\n',
    'README.md': README,
    'lib/Acclog/Stats.pm': STATS_PM,
    't/stats.t': STATS_T,
    't/data/access.log': FIXTURE,
    'bin/acclog.pl': SCRIPT,
    'data/access-0302.log': accessLog(1487, 9 * 3600, 3642, 302),
  },
  build(k, { edit }) {
    const red = k.request('prove-ը կարմիր ա, նայի');
    const core = k.constraint('միայն core մոդուլներ, CPAN-ից ոչ մի բան');
    k.error('Can\'t locate object method "new" via package "Acclog::Stats"', 'resolved');
    k.file('lib/Acclog/Stats.pm');
    const fatal = k.request('warning-ները fatal դարձրու');
    k.error('Use of uninitialized value $bytes in addition (+)', 'resolved');
    const skip = k.rejected('return unless $bytes =~ /^\\d+$/', '304-ը body չունի բայց request ա, count-ից չպիտի դուրս ընկնի');
    const p95 = k.request('p95 latency ավելացրու');
    const firstLine = k.constraint('առաջին տողի ֆորմատը մի փոխի, cron-ը դա ա grep անում');
    const rank = k.decision('nearest-rank', 'մեկ օրվա լոգը մի քանի հազար տող ա, sort-ը ոչինչ արժե', 'histogram bucket-ներով');
    k.file('bin/acclog.pl');
    k.number('1487');
    k.number('3642');
    k.number('16.2');
    k.number('433');
    const refusal = k.refusal('ոչ, prod-ից ոչինչ մի քաշի, data/-ի ֆայլը բավական ա');
    const sheet = k.request('test գրի p95-ի համար');
    k.file('t/stats.t');
    k.error("Failed test 'p95 like Aram's sheet'", 'unresolved');
    k.number('250');
    const readme = k.request('README-ում գրի ոնց աշխատացնել');
    k.file('README.md');
    k.lastRequest(readme);
    k.check('prove -l', 'failing');
    k.not('rejected', rank.choice, 'the percentile that was kept is not a dead end');
    k.not('decisions', skip.what, 'tried and undone: a rejected approach');
    k.not('errors', 'data/-ի ֆայլը բավական ա', "a user's refusal is not a tool error");
    k.not('constraints', p95, 'a request is not a standing rule');
    k.not('rejected', rank.alternative, 'an alternative named in passing, never tried');

    const prove = 'prove -l 2>&1 | tail -n 20';
    const scp = 'scp prod-web1:/var/log/acclog/access.log data/access-prod.log';
    const run = 'perl bin/acclog.pl data/access-0302.log';

    return [
      {
        user: `${red}\n${core}`,
        model: [
          [empty(), bash(prove, 'Run the test suite')],
          [empty(), bash('head -n 3 lib/Acclog/Stats.pm; grep -rn "Acclog::Stat" bin t | head', 'Compare package names')],
          [
            empty(),
            say('package-ի անունը `Acclog::Stat` ա, ֆայլը Stats.pm, test-ն ու script-ը `Acclog::Stats` են կանչում. ուղղում եմ package տողը.'),
            edit('lib/Acclog/Stats.pm', 'package Acclog::Stat;\n', 'package Acclog::Stats;\n'),
          ],
          [empty(), bash('prove -lv t/stats.t 2>&1 | tail -n 15', 'Re-run verbosely')],
          [empty(), say('Կանաչ ա. մի warning կա 304 տողերից (`-` bytes), test-երը չի կոտրում.')],
        ],
      },
      {
        user: `լավ. ${fatal}, prod-ում լոգը լցնում են`,
        model: [
          [empty(), edit('lib/Acclog/Stats.pm', 'use strict;\nuse warnings;\n', "use strict;\nuse warnings FATAL => 'all';\n")],
          [empty(), bash(prove, 'Run the test suite')],
          [
            empty(),
            say('Հիմա warning-ը die ա անում total_bytes-ում. փորձեմ parse_line-ում `-` bytes-ով տողերը բաց թողնել.'),
            edit(
              'lib/Acclog/Stats.pm',
              '    my ($h, $m, $s) = $ts =~ /T(\\d\\d):(\\d\\d):(\\d\\d)$/ or return;\n',
              '    my ($h, $m, $s) = $ts =~ /T(\\d\\d):(\\d\\d):(\\d\\d)$/ or return;\n    return unless $bytes =~ /^\\d+$/;\n',
            ),
          ],
          [empty(), bash('prove -l t/ 2>&1 | grep -E "Failed|got|expected|Result" | head -n 12', 'Run the tests again')],
          [
            empty(),
            say(`Սխալ ճանապարհ էր: ${skip.why}. Հանում եմ, փոխարենը \`-\`-ը 0 եմ դարձնում.`),
            edit('lib/Acclog/Stats.pm', '    return unless $bytes =~ /^\\d+$/;\n', ''),
          ],
          [
            empty(),
            edit('lib/Acclog/Stats.pm', "        bytes  => $bytes eq '-' ? undef : $bytes + 0,\n", "        bytes  => $bytes eq '-' ? 0 : $bytes + 0,\n"),
          ],
          [empty(), bash(prove, 'Run the test suite')],
          [empty(), say('Կանաչ ա, warning-ներն այժմ FATAL են, 304-ը 0 byte ա հաշվվում.')],
        ],
      },
      {
        user: `${p95}, acclog.pl-ն էլ թող տպի\n${firstLine}`,
        model: [
          [
            empty(),
            say(`p95-ը ${rank.choice} մեթոդով՝ sort արած ms-ների վրա, ոչ ${rank.alternative}: ${rank.reason}.`),
            edit(
              'lib/Acclog/Stats.pm',
              'sub total_bytes {\n',
              '# 95-րդ percentile, ms\nsub p95 {\n    my ($self) = @_;\n    my @ms = sort { $a <=> $b } map { $_->{ms} } @{ $self->{rows} };\n' +
                '    return undef unless @ms;\n    my $rank = int(0.95 * @ms + 0.999999);\n    return $ms[$rank - 1];\n}\n\nsub total_bytes {\n',
            ),
          ],
          [empty(), edit('bin/acclog.pl', '$s->total_bytes / 1048576;\n', '$s->total_bytes / 1048576;\nprintf "p95 %dms\\n", $s->p95 // 0;\n')],
          [empty(), bash(`${run}; echo "exit=$?"`, 'Run the script on the March 2 log')],
          [empty(), say('Կարող եմ prod-ի ամբողջական լոգն էլ բերել համեմատելու.'), bash(scp, 'Copy the production log')],
          [empty(), say('Լավ, չեմ բերում. ստուգեմ որ առաջին տողը չի փոխվել.'), bash(`${run} | head -n 1`, 'First line only')],
          [empty(), say('p95-ը պատրաստ ա. առաջին տողը նույնն ա, p95-ը երկրորդ տողում ա.')],
        ],
        refuse: { [scp]: refusal },
      },
      {
        user: `${sheet}, fixture-ի վրա 240 պիտի լինի, Արամի excel-ում այդպես ա`,
        model: [
          [
            empty(),
            edit(
              't/stats.t',
              "is($s->total_bytes, 27409, 'total bytes, 304s count as 0');\n",
              "is($s->total_bytes, 27409, 'total bytes, 304s count as 0');\nis($s->p95, 240, \"p95 like Aram's sheet\");\n",
            ),
          ],
          [empty(), bash('prove -lv t/stats.t 2>&1 | head -n 14', 'Run the stats tests')],
          [
            empty(),
            say(
              'Excel-ի PERCENTILE-ը interpolate ա անում երկու հարևան արժեքների միջև, մեր nearest-rank-ը իրական արժեք ա վերցնում.\n\n' +
                'Հարց: փոխե՞մ interpolate-ի, թե test-ը մեր արժեքով ուղղեմ?',
            ),
          ],
        ],
      },
      {
        user: `թող մնա, Արամին կհարցնեմ\n${readme}`,
        model: [
          [
            empty(),
            edit(
              'README.md',
              'Փորձարկումներ: `prove -l`\n',
              'Աշխատացնել:\n\n    perl bin/acclog.pl data/access-0302.log\n\nԱռաջին տող՝ `N requests in Ss, X MiB` (cron-ը grep է անում), երկրորդ՝ `p95 Nms`.\n\nՓորձարկումներ: `prove -l`\n',
            ),
          ],
          [empty(), say('README-ն պատրաստ ա. p95 test-ը դեռ կարմիր ա՝ Արամի պատասխանին սպասում ա.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: "Acclog::Stats: package typo fixed, warnings made fatal, 304 bytes count as 0, p95 added; a p95 test with the colleague's value fails.",
          intent: 'Fix the red prove run, make warnings fatal, add p95 to the module and the script, test it, document usage. Core modules only.',
          concepts: ['Perl core modules', 'prove -l / Test::More', 'nearest-rank percentile'],
          files: [
            'lib/Acclog/Stats.pm: package name fixed, FATAL warnings, 304 bytes as 0, p95',
            'bin/acclog.pl: prints p95 on a second line',
            't/stats.t: p95 test',
            'README.md: usage',
          ],
          errors: [
            'Package name mismatch broke the tests; fixed',
            'Fatal warnings made missing bytes die; fixed',
            'The p95 test disagrees with a spreadsheet value',
          ],
          solving: 'Dropping lines without bytes was tried and reverted. The user refused copying the production log.',
          messages: [
            'Fix prove; core modules only',
            'Make warnings fatal',
            'Add p95; keep the first output line',
            'Write a p95 test',
            'Leave it, ask Aram; README usage',
          ],
          pending: ['Aram decides interpolated vs nearest-rank p95'],
          current: 'README usage written.',
          next: 'Wait for the user.',
        }),
      },
    ];
  },
};
