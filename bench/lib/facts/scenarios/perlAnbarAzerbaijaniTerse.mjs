// A terse Azerbaijani user (Latin script) on a core-Perl stock script (Anbar: `sku;ad;say;qiymet` lines)
// tested with `prove -v t/` (three TAP files). No thinking at all: the model's choices sit in short texts.
// A syntax error in lib/Anbar.pm breaks all three files and is fixed; a `not ok` in t/02_parse.t (prices
// written with a decimal comma) is fixed and confirmed by a narrower `prove -v t/02_parse.t`; an eval that
// swallowed bad lines in bin/anbar.pl is tried and restored with git checkout; a `git push` is refused; a
// low-stock ordering test is left failing at the end. Numbers are the counts bin/anbar.pl prints and
// prove's summary. One /compact in the middle, one at the end. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const empty = () => think('');

function stock() {
  let seed = 77;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const names = ['un', 'duz', 'seker', 'yag', 'cay', 'duyu', 'makaron', 'nohud', 'mercimek', 'qend'];
  const lines = ['# anbar qalıqları, mart 2026'];
  let bad = 0;
  let qty = 0;
  for (let i = 0; i < 1487; i++) {
    const sku = `AZ-${String(1000 + Math.floor(rand() * 430)).padStart(4, '0')}`;
    const name = names[Math.floor(rand() * names.length)];
    const q = Math.floor(rand() * 80);
    const price = (1 + rand() * 40).toFixed(2).replace('.', rand() < 0.4 ? ',' : '.');
    if (i % 113 === 50) {
      lines.push(`${sku};${name};-;${price}`);
      bad++;
      continue;
    }
    qty += q;
    lines.push(`${sku};${name};${q};${price}`);
  }
  return { text: lines.join('\n') + '\n', bad, qty };
}
const DATA = stock();

const ANBAR_PM = String.raw`package Anbar;
# Anbar qalıqları: sku;ad;say;qiymet
use strict;
use warnings;

our $VERSION = '0.2';

sub new { my ($class) = @_; return bless { rows => [], bad => 0 }, $class }

sub parse_line {
    my ($line) = @_
    chomp $line;
    return if $line =~ /^\s*(?:#|$)/;
    my ($sku, $ad, $say, $qiymet) = split /;/, $line;
    return unless defined $qiymet;
    return unless $say =~ /^\d+$/;
    return unless $qiymet =~ /^\d+(?:\.\d+)?$/;
    return { sku => $sku, ad => $ad, say => $say + 0, qiymet => $qiymet + 0 };
}

sub load {
    my ($self, $path) = @_;
    open my $fh, '<', $path or die "$path: $!\n";
    while (my $line = <$fh>) {
        next if $line =~ /^\s*(?:#|$)/;
        my $r = parse_line($line);
        if ($r) { push @{ $self->{rows} }, $r } else { $self->{bad}++ }
    }
    close $fh;
    return scalar @{ $self->{rows} };
}

sub bad { $_[0]{bad} }

sub total_say {
    my ($self) = @_;
    my $t = 0;
    $t += $_->{say} for @{ $self->{rows} };
    return $t;
}

1;
`;

const T01 = String.raw`use strict;
use warnings;
use Test::More;
use Anbar;

my $a = Anbar->new;
isa_ok($a, 'Anbar');
is($a->load('t/data/kicik.csv'), 6, 'altı sətir oxunur');
is($a->bad, 1, 'bir xətalı sətir');
is($a->total_say, 95, 'cəmi say');
ok(!eval { $a->load('t/data/yoxdur.csv'); 1 }, 'olmayan fayl');
like($@, qr/yoxdur/, 'xəta mesajı faylı göstərir');
is($a->{rows}[0]{sku}, 'AZ-1001', 'ilk sku');
done_testing;
`;

