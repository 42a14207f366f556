// An Icelandic-speaking user who types lowercase one-liners without punctuation, on a core-Perl module
// (Vedur::Skra: weather-station observations, `date;time;station;temp;dir;speed`) tested with
// `prove -l t/` (three TAP files). The model writes no thinking at all (`thinking: false`): short texts
// between tool calls, one of which states its data-structure choice in passing. A `#   Failed test` /
// `got: undef` pair in t/02-parse.t is fixed and confirmed by a narrower run with other flags
// (`prove -lv t/02-parse.t`); a `Global symbol` typo breaks all three files once; `no warnings
// 'uninitialized'` is tried against a warning and taken out again; `perltidy -b` is refused; a range
// test the model wrote is left failing with a question for the user's colleague. One /compact in the
// middle, one at the end. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const empty = () => think('');

// Station numbers of the Icelandic Met Office network and their rough January climate.
const STATIONS = [
  [1, -1.0],
  [422, -3.5],
  [571, -4.5],
  [2642, -2.0],
  [4614, -6.0],
  [6015, -0.5],
];

// A deterministic January log as the new loggers write it: hours without a leading zero, '-' when a
// reading is missing, sorted by date, station, time.
function januaryLog() {
  let seed = 20260101;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const dirs = ['N', 'NA', 'A', 'SA', 'S', 'SV', 'V', 'NV', 'logn'];
  const lines = ['# vedurathuganir januar 2026, stodvaloggerar v2'];
  for (let day = 1; day <= 31; day++) {
    const date = `2026-01-${String(day).padStart(2, '0')}`;
    const cold = day >= 12 && day <= 16 ? -7 : 0;
    for (const [station, base] of STATIONS) {
      for (let hour = 0; hour < 24; hour += 3) {
        const diurnal = hour >= 12 && hour <= 15 ? 1.5 : hour <= 6 ? -1.2 : 0;
        const temp = rand() < 0.03 ? '-' : (base + cold + diurnal + (rand() * 6 - 3)).toFixed(1);
        const dir = dirs[Math.floor(rand() * dirs.length)];
        const speed = dir === 'logn' ? 0 : 1 + Math.floor(rand() * 17);
        lines.push(`${date};${hour}:00;${station};${temp};${dir};${speed}`);
      }
    }
  }
  return { text: lines.join('\n') + '\n', count: lines.length - 1 };
}

const JAN = januaryLog();

// The test fixture, from the old loggers (two-digit hours); 2026-01-04 is missing.
function sample() {
  const days = {
    '2026-01-01': [
      ['1.2', '0.4', '2.3', '1.9'],
      ['-0.8', '-1.5', '0.2', '-0.3'],
    ],
    '2026-01-02': [
      ['-2.1', '-3.0', '-0.9', '-1.4'],
      ['-4.2', '-5.0', '-2.2', '-3.1'],
    ],
    '2026-01-03': [
      ['-7.9', '-5.2', '-0.4', '-'],
      ['-6.1', '-3.3', '-1.0', '-2.2'],
    ],
    '2026-01-05': [
      ['0.5', '-0.2', '1.8', '0.9'],
      ['-1.1', '-2.6', '-0.5', '-1.7'],
    ],
  };
  const lines = ['# sýnishorn úr gömlu loggerunum', ''];
  for (const [date, perStation] of Object.entries(days)) {
    [1, 422].forEach((station, s) => {
      ['00:00', '06:00', '12:00', '18:00'].forEach((time, t) => {
        lines.push(`${date};${time};${station};${perStation[s][t]};${t % 2 ? 'SV' : 'NA'};${3 + t + s}`);
      });
    });
  }
  return lines.join('\n') + '\n';
}