const T02 = String.raw`use strict;
use warnings;
use Test::More;
use Anbar;

my $p = \&Anbar::parse_line;
my $r = $p->("AZ-1001;un;12;3.40\n");
is($r->{sku}, 'AZ-1001', 'sku');
is($r->{say}, 12, 'say');
is($r->{qiymet}, 3.4, 'qiymət nöqtə ilə');
$r = $p->("AZ-1002;seker;5;2,75");
is($r && $r->{qiymet}, 2.75, 'qiymət vergüllə');
ok(!defined $p->("# qeyd"), 'şərh sətri');
ok(!defined $p->(""), 'boş sətir');
ok(!defined $p->("AZ-1003;yag;-;4.10"), 'say yoxdur');
ok(!defined $p->("AZ-1004;cay;3"), 'az sahə');
done_testing;
`;

const T03 = String.raw`use strict;
use warnings;
use Test::More;
use Anbar;

my $a = Anbar->new;
$a->load('t/data/kicik.csv');
my @r = @{ $a->{rows} };
is(scalar @r, 6, 'altı sətir');
is($r[-1]{sku}, 'AZ-1007', 'son sku');
ok(!grep({ $_->{say} < 0 } @r), 'mənfi say yoxdur');
is(scalar(grep { $_->{ad} eq 'un' } @r), 2, 'iki un');
cmp_ok($a->total_say, '>', 0, 'cəmi müsbət');
is($a->bad, 1, 'xəta sayı');
done_testing;
`;

const KICIK =
  '# kiçik nümunə\nAZ-1001;un;20;3.40\nAZ-1002;seker;5;2,75\nAZ-1003;yag;-;4.10\nAZ-1004;cay;30;6.00\nAZ-1005;un;8;3.40\nAZ-1006;duyu;2;1,90\nAZ-1007;duz;30;0.80\n';

const ANBAR_PL = String.raw`#!/usr/bin/perl
use strict;
use warnings;
use lib 'lib';
use Anbar;

my $path = shift @ARGV or die "istifadə: anbar.pl FAYL\n";
my $a = Anbar->new;
my $n = $a->load($path);
printf "oxundu: %d sətir, %d xəta\n", $n, $a->bad;
printf "cəmi say: %d\n", $a->total_say;
`;

export const scenario = {
  name: 'perl-anbar-azerbaijani',
  about:
    'held out: terse Azerbaijani (Latin) user, core-Perl stock script with prove -v t/, no thinking; syntax error at lib/Anbar.pm line 12 fixed; not ok 4 (decimal comma) fixed and confirmed by prove -v t/02_parse.t alone; eval that swallowed bad lines restored with git checkout; git push refused; a low_stock ordering test left failing; one mid and one final /compact',
  requires: ['perl', 'prove', 'git'],
  thinking: false,
  env: { PERL5LIB: 'lib' },
  files: {
    '.gitignore': '*.bak\n',
    'README.md': '# anbar\n\nAnbar qalıqlarını oxuyur (`sku;ad;say;qiymet`).\n\n    perl bin/anbar.pl data/anbar.csv\n\nTest: `prove -v t/`\n',
    'lib/Anbar.pm': ANBAR_PM,
    'bin/anbar.pl': ANBAR_PL,
    't/01_load.t': T01,
    't/02_parse.t': T02,
    't/03_report.t': T03,
    't/data/kicik.csv': KICIK,
    'data/anbar.csv': DATA.text,
  },
  build(k, { edit }) {
    const fix = k.request('prove sınır, düzəlt');
    const core = k.constraint('cpan modulu yox, yalnız core');
    k.error('syntax error at lib/Anbar.pm line 12, near "@_', 'resolved');
    k.error('not ok 4 - qiymət vergüllə', 'resolved');
    k.file('lib/Anbar.pm');
    k.number('Tests=21');
    const run = k.request('real faylda işlət, neçə sətir oxuyur de');
    k.number(String(1487 - DATA.bad));
    k.number(String(DATA.qty));
    k.number('8 mal 15-dən azdır');
    const swallow = k.rejected('eval { $a->load($path); 1 } or next', 'xətalı sətirlər sayılmalıdır, eval onları səssizcə udur');
    const minReq = k.request('anbar.pl-ə --min seçimi əlavə et, azalan malları göstərsin');
    const old = k.constraint('serverdə perl 5.10-dur, signatures olmaz');
    const hash = k.decision('SKU üzrə hash', 'eyni SKU bir neçə sətirdə gəlir və sayları cəmlənməlidir', 'sıralı massiv');
    k.file('bin/anbar.pl');
    k.file('t/03_report.t');
    const refusal = k.refusal('push etmə, hələ Rəşad baxmayıb');
    k.error('not ok 8 - low_stock azdan çoxa sıralı', 'unresolved');
    const readme = k.request('README-yə --min nümunəsi yaz');
    k.file('README.md');
    k.lastRequest(readme);
    k.check('prove', 'failing');
    k.not('rejected', hash.choice, 'the structure that was kept is not a dead end');
    k.not('decisions', swallow.what, 'tried and restored: a rejected approach');
    k.not('errors', 'Rəşad baxmayıb', "a user's refusal is not a tool error");
    k.not('constraints', minReq, 'a request is not a standing rule');

    const all = 'prove -v t/ 2>&1 | tail -n 40';
    const push = 'git push origin main';
    return [
      {
        user: `${fix}. ${core}`,
        model: [
          [empty(), say('Testləri işlədirəm.'), bash(all, 'Run the TAP suite')],
          [empty(), bash("sed -n '8,14p' lib/Anbar.pm", 'Show the lines around the syntax error')],
          [empty(), say('11-ci sətirdə `@_`-dan sonra nöqtəli vergül yoxdur.'), edit('lib/Anbar.pm', '    my ($line) = @_\n', '    my ($line) = @_;\n')],
          [empty(), bash('prove -v t/ 2>&1 | tail -n 60', 'Run the TAP suite again')],
          [
            empty(),
            say('Sintaksis düzəldi. İndi 02_parse-də vergüllü qiymət (`2,75`) rədd olunur. Vergülü nöqtəyə çevirirəm.'),
            edit('lib/Anbar.pm', '    return unless defined $qiymet;\n', '    return unless defined $qiymet;\n    $qiymet =~ tr/,/./;\n'),
          ],
          [empty(), bash('prove -v t/02_parse.t', 'Run only the parse tests')],
          [empty(), say('02_parse yaşıldır: `2,75` → `2.75`.')],
        ],
      },
      {
        user: run,
        model: [
          [empty(), bash('perl bin/anbar.pl data/anbar.csv', 'Run the script on the real file')],
          [
            empty(),
            say('Xətalı sətirləri skriptdə ayrıca tutmağa çalışıram.'),
            edit('bin/anbar.pl', 'my $n = $a->load($path);\n', 'my $n;\nfor (1) { $n = eval { $a->load($path); 1 } or next; $n = $a->load($path) }\n'),
          ],
          [empty(), bash('perl bin/anbar.pl data/anbar.csv 2>&1 | head -5', 'Run it again')],
          [
            empty(),
            say(`Yox, bu pisdir: ${swallow.why}. (\`${swallow.what}\` yanaşması.) Geri qaytarıram.`),
            bash('git checkout bin/anbar.pl && git diff --stat', 'Restore bin/anbar.pl'),
          ],
          [empty(), bash('perl bin/anbar.pl data/anbar.csv', 'Run the script again')],
          [empty(), say('Real fayl yuxarıdakı kimi oxunur; xətalı sətirlərin hamısında say `-` yazılıb.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Anbar Perl script: a syntax error and the decimal-comma parse test were fixed; the real file was run.',
          intent: 'Fix the failing prove run, then run the script on the real stock file. Core Perl only, no CPAN.',
          concepts: ['Perl 5 module', 'prove / TAP', 'Test::More'],
          files: ['lib/Anbar.pm: missing semicolon fixed; decimal comma accepted in prices'],
          errors: ['A syntax error broke every test file; fixed', 'The price-with-comma test failed; fixed'],
          solving: 'Catching bad lines with an eval in the script was tried and undone.',
          messages: ['Fix prove; core modules only', 'Run it on the real file and say how many lines'],
          pending: [],
          current: 'The script runs on the real file.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `${minReq}\n${old}`,
        model: [
          [
            empty(),
            say(`${hash.choice} saxlayıram, ${hash.alternative} yox: ${hash.reason}.`),
            edit(
              'lib/Anbar.pm',
              'sub bad { $_[0]{bad} }\n',
              'sub bad { $_[0]{bad} }\n\n# SKU => cəmi say; $min-dən az olanlar, azdan çoxa.\nsub low_stock {\n    my ($self, $min) = @_;\n    my %by;\n' +
                '    $by{ $_->{sku} } += $_->{say} for @{ $self->{rows} };\n    return map { [ $_, $by{$_} ] } grep { $by{$_} < $min } sort keys %by;\n}\n',
            ),
          ],
          [
            empty(),
            edit(
              'bin/anbar.pl',
              'use Anbar;\n\nmy $path',
              'use Anbar;\nuse Getopt::Long;\n\nGetOptions(\'min=i\' => \\my $min) or die "istifadə: anbar.pl [--min N] FAYL\\n";\nmy $path',
            ),
          ],
          [
            empty(),
            edit(
              'bin/anbar.pl',
              'printf "cəmi say: %d\\n", $a->total_say;\n',
              'printf "cəmi say: %d\\n", $a->total_say;\nif (defined $min) {\n    my @low = $a->low_stock($min);\n    printf "%d mal %d-dən azdır\\n", scalar @low, $min;\n    printf "  %s %d\\n", @$_ for @low[0 .. ($#low < 4 ? $#low : 4)];\n}\n',
            ),
          ],
          [
            empty(),
            edit(
              't/03_report.t',
              'done_testing;\n',
              "my @low = $a->low_stock(10);\nis(scalar @low, 3, 'üç mal 10-dan az');\nis_deeply([map { $_->[1] } @low], [2, 5, 8], 'low_stock azdan çoxa sıralı');\ndone_testing;\n",
            ),
          ],
          [empty(), bash(all, 'Run the TAP suite')],
          [empty(), bash('perl bin/anbar.pl --min 15 data/anbar.csv', 'Try --min on the real file')],
          [
            empty(),
            say('`--min` işləyir, amma sıralama SKU üzrədir, say üzrə deyil; test 8 qırmızıdır. Commit edib push edirəm.'),
            bash('git add -A && git commit -qm "anbar: --min, low_stock" && git log --oneline | head -2', 'Commit'),
          ],
          [empty(), bash(push, 'Push to origin')],
          [empty(), say('Yaxşı, push etmirəm. low_stock sıralaması hələ düzəlməyib (test 8).')],
        ],
        refuse: { [push]: refusal },
      },
      {
        user: `sıralamanı sonra baxarıq. ${readme}`,
        model: [
          [
            empty(),
            edit(
              'README.md',
              '    perl bin/anbar.pl data/anbar.csv\n',
              '    perl bin/anbar.pl data/anbar.csv\n    perl bin/anbar.pl --min 15 data/anbar.csv   # 15-dən az qalan mallar\n',
            ),
          ],
          [empty(), say('README-yə `--min` nümunəsi əlavə etdim. `prove` hələ 1 testdə qırmızıdır (low_stock sıralaması).')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Anbar: --min option and low_stock added; the ordering test still fails; push refused; README updated.',
          intent: 'Core-Perl stock script: fix tests, run on the real file, add --min for low stock, document it. Server runs an old perl, no signatures.',
          concepts: ['Perl 5.10, core modules only', 'prove -v t/', 'Getopt::Long'],
          files: ['lib/Anbar.pm: low_stock', 'bin/anbar.pl: --min', 't/03_report.t: low_stock tests', 'README.md: --min example'],
          errors: ['The low_stock ordering test fails (sorted by SKU, not by count)'],
          solving: 'Totals per SKU in a hash. The user refused a push before review.',
          messages: ['Add --min', 'Look at the ordering later; add a README example'],
          pending: ['Sort low_stock by count'],
          current: 'README example added.',
          next: 'Wait for the user.',
        }),
      },
    ];
  },
};