const SKRA_PM = String.raw`package Vedur::Skra;
# Veðurathuganir úr stöðvaloggerum: dags;tími;stöð;hiti;átt;vindur
use strict;
use warnings;

our $VERSION = '0.3';

sub new {
    my ($class) = @_;
    return bless { obs => [] }, $class;
}

sub parse_line {
    my ($line) = @_;
    chomp $line;
    return if $line =~ /^\s*(?:#|$)/;
    my ($date, $time, $station, $temp, $dir, $speed) = split /;/, $line;
    return unless defined $speed;
    return unless $date =~ /^\d{4}-\d\d-\d\d$/;
    return unless $time =~ /^\d\d:\d\d$/;
    return {
        date    => $date,
        time    => $time,
        station => $station,
        temp    => $temp eq '-' ? undef : $temp + 0,
        dir     => $dir,
        speed   => $speed + 0,
    };
}

sub load {
    my ($self, $path) = @_;
    open my $fh, '<', $path or die "$path: $!\n";
    my $n = 0;
    while (my $line = <$fh>) {
        my $rec = parse_line($line) or next;
        push @{ $self->{obs} }, $rec;
        $n++;
    }
    close $fh;
    return $n;
}

sub count { return scalar @{ $_[0]{obs} } }

sub stations {
    my ($self) = @_;
    my %seen = map { $_->{station} => 1 } @{ $self->{obs} };
    return sort { $a <=> $b } keys %seen;
}

sub dates {
    my ($self) = @_;
    my %seen = map { $_->{date} => 1 } @{ $self->{obs} };
    return sort keys %seen;
}

1;
`;

const LOAD_T = String.raw`use strict;
use warnings;
use Test::More;
use Vedur::Skra;

my $s = Vedur::Skra->new;
isa_ok($s, 'Vedur::Skra');
is($s->count, 0, 'empty at start');
is($s->load('t/data/sample.txt'), 32, 'loads every data line');
is($s->count, 32, 'count after load');
is_deeply([$s->stations], [1, 422], 'stations');
ok(!eval { $s->load('t/data/missing.txt'); 1 }, 'dies on a missing file');
done_testing;
`;

const PARSE_T = String.raw`use strict;
use warnings;
use Test::More;
use Vedur::Skra;

my $p = \&Vedur::Skra::parse_line;

my $r = $p->("2026-01-14;12:00;1;-3.2;NA;7\n");
is($r->{date}, '2026-01-14', 'date');
is($r->{time}, '12:00', 'time');
is($r->{station}, '1', 'station');
is($r->{temp}, -3.2, 'temperature');
is($r->{dir}, 'NA', 'wind direction');
is($r->{speed}, 7, 'wind speed');

# nýju loggerarnir skrifa 6:00, ekki 06:00
$r = $p->("2026-01-14;6:00;1;-3.2;NA;7");
is($r && $r->{time}, '06:00', 'hour without leading zero');

$r = $p->("2026-01-14;18:00;422;-;SV;3");
ok($r, 'missing temperature still parses');
is($r->{temp}, undef, 'missing temperature is undef');

ok(!defined $p->("# athugasemd"), 'comment line');
ok(!defined $p->(""), 'blank line');
ok(!defined $p->("2026-01-14;12:00;1;-3.2"), 'too few fields');
ok(!defined $p->("14.01.2026;12:00;1;-3.2;NA;7"), 'old date format rejected');
ok(!defined $p->("2026-01-14;12h00;1;-3.2;NA;7"), 'bad time rejected');
done_testing;
`;

const INDEX_T = String.raw`use strict;
use warnings;
use Test::More;
use Vedur::Skra;

my $s = Vedur::Skra->new;
$s->load('t/data/sample.txt');

is_deeply([$s->dates], ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-05'], 'dates sorted');

my %per_station;
$per_station{ $_->{station} }++ for @{ $s->{obs} };
is($per_station{$_}, 16, "16 observations for station $_") for 1, 422;

my %per_date;
$per_date{ $_->{date} }++ for @{ $s->{obs} };
is($per_date{$_}, 8, "8 observations on $_") for $s->dates;

like($_->{time}, qr/^\d\d:\d\d$/, "time format $_->{date} $_->{time}") for @{ $s->{obs} }[0 .. 9];

done_testing;
`;

const README =
  '# Vedur::Skra\n\nLes veðurathuganir úr stöðvaloggerunum (`dags;tími;stöð;hiti;átt;vindur`).\n\n' +
  '    use Vedur::Skra;\n    my $s = Vedur::Skra->new;\n    $s->load("data/jan.txt");\n    print $s->count, "\\n";\n\nPróf: `prove -l t/`\n';

export const scenario = {
  name: 'perl-tap-icelandic',
  about:
    'held out: terse lowercase Icelandic user, core-Perl module with a prove -l t/ TAP suite, no thinking at all; Failed test/got/expected fixed and confirmed by prove -lv on one file; Global symbol typo; no warnings uninitialized tried and removed; perltidy refused; a range test left failing; one mid and one final /compact',
  requires: ['perl', 'prove', 'git'],
  thinking: false,
  files: {
    '.gitignore': '*.bak\n*.tdy\n',
    'README.md': README,
    'lib/Vedur/Skra.pm': SKRA_PM,
    't/01-load.t': LOAD_T,
    't/02-parse.t': PARSE_T,
    't/03-index.t': INDEX_T,
    't/data/sample.txt': sample(),
    'data/jan.txt': JAN.text,
  },
  build(k, { edit }) {
    const fix = k.request('prove fellur á 02-parse lagaðu');
    const core = k.constraint('engin cpan moduleis, bara core');
    k.error("Failed test 'hour without leading zero'", 'resolved');
    k.file('lib/Vedur/Skra.pm');
    const byDate = k.request('bættu við by_date sem skilar öllum mælingum dagsins');
    const old = k.constraint('servern keyrir perl 5.16 svo engar signatures');
    const hoa = k.decision('hash of arrays', 'uppflettingar eftir dagsetningu eru langalgengastar', 'sorted list');
    k.error('Global symbol "$obs" requires explicit package name', 'resolved');
    k.file('t/03-index.t');
    k.number('41');
    const extremes = k.request('min og max hita fyrir hvern dag');
    k.error('Use of uninitialized value $t in numeric lt (<)', 'resolved');
    const quiet = k.rejected("no warnings 'uninitialized'", 'mælingar sem vantar teljast samt sem 0');
    const refusal = k.refusal('nei ekki perltidy það rústar diffinu');
    k.number(String(JAN.count));
    k.number('-14.7');
    const range = k.request('range frá og til dagsetningu');
    const iso = k.decision('bera ISO dagsetningarnar saman sem strengi', 'YYYY-MM-DD raðast eins sem strengur og sem dagsetning', 'Time::Local');
    k.error('$got->[2] = Does not exist', 'unresolved');
    const readme = k.request('settu dæmi um by_date og day_extremes í README');
    k.file('README.md');
    k.lastRequest(readme);
    k.check('prove -l t/', 'failing');
    k.not('rejected', hoa.choice, 'the structure that was kept is not a dead end');
    k.not('decisions', quiet.what, 'tried and taken out: a rejected approach');
    k.not('errors', 'rústar diffinu', "a user's refusal is not a tool error");
    k.not('constraints', byDate, 'a request is not a standing rule');
    k.not('rejected', iso.alternative, 'an alternative named in passing, never tried');

    const all = 'prove -l t/ 2>&1 | tail -n 25';
    const tidy = 'perltidy -b lib/Vedur/Skra.pm && rm -f lib/Vedur/Skra.pm.bak';
    const oneLiner =
      'perl -Ilib -MVedur::Skra -E \'my $s = Vedur::Skra->new; say $s->load("data/jan.txt"), " maelingar"; ' +
      'for my $d (qw(2026-01-13 2026-01-14 2026-01-15)) { my ($lo, $hi) = $s->day_extremes($d); say "$d min $lo max $hi" }\'';

    return [
      {
        user: `${fix}\n${core}`,
        model: [
          [empty(), say('Keyri prófin.'), bash(all, 'Run the TAP suite')],
          [empty(), bash("grep -n 'time' lib/Vedur/Skra.pm", 'Find the time check')],
          [
            empty(),
            say('Regex-ið krefst tveggja stafa klukkustundar en nýju loggerarnir skrifa 6:00. Leyfi einn eða tvo stafi og núllfylli.'),
            edit(
              'lib/Vedur/Skra.pm',
              '    return unless $time =~ /^\\d\\d:\\d\\d$/;\n',
              "    my ($h, $m) = $time =~ /^(\\d{1,2}):(\\d\\d)$/ or return;\n    $time = sprintf '%02d:%02d', $h, $m;\n",
            ),
          ],
          [empty(), bash('prove -lv t/02-parse.t 2>&1 | tail -n 20', 'Run the parse tests verbosely')],
          [empty(), say('02-parse grænt. `6:00` verður `06:00` í færslunni.')],
        ],
      },
      {
        user: `ok ${byDate}\n${old}`,
        model: [
          [
            empty(),
            say(`Fór í ${hoa.choice} (dagsetning → færslur) í stað ${hoa.alternative}: ${hoa.reason}. Byggi það upp í load.`),
            edit('lib/Vedur/Skra.pm', '    return bless { obs => [] }, $class;\n', '    return bless { obs => [], by_date => {} }, $class;\n'),
          ],
          [
            empty(),
            edit(
              'lib/Vedur/Skra.pm',
              '        push @{ $self->{obs} }, $rec;\n        $n++;\n',
              '        push @{ $self->{obs} }, $rec;\n        push @{ $self->{by_date}{ $obs->{date} } }, $rec;\n        $n++;\n',
            ),
          ],
          [
            empty(),
            edit(
              'lib/Vedur/Skra.pm',
              'sub count { return scalar @{ $_[0]{obs} } }\n',
              'sub count { return scalar @{ $_[0]{obs} } }\n\n' +
                '# Allar mælingar dagsins, í sömu röð og í skránni; tómur listi ef dagurinn er ekki til.\n' +
                'sub by_date {\n    my ($self, $date) = @_;\n    my $list = $self->{by_date}{$date} or return;\n    return @$list;\n}\n',
            ),
          ],
          [
            empty(),
            edit(
              't/03-index.t',
              'done_testing;\n',
              "my @day = $s->by_date('2026-01-02');\nis(scalar @day, 8, 'by_date returns the whole day');\n" +
                "is($day[0]{time}, '00:00', 'by_date keeps file order');\nok(!grep({ $_->{date} ne '2026-01-02' } @day), 'by_date only that day');\n" +
                "is_deeply([$s->by_date('2026-01-04')], [], 'by_date on a day without data');\n\ndone_testing;\n",
            ),
          ],
          [empty(), bash(all, 'Run the TAP suite')],
          [
            empty(),
            say('Innsláttarvilla hjá mér, `$obs` á að vera `$rec`.'),
            edit('lib/Vedur/Skra.pm', '$self->{by_date}{ $obs->{date} }', '$self->{by_date}{ $rec->{date} }'),
          ],
          [empty(), bash(all, 'Run the TAP suite')],
          [empty(), say('by_date komið og allt grænt. Engar signatures, bara `my (...) = @_`.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Vedur::Skra: the parse test is fixed (single-digit hours), by_date added with tests.',
          intent: 'Fix the failing parse test, then add by_date. Core Perl only, no CPAN; the server runs perl 5.16 so no signatures.',
          concepts: ['Perl 5 module', 'prove / TAP', 'Test::More'],
          files: ['lib/Vedur/Skra.pm: time regex accepts one-digit hours; by_date index built in load', 't/03-index.t: by_date tests'],
          errors: ['02-parse failed on hours without a leading zero; fixed', 'A typo in load broke compilation once; fixed'],
          solving: 'Observations are indexed per date when loaded.',
          messages: ['Fix 02-parse; core modules only', 'Add by_date; no signatures (perl 5.16)'],
          pending: [],
          current: 'All tests pass.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: extremes,
        model: [
          [
            empty(),
            edit(
              'lib/Vedur/Skra.pm',
              'sub stations {\n',
              '# (min, max) hiti dagsins.\nsub day_extremes {\n    my ($self, $date) = @_;\n    my ($min, $max);\n' +
                '    for my $o ($self->by_date($date)) {\n        my $t = $o->{temp};\n' +
                '        $min = $t if !defined $min || $t < $min;\n        $max = $t if !defined $max || $t > $max;\n    }\n    return ($min, $max);\n}\n\nsub stations {\n',
            ),
          ],
          [
            empty(),
            edit(
              't/03-index.t',
              "is_deeply([$s->by_date('2026-01-04')], [], 'by_date on a day without data');\n",
              "is_deeply([$s->by_date('2026-01-04')], [], 'by_date on a day without data');\n\n" +
                "is_deeply([$s->day_extremes('2026-01-03')], [-7.9, -0.4], 'extremes skip missing readings');\n" +
                "is_deeply([$s->day_extremes('2026-01-04')], [undef, undef], 'no extremes without data');\n",
            ),
          ],
          [empty(), bash(all, 'Run the TAP suite')],
          [
            empty(),
            say('Viðvörun frá `-` mælingunni. Prófa fyrst að slökkva á henni í fallinu.'),
            edit('lib/Vedur/Skra.pm', '    my ($min, $max);\n', "    no warnings 'uninitialized';\n    my ($min, $max);\n"),
          ],
          [empty(), bash(all, 'Run the TAP suite')],
          [
            empty(),
            say(`Nei, það felur bara vandann: ${quiet.why} í samanburðinum og max dettur út. Tek línuna út og sleppi undef.`),
            edit('lib/Vedur/Skra.pm', "    no warnings 'uninitialized';\n    my ($min, $max);\n", '    my ($min, $max);\n'),
          ],
          [empty(), edit('lib/Vedur/Skra.pm', '        my $t = $o->{temp};\n', '        my $t = $o->{temp};\n        next unless defined $t;\n')],
          [empty(), bash(all, 'Run the TAP suite')],
          [empty(), say('Grænt. Snyrti skrána.'), bash(tidy, 'Tidy the module')],
          [empty(), say('Ok, sleppi því. Prófa á janúargögnunum.'), bash(oneLiner, 'Try day_extremes on the January log')],
          [empty(), say('day_extremes komið. Mælingar sem vantar eru hunsaðar; dagur án gagna skilar (undef, undef).')],
        ],
        refuse: { [tidy]: refusal },
      },
      {
        user: `${range} líka`,
        model: [
          [
            empty(),
            say(`Ætla að ${iso.choice}, ekki ${iso.alternative}: ${iso.reason}.`),
            edit(
              'lib/Vedur/Skra.pm',
              'sub stations {\n',
              '# Dagar með gögn frá $from til $to, báðir meðtaldir.\nsub range {\n    my ($self, $from, $to) = @_;\n' +
                '    return grep { $_ ge $from && $_ le $to } sort keys %{ $self->{by_date} };\n}\n\nsub stations {\n',
            ),
          ],
          [
            empty(),
            edit(
              't/03-index.t',
              "is_deeply([$s->day_extremes('2026-01-04')], [undef, undef], 'no extremes without data');\n",
              "is_deeply([$s->day_extremes('2026-01-04')], [undef, undef], 'no extremes without data');\n\n" +
                "is_deeply([$s->range('2026-01-02', '2026-01-04')], ['2026-01-02', '2026-01-03', '2026-01-04'], 'range is inclusive');\n" +
                "is_deeply([$s->range('2026-01-05', '2026-01-01')], [], 'range from after to');\n",
            ),
          ],
          [empty(), bash(all, 'Run the TAP suite')],
          [empty(), bash("grep -c '^2026-01-04' t/data/sample.txt; cut -d';' -f1 t/data/sample.txt | sort -u", 'Which days the fixture has')],
          [
            empty(),
            say(
              'range virkar á dögum sem eru til, en prófið mitt gerði ráð fyrir 4. jan og fixture-ið hefur engar mælingar þann dag.\n\n' +
                'Spurning: á range að skila bara dögum með gögnum (eins og núna, þá laga ég prófið), eða öllum dagatalsdögum á bilinu?',
            ),
          ],
        ],
      },
      {
        user: `láttu það vera spyr siggu\n${readme}`,
        model: [
          [
            empty(),
            edit(
              'README.md',
              '    print $s->count, "\\n";\n',
              '    print $s->count, "\\n";\n\n    # allar mælingar eins dags, í röð skrárinnar\n    for my $o ($s->by_date("2026-01-14")) {\n' +
                '        print "$o->{time} $o->{station} $o->{temp}\\n";\n    }\n\n    # (min, max) hiti dagsins; mælingar sem vantar (-) eru hunsaðar\n' +
                '    my ($min, $max) = $s->day_extremes("2026-01-14");\n',
            ),
          ],
          [empty(), say('README komið með dæmi. range prófið er enn rautt þar til Sigga ákveður.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Vedur::Skra: parse fix, by_date, day_extremes and range added; the range test fails on the fixture (no data for one day).',
          intent: 'Core-Perl weather module: fix parsing, add by_date, daily min/max and a date range; document by_date and day_extremes in the README.',
          concepts: ['Perl 5.16, core modules only', 'prove -l t/', 'Test::More is_deeply'],
          files: [
            'lib/Vedur/Skra.pm: by_date index, day_extremes skipping missing readings, range',
            't/03-index.t: tests for by_date, day_extremes, range',
            'README.md: examples',
          ],
          errors: ['Missing readings produced warnings and a wrong max; fixed', 'The range test fails: the fixture has no data for 2026-01-04'],
          solving: 'Silencing the warning was tried and reverted. The user refused running a formatter.',
          messages: ['Min/max temperature per day', 'A range from/to date', 'Leave the range test, ask Sigga; add README examples'],
          pending: ['Sigga decides whether range returns calendar days'],
          current: 'README examples added.',
          next: 'Wait for the user.',
        }),
      },
    ];
  },
};
